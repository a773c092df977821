package dev.ilbportal.shared;

import java.util.Map;

/**
 * Something that happened in the portal and must be in the audit trail: every module's event records implement
 * it, and the audit module appends each one in the transaction that publishes it, so a change never commits without
 * its audit row. Publish it with Spring's {@code ApplicationEventPublisher} inside the transaction that makes the
 * change; an event that carries {@link #before()} or {@link #after()} is refused outside a transaction.
 *
 * <pre>{@code
 * public record RequestSubmitted(Actor actor, String requestId, String team, RequestPlan plan)
 *         implements PortalEvent {
 *     public String action() { return "request.submitted"; }
 *     public EventSubject subject() { return EventSubject.request(requestId, team); }
 *     public Object after() { return plan; }
 * }
 * }</pre>
 */
public interface PortalEvent {

    /** Who did it: a person, or the portal itself for scheduled work. */
    Actor actor();

    /** What was done, as {@code <module>.<past-tense verb>}, e.g. {@code request.approved}; stable, for filters. */
    String action();

    /** What it was done to. */
    EventSubject subject();

    /** The state before the change (anything Jackson can write), or null when nothing existed or nothing changed. */
    default Object before() {
        return null;
    }

    /** The state after the change, or null when nothing changed (a sign-in) or the thing is gone. */
    default Object after() {
        return null;
    }

    /** Anything else an auditor needs: reasons, URLs, results. Written as JSON with sorted keys. */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Whether the event records a change of state, which must commit in the same transaction as its audit row. */
    default boolean recordsChange() {
        return before() != null || after() != null;
    }
}
