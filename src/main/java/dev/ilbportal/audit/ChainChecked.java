package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** An auditor checked the chain; the result is kept in the trail itself, where later checks can be compared. */
public record ChainChecked(Actor actor, ChainCheck.Result result) implements PortalEvent {

    @Override
    public String action() {
        return "audit.chain-checked";
    }

    @Override
    public EventSubject subject() {
        return new EventSubject("audit_log", "chain", null, null, null);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("intact", result.intact());
        details.put("events", result.events());
        details.put("headSequence", result.headSequence());
        details.put("headHash", result.headHash());
        details.put("checkpoints", result.checkpoints());
        details.put("checkpointSequence", result.checkpointSequence());
        if (!result.intact()) {
            details.put("brokenAt", result.brokenAt());
            details.put("problem", result.problem());
        }
        return details;
    }
}
