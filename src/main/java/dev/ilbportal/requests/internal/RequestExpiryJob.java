package dev.ilbportal.requests.internal;

import dev.ilbportal.requests.RequestWorkflow;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks submitted requests that nobody decided in time as expired. Safe on several portal instances: a request
 * decided or expired elsewhere in the meantime loses the optimistic-lock race and is left alone.
 */
@Component
class RequestExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(RequestExpiryJob.class);

    private final LoadBalancerRequests requests;
    private final RequestWorkflow workflow;
    private final Clock clock;

    RequestExpiryJob(LoadBalancerRequests requests, RequestWorkflow workflow, Clock clock) {
        this.requests = requests;
        this.workflow = workflow;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.requests.expiry-check:5m}", initialDelayString = "30s")
    int expireDueRequests() {
        int expired = 0;
        for (UUID id : requests.findIdsDueForExpiry(clock.instant())) {
            try {
                if (workflow.expireIfDue(id)) {
                    expired++;
                }
            } catch (ObjectOptimisticLockingFailureException decidedMeanwhile) {
                log.debug("Request {} changed while expiring; left as it is", id);
            }
        }
        if (expired > 0) {
            log.info("Expired {} undecided request(s)", expired);
        }
        return expired;
    }
}
