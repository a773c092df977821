package dev.ilbportal.sandbox.civo;


/** {@code GET /v2/kubernetes/clusters} (paginated), {@code /{id}} and {@code /{id}/instances} (plain array). */
final class KubernetesRoutes implements Routes {

    private final java.util.function.Function<String, String> kubernetesApi;

    /** {@code kubernetesApi} gives the server URL of a cluster's simulated Kubernetes API, for its kubeconfig. */
    KubernetesRoutes(java.util.function.Function<String, String> kubernetesApi) {
        this.kubernetesApi = kubernetesApi;
    }

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        CivoWorld world = request.world();
        if (request.size() < 2 || !request.segment(1).equals("clusters") || !request.method().equals("GET")) {
            throw Routes.noRoute(request);
        }
        if (request.size() == 2) {
            return SimulatorResponse.ok(Pagination.page(request, world.clusters(request.region()),
                    cluster -> SimulatorJson.cluster(cluster, kubernetesApi.apply(cluster.id()))));
        }
        SimulatedCluster cluster = world.cluster(request.region(), request.segment(2));
        if (request.size() == 3) {
            return SimulatorResponse.ok(SimulatorJson.cluster(cluster, kubernetesApi.apply(cluster.id())));
        }
        if (request.size() == 4 && request.segment(3).equals("instances")) {
            return SimulatorResponse.okList(cluster.nodes(), SimulatorJson::clusterNode);
        }
        throw Routes.noRoute(request);
    }
}
