package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import dev.ilbportal.provisioning.internal.ProvisioningWorker;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.support.Poll;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;

/**
 * The one way integration tests get load balancers built for real against the sandbox's Civo: approve through the
 * workflow, drive the provisioning worker step by step, wait for the run that follows provisioning. Built from the
 * test's application context (no bean of its own, so using it never changes which context a test gets); needs the
 * step-by-step timings of {@code fast-sandbox.properties} or slower schedules.
 */
public final class ProvisioningHarness {

    private static final Duration JOB_DEADLINE = Duration.ofSeconds(15);

    private final ApprovedRequestFixture approved;
    private final ProvisioningWorker worker;
    private final ProvisioningJobs jobs;
    private final InventoryVerificationState inventory;

    public ProvisioningHarness(ApplicationContext context) {
        this.approved = ApprovedRequestFixture.of(context);
        this.worker = context.getBean(ProvisioningWorker.class);
        this.jobs = context.getBean(ProvisioningJobs.class);
        this.inventory = context.getBean(InventoryVerificationState.class);
    }

    public ApprovedRequestFixture requests() {
        return approved;
    }

    /** Drafts, submits and approves {@code spec}; provisioning starts from the approval. */
    public UUID approve(LoadBalancerSpec spec) {
        return approved.approve(spec);
    }

    /** Runs due jobs until the request's job has finished (succeeded, failed or abandoned), and returns it. */
    public ProvisioningJob runUntilFinished(UUID requestId) {
        return runWhile(requestId, job -> !job.status().isFinished(), true);
    }

    /** Runs due jobs while {@code going} holds for the request's job (at most 15 s), and returns the job then. */
    public ProvisioningJob runWhile(UUID requestId, Predicate<ProvisioningJob> going) {
        return runWhile(requestId, going, false);
    }

    private ProvisioningJob runWhile(UUID requestId, Predicate<ProvisioningJob> going, boolean mustStop) {
        ProvisioningJob[] job = {jobs.findByRequestId(requestId).orElseThrow()};
        try {
            Poll.until("the job of request " + requestId + " to move on", JOB_DEADLINE, () -> {
                job[0] = jobs.findByRequestId(requestId).orElseThrow();
                if (!going.test(job[0])) {
                    return true;
                }
                worker.runNextDueJob();
                return false;
            });
        } catch (AssertionError stillGoing) {
            if (mustStop) {
                throw new AssertionError("job did not finish: " + job[0].status(), stillGoing);
            }
        }
        return job[0];
    }

    /**
     * Runs due jobs until the jobs of all these requests have finished (at most 20 s). Safe to call from several
     * threads at once: each call is one more worker.
     */
    public void runUntilAllFinished(Collection<UUID> requestIds) {
        Poll.until("the jobs of " + requestIds.size() + " requests to finish", Duration.ofSeconds(20), () -> {
            if (requestIds.stream().allMatch(id -> jobs.findByRequestId(id).orElseThrow().status().isFinished())) {
                return true;
            }
            worker.runNextDueJob();
            return false;
        });
    }

    /** The inventory's load balancer built for the request. */
    public InternalLoadBalancer loadBalancerOf(UUID requestId) {
        return inventory.verifiable().stream().filter(lb -> lb.requestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing in the inventory for request " + requestId));
    }

    /** Approves and provisions {@code spec} and returns its load balancer (its first run may still be going). */
    public InternalLoadBalancer provisioned(LoadBalancerSpec spec) {
        UUID requestId = approve(spec);
        runUntilFinished(requestId);
        return loadBalancerOf(requestId);
    }

    /** A payments load balancer named {@code prefix-…}, provisioned, after the run that follows provisioning. */
    public InternalLoadBalancer provisionedAndVerified(String prefix) {
        return provisionedAndVerified(approve(approved.spec(ApprovedRequestFixture.uniqueName(prefix),
                FirewallChoice.create(""))));
    }

    /**
     * Provisions an approved request and waits for the run that follows provisioning (it is asynchronous: a test
     * that goes on at once would race it); returns the load balancer then.
     */
    public InternalLoadBalancer provisionedAndVerified(UUID approvedRequestId) {
        runUntilFinished(approvedRequestId);
        InternalLoadBalancer lb = loadBalancerOf(approvedRequestId);
        Poll.until("the run after provisioning of " + lb.name(), Duration.ofSeconds(10),
                () -> reload(lb).lastVerification() != null);
        return reload(lb);
    }

    public InternalLoadBalancer reload(InternalLoadBalancer lb) {
        return inventory.find(lb.id()).orElseThrow();
    }
}
