package dev.ilbportal.sandbox.civo;

import tools.jackson.databind.node.ArrayNode;

/** {@code GET /v2/networks} (plain array) and {@code GET /v2/networks/{id}}. */
final class NetworkRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        if (request.is("GET", 1)) {
            ArrayNode networks = SimulatorJson.array();
            world.networks(request.region())
                    .forEach(network -> networks.add(SimulatorJson.network(network, world.freeIpCount(network))));
            return SimulatorResponse.ok(networks);
        }
        if (request.is("GET", 2)) {
            SimulatedNetwork network = world.network(request.region(), request.segment(1));
            return SimulatorResponse.ok(SimulatorJson.network(network, world.freeIpCount(network)));
        }
        throw Routes.noRoute(request);
    }
}
