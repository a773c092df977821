package dev.ilbportal.kubernetes;

/** A call to a cluster's Kubernetes API that failed, with the HTTP status and the {@code Status} reason. */
public class KubernetesApiException extends RuntimeException {

    private final int status;
    private final String reason;

    public KubernetesApiException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
