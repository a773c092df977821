package dev.ilbportal.provisioning;

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
