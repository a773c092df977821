package dev.ilbportal.provisioning.internal;

import dev.ilbportal.civo.CivoProperties;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningEvents.EndDateReached;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerEndingSoon;
import dev.ilbportal.requests.Decommissions;
import dev.ilbportal.requests.Decommissions.DecommissionAsk;
import dev.ilbportal.requests.Participant;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load balancers that end on time: the team is reminded 7 days and 1 day before the end date, and on that day the
 * portal files the decommission request. Each of the three moments is claimed by a conditional update in the same
 * transaction as its event (and so its notification in the outbox, and its audit row): it happens once, whatever the
 * number of instances or restarts, and a round that dies half-way leaves the rest to the next one.
 */
@Component
public class EndDates {

    private static final Logger log = LoggerFactory.getLogger(EndDates.class);
    private static final Participant PORTAL = new Participant("portal:end-dates", "ILB Portal (end dates)");

    private final InternalLoadBalancers inventory;
    private final Decommissions decommissions;
    private final CivoProperties civo;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndDates(InternalLoadBalancers inventory, Decommissions decommissions, CivoProperties civo,
             TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.inventory = inventory;
        this.decommissions = decommissions;
        this.civo = civo;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** One round: every active load balancer whose end date is at most 7 days away. Returns what it did. */
    @Scheduled(fixedDelayString = "${portal.provisioning.end-date-check:15m}",
            initialDelayString = "${portal.provisioning.end-date-initial-delay:30s}")
    public int runRound() {
        LocalDate today = LocalDate.now(clock);
        int done = 0;
        List<InternalLoadBalancer> ending = inventory.findActiveEndingBy(today.plusDays(7)).stream()
                .map(InventoryEntry::view).toList();
        for (InternalLoadBalancer lb : ending) {
            if (handleWithRetry(lb, today)) {
                done++;
            }
        }
        return done;
    }

    /**
     * One load balancer in its own transaction. A lock conflict (the row is also written by verification, which holds
     * the audit trail's append lock meanwhile) rolls the claim back and is tried again; anything else waits for the
     * next round.
     */
    private boolean handleWithRetry(InternalLoadBalancer lb, LocalDate today) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(transactions.execute(tx -> handle(lb, today)));
            } catch (ConcurrencyFailureException e) {
                if (attempt >= 3) {
                    log.warn("End date of load balancer {} met lock conflicts; left to the next round", lb.id());
                    return false;
                }
            } catch (RuntimeException e) {
                log.warn("End date of load balancer {} not handled this round", lb.id(), e);
                return false;
            }
        }
    }

    private boolean handle(InternalLoadBalancer lb, LocalDate today) {
        Instant now = clock.instant();
        long daysLeft = ChronoUnit.DAYS.between(today, lb.endsOn());
        if (daysLeft <= 0) {
            if (inventory.claimEndDecommission(lb.id(), now) == 0 || decommissions.isAsked(lb.id())) {
                return false;
            }
            java.util.UUID requestId = decommissions.askAtEndDate(new DecommissionAsk(lb.id(), lb.requestId(),
                    lb.team(), lb.region(), lb.name(), "It reached its end date, " + lb.endsOn()
                    + ", set when it was requested.", Decommissioning.planFor(lb, civo.pathPrefix()), PORTAL));
            events.publishEvent(new EndDateReached(lb.id(), lb.requestId(), requestId, lb.team(), lb.endsOn()));
            return true;
        }
        if (daysLeft <= 1) {
            if (inventory.claimDayBeforeReminder(lb.id(), now) == 0) {
                return false;
            }
            events.publishEvent(new LoadBalancerEndingSoon(lb.id(), lb.requestId(), lb.team(), lb.name(), lb.endsOn(),
                    1));
            return true;
        }
        if (inventory.claimWeekBeforeReminder(lb.id(), now) == 0) {
            return false;
        }
        events.publishEvent(new LoadBalancerEndingSoon(lb.id(), lb.requestId(), lb.team(), lb.name(), lb.endsOn(),
                7));
        return true;
    }
}
