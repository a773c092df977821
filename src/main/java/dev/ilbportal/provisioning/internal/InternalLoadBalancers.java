package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** The inventory of internal load balancers; others read it through {@link Inventory}. */
interface InternalLoadBalancers extends JpaRepository<InventoryEntry, UUID> {

    Optional<InventoryEntry> findByRequestId(UUID requestId);

    Optional<InventoryEntry> findByCivoId(String civoId);

    /** Records a verdict and the proof status it leads to; a pass also moves the time of the last pass. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update InventoryEntry l set l.lastVerification = :outcome, l.lastVerifiedAt = :at,
                l.lastPassedAt = case when :passed = true then :at else l.lastPassedAt end,
                l.proofStatusSince = case when l.proofStatus = :proofStatus then l.proofStatusSince else :at end,
                l.proofStatus = :proofStatus
            where l.id = :id""")
    int recordProof(UUID id, String outcome, boolean passed, String proofStatus, java.time.Instant at);

    /** Moves the proof status only from the expected one, so two writers never both report the same change. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update InventoryEntry l set l.proofStatus = :to, l.proofStatusSince = :at
            where l.id = :id and l.proofStatus = :from""")
    int moveProofStatus(UUID id, String from, String to, java.time.Instant at);

    java.util.List<InventoryEntry> findByStatusAndProofStatusIn(InternalLoadBalancer.Status status,
                                                                Collection<String> proofStatuses);

    java.util.List<InventoryEntry> findByStatusIn(Collection<InternalLoadBalancer.Status> statuses);

    /** The inventory page's query; {@code onlyTeams} limits a requester to their own teams. */
    @Query("""
            select l from InventoryEntry l
            where (:restricted = false or l.team in :onlyTeams)
              and (:team is null or l.team = :team)
              and (:region is null or l.region = :region)
              and (:status is null or l.status = :status)
            order by l.createdAt desc, l.id""")
    Page<InventoryEntry> search(boolean restricted, Collection<String> onlyTeams, String team, String region,
                                      InternalLoadBalancer.Status status, Pageable page);

    /** Active load balancers whose end date is on or before {@code day}; uses the partial end-date index. */
    @Query("""
            select l from InventoryEntry l
            where l.status = dev.ilbportal.provisioning.InternalLoadBalancer.Status.ACTIVE
              and l.endsOn is not null and l.endsOn <= :day
            order by l.endsOn""")
    List<InventoryEntry> findActiveEndingBy(java.time.LocalDate day);

    /** Claims the week-before reminder: 1 for the one instance that sends it, 0 for everyone after. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update InventoryEntry l set l.remindedWeekBeforeAt = :at
            where l.id = :id and l.remindedWeekBeforeAt is null""")
    int claimWeekBeforeReminder(UUID id, java.time.Instant at);

    /** Claims the day-before reminder (and the week-before one, which would come too late to be of use). */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update InventoryEntry l set l.remindedDayBeforeAt = :at,
                l.remindedWeekBeforeAt = coalesce(l.remindedWeekBeforeAt, :at)
            where l.id = :id and l.remindedDayBeforeAt is null""")
    int claimDayBeforeReminder(UUID id, java.time.Instant at);

    /** Claims the filing of the end-of-life decommission. */
    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update InventoryEntry l set l.endDecommissionFiledAt = :at
            where l.id = :id and l.endDecommissionFiledAt is null""")
    int claimEndDecommission(UUID id, java.time.Instant at);
}
