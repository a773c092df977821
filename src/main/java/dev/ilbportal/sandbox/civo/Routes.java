package dev.ilbportal.sandbox.civo;

/** The handlers of one resource family of Civo's API, below {@code /v2/<family>}. */
interface Routes {

    SimulatorResponse handle(SimulatorRequest request);

    static CivoError noRoute(SimulatorRequest request) {
        // Civo answers unknown paths with a plain 404 page [C]; a JSON body keeps clients' error parsing simple.
        return CivoError.notFound("not_found",
                "No such endpoint: " + request.method() + " /v2/" + String.join("/", request.segments()));
    }
}
