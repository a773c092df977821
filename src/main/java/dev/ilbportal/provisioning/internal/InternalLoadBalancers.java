package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The inventory of internal load balancers. */
public interface InternalLoadBalancers extends JpaRepository<InternalLoadBalancer, UUID> {

    Optional<InternalLoadBalancer> findByRequestId(UUID requestId);

    Optional<InternalLoadBalancer> findByCivoId(String civoId);

    /** Records a verdict without touching anything else of the row (no lost update of a concurrent change). */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("update InternalLoadBalancer l set l.lastVerification = :outcome, l.lastVerifiedAt = :at where l.id = :id")
    int recordVerdict(UUID id, String outcome, java.time.Instant at);

    /** Moves the status only from the expected one, so a decommissioning entry never becomes drifted or active. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("update InternalLoadBalancer l set l.status = :to, l.updatedAt = :at where l.id = :id and l.status = :from")
    int moveStatus(UUID id, InternalLoadBalancer.Status from, InternalLoadBalancer.Status to, java.time.Instant at);

    java.util.List<InternalLoadBalancer> findByStatusIn(Collection<InternalLoadBalancer.Status> statuses);

    /** The inventory page's query; {@code onlyTeams} limits a requester to their own teams. */
    @Query("""
            select l from InternalLoadBalancer l
            where (:restricted = false or l.team in :onlyTeams)
              and (:team is null or l.team = :team)
              and (:region is null or l.region = :region)
              and (:status is null or l.status = :status)
            order by l.createdAt desc, l.id""")
    Page<InternalLoadBalancer> search(boolean restricted, Collection<String> onlyTeams, String team, String region,
                                      InternalLoadBalancer.Status status, Pageable page);
}
