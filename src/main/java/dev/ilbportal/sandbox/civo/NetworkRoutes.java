package dev.ilbportal.sandbox.civo;


/** {@code GET /v2/networks} (plain array) and {@code GET /v2/networks/{id}}. */
final class NetworkRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        if (request.is("GET", 1)) {
            return SimulatorResponse.okList(world.networks(request.region()),
                    network -> SimulatorJson.network(network, world.freeIpCount(network)));
        }
        if (request.is("GET", 2)) {
            SimulatedNetwork network = world.network(request.region(), request.segment(1));
            return SimulatorResponse.ok(SimulatorJson.network(network, world.freeIpCount(network)));
        }
        throw Routes.noRoute(request);
    }
}
