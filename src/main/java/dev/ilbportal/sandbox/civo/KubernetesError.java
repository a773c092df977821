package dev.ilbportal.sandbox.civo;

/** A failure the simulated Kubernetes API answers with a {@code v1 Status} body, as a real API server does. */
final class KubernetesError extends RuntimeException {

    private final int status;
    private final String reason;

    KubernetesError(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static KubernetesError notFound(String name) {
        return new KubernetesError(404, "NotFound", "services \"" + name + "\" not found");
    }

    static KubernetesError invalid(String name, String message) {
        return new KubernetesError(422, "Invalid", "Service \"" + name + "\" is invalid: " + message);
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
