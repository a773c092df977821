package dev.ilbportal.requests;

import java.util.UUID;

/**
 * A request as other modules may read it: what it is for, where it stands, and who asked. Read-only; the aggregate
 * itself stays inside the requests module.
 *
 * @param loadBalancerId for a decommission, the inventory entry of the load balancer to remove; otherwise null
 * @param currentRevision the number of the latest submitted revision, 0 when never submitted
 */
public record RequestView(UUID id, String team, String region, String name, RequestKind kind, RequestStatus status,
                          UUID loadBalancerId, Participant requester, int currentRevision) {
}
