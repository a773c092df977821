package dev.ilbportal.sandbox.civo;


/** {@code GET /v2/regions}: a plain array. */
final class RegionRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        if (!request.is("GET", 1)) {
            throw Routes.noRoute(request);
        }
        return SimulatorResponse.okList(request.world().regions(), SimulatorJson::region);
    }
}
