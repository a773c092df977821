package dev.ilbportal.requests.approval;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The approval queue for approvers, oldest first, with the queue page's team and region filters. */
@PortalApi
@Tag(name = "requests")
class ApprovalQueueApi {

    private final ApprovalQueue queue;

    ApprovalQueueApi(ApprovalQueue queue) {
        this.queue = queue;
    }

    @GetMapping(PortalApi.PREFIX + "/approval-queue")
    @Operation(summary = "Approver: the requests waiting for a decision, oldest first (pages of "
            + ApprovalQueue.PAGE_SIZE + ")")
    CursorPage<Waiting> waiting(@RequestParam(required = false) String team,
                                @RequestParam(required = false) String region,
                                @RequestParam(required = false) String cursor, CurrentUser user) {
        // The queue page's gate (RequestAccessRules: /approvals is for approvers).
        if (!user.has(PortalRole.APPROVER)) {
            throw new AccessDeniedException("The approval queue is for approvers");
        }
        return CursorPage.of(queue.waiting(team, region, CursorPage.pageOf(cursor)).map(Waiting::of));
    }

    /** One waiting request: which revision, and for a resubmission how many fields changed. */
    record Waiting(UUID id, String name, String team, String region, String requester, Instant submittedAt,
                   int revision, int changedFields) {

        static Waiting of(QueueEntry entry) {
            return new Waiting(entry.id(), entry.name(), entry.team(), entry.region(), entry.requesterName(),
                    entry.submittedAt().toInstant(), entry.revision(), entry.changedFields());
        }
    }
}
