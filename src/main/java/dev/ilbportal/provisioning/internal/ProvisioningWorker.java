package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningEvents;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoLane;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningCleanedUp;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningFailed;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStepCompleted;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStepRetried;
import dev.ilbportal.requests.RequestLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due provisioning jobs, one step at a time. A job is claimed in a short transaction with a row lock
 * ({@code FOR UPDATE SKIP LOCKED}) that also pushes its next run past a lease, so no other instance takes it while
 * this one works; Civo is called outside any transaction; the outcome is saved with its events in one transaction.
 * A worker that dies leaves the job to be resumed from its persisted step when the lease runs out.
 */
@Component
public class ProvisioningWorker {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningWorker.class);
    private static final int JOBS_PER_ROUND = 20;

    private final ProvisioningJobs jobs;
    private final InternalLoadBalancers inventory;
    private final ProvisioningSteps steps;
    private final StepLog stepLog;
    private final ProvisioningProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RequestLookup requests;

    ProvisioningWorker(ProvisioningJobs jobs, InternalLoadBalancers inventory, ProvisioningSteps steps,
                       StepLog stepLog, ProvisioningProperties properties, TransactionTemplate transactions,
                       ApplicationEventPublisher events, Clock clock, RequestLookup requests) {
        this.requests = requests;
        this.jobs = jobs;
        this.inventory = inventory;
        this.steps = steps;
        this.stepLog = stepLog;
        this.properties = properties;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.provisioning.poll-interval:1s}", initialDelayString = "${portal.provisioning.initial-delay:5s}")
    void runDueJobs() {
        for (int i = 0; i < JOBS_PER_ROUND && runNextDueJob(); i++) {
            // each round takes at most a bounded number of jobs, so a long queue never starves the scheduler
        }
    }

    /** Claims and runs one step of the next due job; false when nothing is due. */
    public boolean runNextDueJob() {
        Optional<ProvisioningJob> claimed = claimNextDueJob();
        claimed.ifPresent(job -> CivoLane.PROVISIONING.run(() -> runStep(job)));
        return claimed.isPresent();
    }

    private Optional<ProvisioningJob> claimNextDueJob() {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            Optional<ProvisioningJob> job = jobs.lockNextDue(now);
            job.ifPresent(found -> {
                found.claimUntil(now.plus(properties.lease()));
                jobs.saveAndFlush(found);
            });
            return job;
        });
    }

    private void runStep(ProvisioningJob claimed) {
        ProvisioningJob job = jobs.findById(claimed.id()).orElseThrow();
        ProvisioningStep step = job.step();
        try {
            runAndSave(job, step);
        } catch (RuntimeException e) {
            // The step's outcome could not be saved (a value the database refuses, a lost connection): without
            // this the lease would run out and the same failure repeat forever.
            log.warn("Provisioning job {} step {}: the outcome could not be saved", job.id(), step, e);
            outcomeNotSaved(job.id(), step, e);
        }
    }

    private void runAndSave(ProvisioningJob job, ProvisioningStep step) {
        if (step == ProvisioningStep.RECORD_INVENTORY) {
            recordInventory(job);
            return;
        }
        StepResult result;
        long started = System.nanoTime();
        try {
            result = steps.run(job, this::checkpoint);
        } catch (CivoApiException e) {
            result = handleCivoFault(job, e);
        } catch (RuntimeException e) {
            log.warn("Provisioning job {} step {} failed unexpectedly", job.id(), step, e);
            result = new StepResult.Fail("portal_error", "The portal could not run this step: " + e.getMessage());
        }
        ProvisioningMeters.stepRan(step, result, System.nanoTime() - started);
        save(job, step, result);
    }

    /**
     * Counts an attempt whose outcome the portal could not save; after {@code max-step-attempts} of them the job
     * ends FAILED with the reason, like a step that Civo keeps refusing.
     */
    private void outcomeNotSaved(UUID jobId, ProvisioningStep step, RuntimeException cause) {
        String reason = "The portal could not record this step: " + rootMessage(cause);
        try {
            transactions.executeWithoutResult(tx -> jobs.findById(jobId)
                    .filter(job -> job.step() == step && !job.status().isFinished()).ifPresent(job -> {
                        Instant now = clock.instant();
                        if (job.stepAttempts() + 1 >= properties.maxStepAttempts()) {
                            job.fail("portal_error", reason, now);
                            stepLog.write(job.id(), step, "FAILED", "portal_error: " + reason, null, now);
                            events.publishEvent(new ProvisioningFailed(job.id(), job.requestId(), job.team(), step,
                                    "portal_error", reason));
                        } else {
                            job.runAgainAt(now.plus(properties.backoff(job.stepAttempts())), now, true);
                            stepLog.write(job.id(), step, "RETRYING", reason, null, now);
                        }
                        jobs.save(job);
                    }));
        } catch (RuntimeException again) {
            log.warn("Provisioning job {}: the failed attempt could not be counted either", jobId, again);
        }
    }

    /** The innermost cause's message, one line and at most 300 characters: enough to act on, no stack of wrappers. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private StepResult handleCivoFault(ProvisioningJob job, CivoApiException e) {
        boolean retry = e.kind().isTransient() && job.stepAttempts() + 1 < properties.maxStepAttempts();
        if (retry) {
            Instant when = clock.instant().plus(e.retryAfter().orElse(properties.backoff(job.stepAttempts())));
            return new StepResult.Retry(when, e);
        }
        return new StepResult.Fail(e.code() != null ? e.code() : e.kind().name().toLowerCase(),
                e.reason() != null ? e.reason() : e.getMessage());
    }

    private void save(ProvisioningJob job, ProvisioningStep step, StepResult result) {
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            switch (result) {
                case StepResult.Advance advance -> {
                    stepLog.write(job.id(), step, "DONE", advance.detail(), advance.civoId(), now);
                    job.advance(now);
                    events.publishEvent(new ProvisioningStepCompleted(job.id(), job.requestId(), job.team(), step,
                            advance.civoId(), advance.detail()));
                    if (job.step() == ProvisioningStep.RESTORED) {
                        restored(job);
                    }
                    if (job.step() == ProvisioningStep.CLEANED_UP) {
                        events.publishEvent(new ProvisioningCleanedUp(job.id(), job.requestId(), job.team(),
                                job.loadBalancerId(), job.firewallCreated() ? job.firewallId() : null));
                        if (job.kind() == ProvisioningJob.Kind.DECOMMISSION) {
                            decommissioned(job, now);
                        }
                    }
                }
                case StepResult.Wait wait -> {
                    job.runAgainAt(wait.until(), now, false);
                    stepLog.write(job.id(), step, "WAITING", wait.detail(), null, now);
                }
                case StepResult.Retry retry -> {
                    job.runAgainAt(retry.when(), now, true);
                    stepLog.write(job.id(), step, "RETRYING", retry.cause().getMessage(), null, now);
                    events.publishEvent(new ProvisioningStepRetried(job.id(), job.requestId(), job.team(), step,
                            job.stepAttempts(), retry.cause().code(), retry.cause().reason()));
                }
                case StepResult.Fail fail -> {
                    job.fail(fail.code(), fail.reason(), now);
                    stepLog.write(job.id(), step, "FAILED", fail.code() + ": " + fail.reason(), null, now);
                    events.publishEvent(new ProvisioningFailed(job.id(), job.requestId(), job.team(), step,
                            fail.code(), fail.reason()));
                }
            }
            jobs.save(job);
        });
    }

    private void decommissioned(ProvisioningJob job, Instant now) {
        inventory.findByCivoId(job.loadBalancerId()).ifPresent(lb -> {
                    lb.markDecommissioned(now);
                    inventory.save(lb);
                    events.publishEvent(new ProvisioningEvents.LoadBalancerDecommissioned(job.id(), job.requestId(),
                            lb.id(), job.team(), job.region(), lb.civoId(), lb.firewallCreated() ? lb.firewallId()
                            : null));
                });
    }

    private void restored(ProvisioningJob job) {
        inventory.findByCivoId(job.loadBalancerId()).ifPresent(lb -> events.publishEvent(
                new ProvisioningEvents.FirewallRestored(job.id(), job.requestId(), lb.id(), job.team(), job.region(),
                        lb.civoId(), lb.firewallId())));
    }

    private void checkpoint(ProvisioningJob job) {
        transactions.executeWithoutResult(tx -> job.versionFrom(jobs.saveAndFlush(job)));
    }

    private void recordInventory(ProvisioningJob job) {
        transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            InternalLoadBalancer lb = inventory.findByRequestId(job.requestId()).orElseGet(() -> {
                InternalLoadBalancer created = InternalLoadBalancer.from(job, now);
                created.endOn(requests.endDateOf(job.requestId()).orElse(null));
                return inventory.save(created);
            });
            stepLog.write(job.id(), ProvisioningStep.RECORD_INVENTORY, "DONE", "Inventory entry " + lb.id(),
                    lb.civoId(), now);
            job.advance(now);
            jobs.save(job);
            events.publishEvent(new LoadBalancerProvisioned(job.id(), job.requestId(), lb.id(), job.team(),
                    job.region(), lb.civoId(), lb.firewallId(), lb.privateIp(), lb.publicIp()));
        });
    }

    /** For tests and the admin page: the job of a request, if any. */
    public Optional<ProvisioningJob> jobOf(UUID requestId) {
        return jobs.findByRequestId(requestId);
    }
}
