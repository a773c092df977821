package dev.ilbportal.sandbox.civo;

/** An explicit load-balancer backend; {@code healthCheckPort} 0 means not given. */
record Backend(String ip, String protocol, int sourcePort, int targetPort, int healthCheckPort) {
}
