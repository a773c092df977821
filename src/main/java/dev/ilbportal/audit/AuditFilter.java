package dev.ilbportal.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an auditor is looking for, as the log page's GET form sends it; the same filter drives the page, the
 * timeline and the exports. Times are UTC. A load balancer filter means its whole timeline: every event that names
 * it or the request that created it.
 */
public record AuditFilter(
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
        String actor, String team, String action, String loadBalancer, String request, String text) {

    public AuditFilter {
        actor = trimmed(actor);
        team = trimmed(team);
        action = trimmed(action);
        loadBalancer = trimmed(loadBalancer);
        request = trimmed(request);
        text = trimmed(text);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    public static AuditFilter loadBalancer(String id) {
        return new AuditFilter(null, null, null, null, null, id, null, null);
    }

    public boolean isEmpty() {
        return parameters().isEmpty();
    }

    /**
     * Why this filter cannot be run, for the person who typed it: a control character (NUL included) matches nothing
     * the trail stores and PostgreSQL refuses NUL in text; null when the filter is fine.
     */
    public String problem() {
        for (Map.Entry<String, String> field : parameters().entrySet()) {
            if (field.getValue().chars().anyMatch(Character::isISOControl)) {
                return "The filter \"" + field.getKey() + "\" contains a control character (such as NUL or a line "
                        + "break); remove it and filter again.";
            }
        }
        return null;
    }

    /** This filter with control characters removed, to show back in the form beside {@link #problem()}. */
    public AuditFilter withoutControlCharacters() {
        return new AuditFilter(from, to, clean(actor), clean(team), clean(action), clean(loadBalancer), clean(request),
                clean(text));
    }

    private static String clean(String value) {
        return value == null ? null : value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** The SQL condition (always starting with {@code where}) and its arguments; each filter has an index behind it. */
    String where(List<Object> arguments) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add("occurred_at >= ?");
            arguments.add(Timestamp.from(from.toInstant(ZoneOffset.UTC)));
        }
        if (to != null) {
            conditions.add("occurred_at < ?");
            arguments.add(Timestamp.from(to.toInstant(ZoneOffset.UTC)));
        }
        if (actor != null) {
            conditions.add("(actor_subject = ? or actor_name = ?)");
            arguments.add(actor);
            arguments.add(actor);
        }
        if (team != null) {
            conditions.add("team = ?");
            arguments.add(team);
        }
        if (action != null) {
            conditions.add("action = ?");
            arguments.add(action);
        }
        if (loadBalancer != null) {
            // The timeline's sequence numbers, found once through the two indexes, then fetched by primary key in
            // order: with an OR (or a plain IN) PostgreSQL may walk the whole primary key looking for them.
            conditions.add("sequence = any(array(select l.sequence from audit_event l where l.load_balancer_id = ?"
                    + " union select r.sequence from audit_event r where r.request_id in (select c.request_id"
                    + " from audit_event c where c.load_balancer_id = ? and c.request_id is not null)))");
            arguments.add(loadBalancer);
            arguments.add(loadBalancer);
        }
        if (request != null) {
            conditions.add("request_id = ?");
            arguments.add(request);
        }
        if (text != null) {
            conditions.add("details_json ilike ? escape '\\'");
            arguments.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return conditions.isEmpty() ? "where true" : "where " + String.join(" and ", conditions);
    }

    /** The filter's non-empty fields, by the names the form uses; recorded with exports. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "actor", actor);
        put(parameters, "team", team);
        put(parameters, "action", action);
        put(parameters, "loadBalancer", loadBalancer);
        put(parameters, "request", request);
        put(parameters, "text", text);
        return parameters;
    }

    /** The filter as a URL query string (without {@code ?}), for pagination and export links. */
    public String query() {
        return parameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
