package dev.ilbportal.verification.internal;

import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.Verifier;
import dev.ilbportal.provisioning.ProvisioningEvents.FirewallRestored;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Proves a new load balancer internal right after it is built, and again right after its firewall is restored, once
 * the provisioning transaction committed.
 */
@Component
class AfterProvisioningVerification {

    private final Verifier verifier;

    AfterProvisioningVerification(Verifier verifier) {
        this.verifier = verifier;
    }

    @Async
    @TransactionalEventListener
    void on(LoadBalancerProvisioned provisioned) {
        verifier.verifyIfListed(provisioned.loadBalancerId(), Trigger.AFTER_PROVISIONING);
    }

    /** A restored firewall is proven (or not) at once, so the load balancer need not wait for the hourly round. */
    @Async
    @TransactionalEventListener
    void on(FirewallRestored restored) {
        verifier.verifyIfListed(restored.loadBalancerId(), Trigger.AFTER_RESTORE);
    }
}
