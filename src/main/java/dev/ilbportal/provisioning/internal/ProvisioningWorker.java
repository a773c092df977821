package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.ProvisioningEvents;
import dev.ilbportal.provisioning.ProvisioningStep;
import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoLane;
import dev.ilbportal.civo.CivoWriteFence;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerProvisioned;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningCleanedUp;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningFailed;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStepCompleted;
import dev.ilbportal.provisioning.ProvisioningEvents.ProvisioningStepRetried;
import dev.ilbportal.requests.RequestLookup;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due provisioning jobs, one step at a time. A job is claimed in a short transaction with a row lock
 * ({@code FOR UPDATE SKIP LOCKED}) that pushes its next run past a lease and writes a new lease token, so no other
 * instance takes it while this one works. While the step runs, a keep-alive pushes the lease every third of it in
 * its own short transaction, so a step that waits long on Civo's rate limit is never taken over while its worker
 * lives. Civo is called outside any transaction. Before every Civo write the job is committed with its row locked and
 * its token checked (the checkpoint), and the outcome is saved with its events in one transaction that checks the
 * token first: a worker whose lease was taken over (it was paused past its lease, or an admin abandoned the job)
 * stops without writing to Civo or saving anything. The Civo client checks the token once more for every write, after
 * the write's wait for the account's budget and right before it is sent (the lease fence, a {@link CivoWriteFence}):
 * a wait for the budget longer than the lease cannot let a taken-over worker send a create. A worker that dies leaves
 * the job to be resumed from its persisted step when the lease runs out.
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
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "provisioning-lease-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

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

    @PreDestroy
    void stopKeepingLeases() {
        keepAlive.shutdownNow();
    }

    /** One claim of one job: the token this worker holds it by, for as long as its step runs. */
    private static final class Claim {

        private final UUID jobId;
        private final UUID token;
        private final AtomicBoolean lost = new AtomicBoolean();
        private volatile boolean over;

        Claim(UUID jobId, UUID token) {
            this.jobId = jobId;
            this.token = token;
        }
    }

    /** Claims and runs one step of the next due job; false when nothing is due. */
    public boolean runNextDueJob() {
        Optional<Claim> claimed = claimNextDueJob();
        claimed.ifPresent(claim -> CivoLane.PROVISIONING.run(() -> leaseFence(claim).run(() -> runStep(claim))));
        return claimed.isPresent();
    }

    private Optional<Claim> claimNextDueJob() {
        return transactions.execute(tx -> {
            Instant now = clock.instant();
            return jobs.lockNextDue(now).map(found -> {
                UUID token = UUID.randomUUID();
                boolean takesOver = found.claim(token, now.plus(properties.lease()));
                jobs.saveAndFlush(found);
                if (takesOver) {
                    // The previous attempt of this step never saved its outcome: its worker stopped, or was paused
                    // past its lease. It can save nothing now; this worker runs the step again, looking up first.
                    String detail = "Resumed: the previous attempt of this step stopped before saving its outcome "
                            + "and its lease ran out";
                    log.warn("Provisioning job {} step {}: taken over after the previous claim's lease ran out",
                            found.id(), found.step());
                    stepLog.write(found.id(), found.step(), "RESUMED", detail, null, now);
                    events.publishEvent(new ProvisioningEvents.ProvisioningStepResumed(found.id(),
                            found.requestId(), found.team(), found.step(), detail));
                }
                return new Claim(found.id(), token);
            });
        });
    }

    private void runStep(Claim claim) {
        long every = Math.max(10, properties.lease().toMillis() / 3);
        ScheduledFuture<?> keeping = keepAlive.scheduleAtFixedRate(() -> keepLease(claim), every, every,
                TimeUnit.MILLISECONDS);
        ProvisioningStep step = null;
        try {
            ProvisioningJob job = jobs.findById(claim.jobId).orElseThrow();
            step = job.step();
            runAndSave(claim, job, step);
        } catch (LeaseLost lost) {
            leaseLost(claim, step, null);
        } catch (RuntimeException e) {
            // The step's outcome could not be saved (a value the database refuses, a lost connection): without
            // this the lease would run out and the same failure repeat forever.
            log.warn("Provisioning job {} step {}: the outcome could not be saved", claim.jobId, step, e);
            outcomeNotSaved(claim, step, e);
        } finally {
            claim.over = true;
            keeping.cancel(false);
        }
    }

    /** The keep-alive: pushes the lease a whole lease ahead while the claim still holds the job. */
    private void keepLease(Claim claim) {
        if (claim.over || claim.lost.get()) {
            return;
        }
        try {
            Integer renewed = transactions.execute(tx -> jobs.renewLease(claim.jobId, claim.token,
                    clock.instant().plus(properties.lease())));
            if (renewed != null && renewed == 0 && !claim.over && claim.lost.compareAndSet(false, true)) {
                log.warn("Provisioning job {}: its lease was taken over while a step runs here; this worker stops "
                        + "at its next check, before any Civo write", claim.jobId);
            }
        } catch (RuntimeException e) {
            log.warn("Provisioning job {}: the lease could not be renewed ({}); trying again in a third of it",
                    claim.jobId, rootMessage(e));
        }
    }

    /**
     * What the Civo client runs right before it sends each write of this claim's step (after the write has waited for
     * the account's budget): one short transaction that pushes the lease a whole lease ahead only while this claim
     * still holds the job, and {@link LeaseLost} (the write is not sent) when another claim or an abandon took it.
     */
    private CivoWriteFence leaseFence(Claim claim) {
        return call -> {
            Integer renewed = claim.lost.get() ? Integer.valueOf(0) : transactions.execute(tx -> jobs.renewLease(
                    claim.jobId, claim.token, clock.instant().plus(properties.lease())));
            if (renewed == null || renewed == 0) {
                claim.lost.set(true);
                log.warn("Provisioning job {}: another claim holds the job now; {} is not sent", claim.jobId, call);
                throw new LeaseLost(claim.jobId, claim.token);
            }
        };
    }

    private void leaseLost(Claim claim, ProvisioningStep step, StepResult result) {
        String civoId = result instanceof StepResult.Advance advance ? advance.civoId() : null;
        log.warn("Provisioning job {} step {}: another claim holds the job now (this worker was held up past its "
                + "lease, or an admin abandoned the job); stopping without writing to Civo or saving this attempt{}",
                claim.jobId, step, civoId == null ? "" : "; Civo reported " + civoId + ", which the next attempt "
                        + "looks up by name");
    }

    /**
     * Proves, with the job's row locked, that this claim still holds it, and returns the locked row; throws
     * {@link LeaseLost} otherwise. Every Civo write and every save of an outcome comes after this.
     */
    private ProvisioningJob fence(Claim claim) {
        ProvisioningJob current = jobs.lockById(claim.jobId).orElseThrow(() -> new LeaseLost(claim.jobId,
                claim.token));
        if (!current.isHeldBy(claim.token)) {
            throw new LeaseLost(claim.jobId, claim.token);
        }
        return current;
    }

    private void runAndSave(Claim claim, ProvisioningJob job, ProvisioningStep step) {
        if (step == ProvisioningStep.RECORD_INVENTORY) {
            recordInventory(claim, job);
            return;
        }
        StepResult result;
        long started = System.nanoTime();
        try {
            result = steps.run(job, held -> checkpoint(claim, held));
        } catch (LeaseLost lost) {
            throw lost;
        } catch (CivoApiException e) {
            result = handleCivoFault(job, e);
        } catch (RuntimeException e) {
            log.warn("Provisioning job {} step {} failed unexpectedly", job.id(), step, e);
            result = new StepResult.Fail("portal_error", "The portal could not run this step: " + e.getMessage());
        }
        ProvisioningMeters.stepRan(step, result, System.nanoTime() - started);
        try {
            save(claim, job, step, result);
        } catch (LeaseLost lost) {
            leaseLost(claim, step, result);
        }
    }

    /**
     * Counts an attempt whose outcome the portal could not save; after {@code max-step-attempts} of them the job
     * ends FAILED with the reason, like a step that Civo keeps refusing.
     */
    private void outcomeNotSaved(Claim claim, ProvisioningStep step, RuntimeException cause) {
        UUID jobId = claim.jobId;
        String reason = "The portal could not record this step: " + rootMessage(cause);
        try {
            transactions.executeWithoutResult(tx -> jobs.lockById(jobId)
                    .filter(job -> {
                        if (!job.isHeldBy(claim.token)) {
                            leaseLost(claim, step, null);
                            return false;
                        }
                        return job.step() == step && !job.status().isFinished();
                    }).ifPresent(job -> {
                        Instant now = clock.instant();
                        job.releaseLease();
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

    private void save(Claim claim, ProvisioningJob job, ProvisioningStep step, StepResult result) {
        transactions.executeWithoutResult(tx -> {
            fence(claim);
            job.releaseLease();
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

    /**
     * Commits the job as the step has it so far, after proving under the row lock that this claim still holds it, and
     * gives the claim a whole lease again: the Civo write that follows starts with all of it.
     */
    private void checkpoint(Claim claim, ProvisioningJob job) {
        transactions.executeWithoutResult(tx -> {
            fence(claim);
            job.claimUntil(clock.instant().plus(properties.lease()));
            job.versionFrom(jobs.saveAndFlush(job));
        });
    }

    private void recordInventory(Claim claim, ProvisioningJob job) {
        transactions.executeWithoutResult(tx -> {
            fence(claim);
            job.releaseLease();
            Instant now = clock.instant();
            InventoryEntry lb = inventory.findByRequestId(job.requestId()).orElseGet(() -> {
                InventoryEntry created = InventoryEntry.from(job, now);
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
