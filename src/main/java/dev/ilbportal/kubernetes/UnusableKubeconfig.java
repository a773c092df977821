package dev.ilbportal.kubernetes;

/** Thrown when a cluster's kubeconfig cannot be used safely by the portal, saying why. */
public class UnusableKubeconfig extends RuntimeException {

    public UnusableKubeconfig(String message) {
        super(message);
    }
}
