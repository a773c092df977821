package dev.ilbportal.sandbox.civo;

import java.util.Arrays;
import java.util.List;

/** {@code GET /v2/instances} (paginated, {@code tags} filter) and {@code GET /v2/instances/{id}}. */
final class InstanceRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        if (request.is("GET", 1)) {
            List<String> tags = tags(request.query("tags"));
            // An instance must carry every tag asked for; Civo does not say whether it is all or any [I].
            List<SimulatedInstance> matching = world.instances(request.region()).stream()
                    .filter(instance -> instance.hasAllTags(tags)).toList();
            return SimulatorResponse.ok(Pagination.page(request, matching, SimulatorJson::instance));
        }
        if (request.is("GET", 2)) {
            return SimulatorResponse.ok(SimulatorJson.instance(world.instance(request.region(), request.segment(1))));
        }
        throw Routes.noRoute(request);
    }

    private static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("[\\s,]+")).filter(tag -> !tag.isEmpty()).toList();
    }
}
