package dev.ilbportal.sandbox.civo;

/** An API failure the simulator answers with Civo's error body ({@code code}, {@code result}, {@code reason}). */
final class CivoError extends RuntimeException {

    private final int status;
    private final String code;

    CivoError(int status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
    }

    static CivoError badRequest(String code, String reason) {
        return new CivoError(400, code, reason);
    }

    static CivoError missing(String field) {
        return badRequest("parameter_" + field + "_missing", "The parameter " + field + " is required");
    }

    static CivoError invalid(String field, String why) {
        return badRequest("parameter_" + field + "_invalid", "The parameter " + field + " is invalid: " + why);
    }

    static CivoError notFound(String code, String reason) {
        return new CivoError(404, code, reason);
    }

    static CivoError conflict(String code, String reason) {
        return new CivoError(409, code, reason);
    }

    /** Civo names the code but no status was ever quoted [?]: the simulator answers 403. */
    static CivoError quotaReached(String what) {
        return new CivoError(403, "quota_limit_reached",
                "The quota limit for " + what + " has been reached; ask Civo support to raise it");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String reason() {
        return getMessage();
    }
}
