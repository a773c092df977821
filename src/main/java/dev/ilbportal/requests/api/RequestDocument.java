package dev.ilbportal.requests.api;

import dev.ilbportal.requests.RequestKind;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.RequestDecision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One request as the API returns it: where it stands, its spec, every revision with its plan hash, the current
 * revision's plan (the exact Civo calls) and the decisions. {@code version} is also the response's {@code ETag}.
 */
record RequestDocument(UUID id, String name, String team, String region, RequestKind kind, RequestStatus status,
                       String requester, Instant createdAt, Instant updatedAt, Instant submittedAt,
                       Instant expiresAt, Instant decidedAt, long version, UUID loadBalancerId,
                       LoadBalancerSpec spec, int currentRevision, JsonNode plan, String planHash,
                       List<Revision> revisions, List<Decision> decisions) {

    record Revision(int number, String author, Instant createdAt, String planHash) {
    }

    record Decision(int revision, RequestDecision.Outcome outcome, String decider, String reason, Instant decidedAt,
                    boolean voided) {
    }
}
