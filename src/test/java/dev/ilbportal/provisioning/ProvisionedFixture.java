package dev.ilbportal.provisioning;

import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.RequestWorkflow;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.Poll;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A load balancer provisioned for real against the sandbox's Civo, for tests that need one: approved through the
 * workflow, built by the worker driven step by step, and verified once by the run that follows provisioning. Needs
 * the step-by-step timings of {@code fast-sandbox.properties}. Import it with {@code @Import(ProvisionedFixture.class)}.
 */
@Component
public class ProvisionedFixture {

    private final ApprovedRequestFixture approved;
    private final ProvisioningWorker worker;
    private final ProvisioningJobs jobs;
    private final InventoryVerificationState inventory;

    ProvisionedFixture(LoadBalancerRequests requests, RequestWorkflow workflow, CivoClient civo,
                       ProvisioningWorker worker, ProvisioningJobs jobs, InventoryVerificationState inventory) {
        this.approved = new ApprovedRequestFixture(requests, workflow, civo);
        this.worker = worker;
        this.jobs = jobs;
        this.inventory = inventory;
    }

    /** Approves and provisions a payments load balancer named {@code prefix-…}, then waits for its first run. */
    public InternalLoadBalancer provisionedAndVerified(String prefix) {
        UUID requestId = approved.approve(approved.spec(ApprovedRequestFixture.uniqueName(prefix),
                FirewallChoice.create("")));
        Poll.until("provisioning of " + prefix + " finished", Duration.ofSeconds(15), () -> {
            if (jobs.findByRequestId(requestId).orElseThrow().status().isFinished()) {
                return true;
            }
            worker.runNextDueJob();
            return false;
        });
        InternalLoadBalancer lb = inventory.verifiable().stream().filter(l -> l.requestId().equals(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("nothing in the inventory for " + requestId));
        Poll.until("the run after provisioning of " + lb.name(), Duration.ofSeconds(10),
                () -> inventory.find(lb.id()).orElseThrow().lastVerification() != null);
        return inventory.find(lb.id()).orElseThrow();
    }
}
