package dev.ilbportal.requests.internal;

import java.util.Set;

/**
 * The wizard's pages and the spec fields each one owns, so a page is validated only on what it asks for and a
 * problem of a later page never blocks an earlier one.
 */
public enum WizardStep {

    NETWORK("firewall", "Network", Set.of("team", "region", "networkId", "firewallMode", "firewallName", "firewallId",
            "firewallQuota")),
    LOAD_BALANCER("load-balancer", "Load balancer", Set.of("name", "algorithm", "targetKind", "targetValues",
            "namespace", "ports", "sessionAffinity", "sessionAffinityTimeout", "proxyProtocol", "maxConcurrentRequests",
            "clientTimeout", "serverTimeout", "firewallMode", "firewallName", "firewallId", "firewallQuota", "loadBalancerQuota")),
    REVIEW("review", "Review", Set.of("team", "region", "networkId", "firewallMode", "firewallName", "firewallId",
            "firewallQuota", "name", "algorithm", "targetKind", "targetValues", "namespace", "ports", "sessionAffinity",
            "sessionAffinityTimeout", "proxyProtocol", "maxConcurrentRequests", "clientTimeout", "serverTimeout",
            "loadBalancerQuota", "justification"));

    private final String path;
    private final String title;
    private final Set<String> fields;

    WizardStep(String path, String title, Set<String> fields) {
        this.path = path;
        this.title = title;
        this.fields = fields;
    }

    /** The step's name in the step indicator. */
    public String title() {
        return title;
    }

    /** The last part of the step's URL, {@code /requests/{id}/<path>}. */
    public String path() {
        return path;
    }

    public Set<String> fields() {
        return fields;
    }

    public boolean owns(String field) {
        return fields.contains(field.replaceAll("[\\[.].*", ""));
    }

    /** The step where a field is entered, for "change this" links on the review page. */
    public static WizardStep whereEntered(String field) {
        return NETWORK.owns(field) ? NETWORK : LOAD_BALANCER.owns(field) ? LOAD_BALANCER : REVIEW;
    }
}
