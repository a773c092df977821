package dev.ilbportal.requests.approval;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestRevision;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The requests waiting for a decision, oldest first, one page at a time, with what changed since a resubmission. */
@Service
public class ApprovalQueue {

    /** Rows per page. */
    public static final int PAGE_SIZE = 20;

    private final LoadBalancerRequests requests;
    private final Clock clock;

    public ApprovalQueue(LoadBalancerRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * One page of the queue.
     *
     * @param team   only this team's requests, or every team when blank
     * @param region only this region's requests, or every region when blank
     */
    @Transactional(readOnly = true)
    public Page<QueueEntry> waiting(String team, String region, int page) {
        return requests.findQueue(blankToNull(team), blankToNull(region), dev.ilbportal.web.ListPages.of(page, PAGE_SIZE))
                .map(this::entryOf);
    }

    /** The teams and regions that have requests waiting, for the queue's filter. */
    @Transactional(readOnly = true)
    public QueueFilterOptions filterOptions() {
        return new QueueFilterOptions(requests.findQueueTeams(), requests.findQueueRegions());
    }

    /** What the queue's filter offers. */
    public record QueueFilterOptions(List<String> teams, List<String> regions) {
    }

    private QueueEntry entryOf(LoadBalancerRequest request) {
        int revision = request.currentRevisionNumber();
        int changed = 0;
        if (revision > 1) {
            List<RequestRevision> revisions = request.revisions();
            RequestRevision before = revisions.stream().filter(r -> r.number() == revision - 1).findFirst()
                    .orElse(null);
            RequestRevision now = request.currentRevision().orElse(null);
            if (before != null && now != null) {
                changed = SpecDiff.between(before.specJson(), now.specJson()).size();
            }
        }
        return new QueueEntry(request.id(), request.name(), request.team(), request.region(),
                request.requester().displayName(), request.submittedAt().atZone(ZoneOffset.UTC),
                Duration.between(request.submittedAt(), clock.instant()), revision, changed);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
