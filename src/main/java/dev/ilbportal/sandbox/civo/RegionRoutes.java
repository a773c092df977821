package dev.ilbportal.sandbox.civo;

import tools.jackson.databind.node.ArrayNode;

/** {@code GET /v2/regions}: a plain array. */
final class RegionRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        if (!request.is("GET", 1)) {
            throw Routes.noRoute(request);
        }
        ArrayNode regions = SimulatorJson.array();
        request.world().regions().forEach(region -> regions.add(SimulatorJson.region(region)));
        return SimulatorResponse.ok(regions);
    }
}
