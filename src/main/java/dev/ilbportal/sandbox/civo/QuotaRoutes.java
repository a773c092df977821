package dev.ilbportal.sandbox.civo;

/** {@code GET /v2/quota}: account-wide limits and usage. */
final class QuotaRoutes implements Routes {

    @Override
    public SimulatorResponse handle(SimulatorRequest request) {
        if (!request.is("GET", 1)) {
            throw Routes.noRoute(request);
        }
        QuotaLimits limit = request.world().quota();
        QuotaLimits usage = request.world().usage();
        return SimulatorResponse.ok(SimulatorJson.object().put("id", SeedWorld.id("quota"))
                .put("loadbalancer_count_limit", limit.loadBalancers())
                .put("loadbalancer_count_usage", usage.loadBalancers())
                .put("security_group_limit", limit.firewalls()).put("security_group_usage", usage.firewalls())
                .put("security_group_rule_limit", limit.firewallRules())
                .put("security_group_rule_usage", usage.firewallRules())
                .put("network_count_limit", limit.networks()).put("network_count_usage", usage.networks())
                .put("instance_count_limit", limit.instances()).put("instance_count_usage", usage.instances()));
    }
}
