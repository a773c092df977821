package dev.ilbportal.sandbox.civo;

/**
 * The account's limits reported by {@code GET /v2/quota}; creating beyond one fails with {@code quota_limit_reached}.
 *
 * @param loadBalancers  {@code loadbalancer_count_limit}
 * @param firewalls      {@code security_group_limit}
 * @param firewallRules  {@code security_group_rule_limit}
 * @param networks       {@code network_count_limit}
 * @param instances      {@code instance_count_limit}
 */
public record QuotaLimits(int loadBalancers, int firewalls, int firewallRules, int networks, int instances) {

    /** Roomy limits for demos: the seeded world uses 10 firewalls, 30 rules, 9 networks and 8 instances. */
    public static QuotaLimits defaults() {
        return new QuotaLimits(10, 40, 400, 20, 20);
    }
}
