package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.Decommissioning;

/** The hash of a load balancer's decommission plan, for approvers' tools and tests that approve by hash. */
public final class DecommissioningPlans {

    private DecommissioningPlans() {
    }

    public static String hashOf(InternalLoadBalancer lb) {
        return Decommissioning.planFor(lb).hash();
    }
}
