package dev.ilbportal.civo.model;

import java.util.List;

/**
 * A firewall's rules, and the one definition of an internal-only firewall: it has no rule whose direction is ingress.
 * Every Civo load balancer has a public IP, so one inbound rule is enough to make it public. The wizard (choosing an
 * existing firewall), provisioning (before creating the load balancer) and verification (every run) all ask here.
 */
public record FirewallRules(List<FirewallRule> all) {

    private static final String INGRESS = "ingress";

    public FirewallRules {
        all = Lists.orEmpty(all);
    }

    public static FirewallRules of(List<FirewallRule> rules) {
        return new FirewallRules(rules);
    }

    /** The rules that let traffic in (Civo writes the direction in either case). */
    public List<FirewallRule> ingress() {
        return all.stream().filter(rule -> INGRESS.equalsIgnoreCase(rule.direction())).toList();
    }

    /** Whether a load balancer behind this firewall is internal: zero ingress rules. */
    public boolean isInternalOnly() {
        return ingress().isEmpty();
    }
}
