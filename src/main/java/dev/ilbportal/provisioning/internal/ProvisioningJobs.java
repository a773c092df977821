package dev.ilbportal.provisioning.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The stored jobs. */
public interface ProvisioningJobs extends JpaRepository<ProvisioningJob, UUID> {

    /**
     * The next due job that no other worker holds. {@code SKIP LOCKED} lets several portal instances claim jobs
     * from one database without ever taking the same one.
     */
    @Query(value = """
            select * from provisioning_job
            where status = 'PENDING' and next_run_at <= :now
            order by next_run_at
            limit 1
            for update skip locked""", nativeQuery = true)
    Optional<ProvisioningJob> lockNextDue(Instant now);

    Optional<ProvisioningJob> findByRequestId(UUID requestId);

    /**
     * The job with its row locked until the transaction ends: the worker's fence (is the lease still mine?) and an
     * admin's abandon read it this way, so a claim, a save and an abandon of one job never interleave.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select job from ProvisioningJob job where job.id = :id")
    Optional<ProvisioningJob> lockById(UUID id);

    /**
     * The keep-alive: pushes the lease of a running step to {@code until}, only while the claim {@code token} still
     * holds the job (checked and written in one statement, under the row lock). Leaves the version alone, so the
     * worker's own save is not taken as stale. 1 when renewed, 0 when another claim or an abandon took the job.
     */
    @Modifying
    @Query(value = """
            update provisioning_job set next_run_at = :until
            where id = :id and lease_token = :token and status = 'PENDING'""", nativeQuery = true)
    int renewLease(UUID id, UUID token, Instant until);

    /** The jobs of many requests at once (verification's round looks up its Kubernetes targets in one go). */
    java.util.List<ProvisioningJob> findByRequestIdIn(java.util.Collection<UUID> requestIds);

    List<ProvisioningJob> findByStatus(JobStatus status);

    long countByStatus(JobStatus status);
}
