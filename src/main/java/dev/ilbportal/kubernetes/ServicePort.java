package dev.ilbportal.kubernetes;

/**
 * One port of a Service, as Kubernetes names its fields, because the cloud controller manager turns every one into a
 * backend on every node.
 *
 * @param name       the port's name; Kubernetes requires one when a Service has more than one port
 * @param port       the port the load balancer listens on
 * @param targetPort the container port the pods listen on
 * @param protocol   {@code TCP}
 */
public record ServicePort(String name, int port, int targetPort, String protocol) {

    public static ServicePort tcp(String name, int port, int targetPort) {
        return new ServicePort(name, port, targetPort, "TCP");
    }
}
