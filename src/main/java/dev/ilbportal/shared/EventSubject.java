package dev.ilbportal.shared;

/**
 * What an action was done to, plus the links the audit trail needs to find it again: the team it belongs to, the
 * request and the load balancer it concerns (a load balancer's timeline is every event that names it or the request
 * that created it).
 */
public record EventSubject(String type, String id, String team, String requestId, String loadBalancerId) {

    public EventSubject {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("An event subject needs a type and an id");
        }
        team = blankToNull(team);
        requestId = blankToNull(requestId);
        loadBalancerId = blankToNull(loadBalancerId);
    }

    public static EventSubject request(String requestId, String team) {
        return new EventSubject("request", requestId, team, requestId, null);
    }

    /** A load balancer; {@code requestId} names the request that created it, which joins the two timelines. */
    public static EventSubject loadBalancer(String loadBalancerId, String requestId, String team) {
        return new EventSubject("load_balancer", loadBalancerId, team, requestId, loadBalancerId);
    }

    public static EventSubject person(String subject) {
        return new EventSubject("person", subject, null, null, null);
    }

    public static EventSubject page(String path) {
        return new EventSubject("url", path, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
