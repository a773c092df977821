package dev.ilbportal.provisioning.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
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

    /** The jobs of many requests at once (verification's round looks up its Kubernetes targets in one go). */
    java.util.List<ProvisioningJob> findByRequestIdIn(java.util.Collection<UUID> requestIds);

    List<ProvisioningJob> findByStatus(JobStatus status);
}
