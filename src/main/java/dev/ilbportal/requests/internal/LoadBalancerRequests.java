package dev.ilbportal.requests.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The stored requests. */
public interface LoadBalancerRequests extends JpaRepository<LoadBalancerRequest, UUID> {

    /**
     * The spec of an ask about a load balancer that exists (decommission, firewall restore, end-date extension): the
     * spec of the request that built it, with the ask's reason as its justification.
     */
    default SpecSnapshot specOfAskAbout(UUID builtByRequestId, String reason, String region, String name) {
        String original = findById(builtByRequestId).map(LoadBalancerRequest::specJson).orElse("{}");
        return new SpecSnapshot(SpecJson.withJustification(original, reason.strip()), region, name);
    }

    Page<LoadBalancerRequest> findByTeamInOrderByUpdatedAtDesc(Collection<String> teams, Pageable page);

    @Query("""
            select r from LoadBalancerRequest r
            where r.status = dev.ilbportal.requests.RequestStatus.SUBMITTED
              and (:team is null or r.team = :team)
              and (:region is null or r.region = :region)
            order by r.submittedAt asc, r.id asc""")
    Page<LoadBalancerRequest> findQueue(String team, String region, Pageable page);

    /** The teams that have requests in the approval queue, for its filter. */
    @Query("""
            select distinct r.team from LoadBalancerRequest r
            where r.status = dev.ilbportal.requests.RequestStatus.SUBMITTED order by r.team""")
    List<String> findQueueTeams();

    /** The regions that have requests in the approval queue, for its filter. */
    @Query("""
            select distinct r.region from LoadBalancerRequest r
            where r.status = dev.ilbportal.requests.RequestStatus.SUBMITTED and r.region is not null
            order by r.region""")
    List<String> findQueueRegions();

    @Query("""
            select count(r) > 0 from LoadBalancerRequest r
            where r.status in (dev.ilbportal.requests.RequestStatus.DRAFT, dev.ilbportal.requests.RequestStatus.SUBMITTED)
              and r.region = :region and lower(r.name) = lower(:name) and r.id <> :exceptId""")
    boolean existsOpenWithName(String region, String name, UUID exceptId);

    @Query("""
            select count(r) > 0 from LoadBalancerRequest r
            where r.loadBalancerId = :loadBalancerId and r.kind = dev.ilbportal.requests.RequestKind.DECOMMISSION
              and r.status in (dev.ilbportal.requests.RequestStatus.DRAFT, dev.ilbportal.requests.RequestStatus.SUBMITTED,
                               dev.ilbportal.requests.RequestStatus.APPROVED)""")
    boolean existsDecommissionFor(UUID loadBalancerId);

    /** Whether a restore of that load balancer's firewall is still waiting for its decision. */
    @Query("""
            select count(r) > 0 from LoadBalancerRequest r
            where r.loadBalancerId = :loadBalancerId and r.kind = dev.ilbportal.requests.RequestKind.RESTORE_FIREWALL
              and r.status in (dev.ilbportal.requests.RequestStatus.DRAFT, dev.ilbportal.requests.RequestStatus.SUBMITTED)""")
    boolean existsOpenRestoreFor(UUID loadBalancerId);

    /** Whether an extension of that load balancer's end date is still waiting for its decision. */
    @Query("""
            select count(r) > 0 from LoadBalancerRequest r
            where r.loadBalancerId = :loadBalancerId and r.kind = dev.ilbportal.requests.RequestKind.EXTEND_END_DATE
              and r.status in (dev.ilbportal.requests.RequestStatus.DRAFT, dev.ilbportal.requests.RequestStatus.SUBMITTED)""")
    boolean existsOpenExtensionFor(UUID loadBalancerId);

    @Query("""
            select r.id from LoadBalancerRequest r
            where r.status = dev.ilbportal.requests.RequestStatus.SUBMITTED and r.expiresAt <= :now""")
    List<UUID> findIdsDueForExpiry(Instant now);
}
