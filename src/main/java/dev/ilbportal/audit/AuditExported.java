package dev.ilbportal.audit;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.shared.PortalEvent;
import java.util.Map;

/** An auditor exported a view of the trail; recorded before the rows stream, so the export contains itself. */
public record AuditExported(Actor actor, String format, Map<String, String> filter) implements PortalEvent {

    public AuditExported {
        filter = Map.copyOf(filter);
    }

    @Override
    public String action() {
        return "audit.exported";
    }

    @Override
    public EventSubject subject() {
        return new EventSubject("audit_log", "export." + format, null, null, null);
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("format", format, "filter", filter);
    }
}
