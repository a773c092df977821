package dev.ilbportal.requests.api;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestVisibility;
import dev.ilbportal.requests.internal.SpecJson;
import dev.ilbportal.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads one request for the API, with the same visibility as its page: others' requests are "not found". */
@Component
class RequestDocuments {

    private final LoadBalancerRequests requests;
    private final JsonMapper json;

    RequestDocuments(LoadBalancerRequests requests, JsonMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Transactional(readOnly = true)
    RequestDocument read(UUID id, CurrentUser user) {
        LoadBalancerRequest request = requests.findById(id)
                .filter(found -> RequestVisibility.canSee(user, found))
                .orElseThrow(() -> new NotFoundException("Request " + id));
        var current = request.currentRevision();
        return new RequestDocument(request.id(), request.name(), request.team(), request.region(), request.kind(),
                request.status(), request.requester().displayName(), request.createdAt(), request.updatedAt(),
                request.submittedAt(), request.expiresAt(), request.decidedAt(), request.version(),
                request.loadBalancerId(), SpecJson.read(request.specJson()), request.currentRevisionNumber(),
                current.map(revision -> json.readTree(revision.planJson())).orElse(null),
                current.map(revision -> revision.planHash()).orElse(null),
                request.revisions().stream().map(revision -> new RequestDocument.Revision(revision.number(),
                        revision.author().displayName(), revision.createdAt(), revision.planHash())).toList(),
                request.decisions().stream().map(decision -> new RequestDocument.Decision(
                        decision.revisionNumber(), decision.outcome(), decision.decider().displayName(),
                        decision.reason(), decision.decidedAt(), decision.isVoided())).toList());
    }
}
