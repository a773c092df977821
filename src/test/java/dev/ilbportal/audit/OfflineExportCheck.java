package dev.ilbportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline recipe of docs/audit.md, line for line in Java and independent of the portal's own hashing code (Jackson writes
 * the canonical array here, as Python's json.dumps does there): recompute each exported event's hash from its
 * fields and check each event links to the one before it.
 */
final class OfflineExportCheck {

    static final List<String> FIELDS = List.of("sequence", "time", "actor_subject", "actor_name", "actor_roles",
            "action", "subject_type", "subject_id", "team", "request_id", "load_balancer_id", "before", "after",
            "details", "previous_hash");
    static final Set<String> OPTIONAL = Set.of("team", "request_id", "load_balancer_id", "before", "after");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the check found: how many events, the last one's hash, and the first problem (null when none). */
    record Outcome(int events, String lastHash, String problem) {
    }

    static List<Map<String, String>> jsonLines(String export) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : export.split("\n")) {
            JsonNode node = JSON.readTree(line);
            if (node.has("head_hash")) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            node.properties().forEach(e -> row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 rows after the head comment line and the header line; empty optional values are absent. */
    static List<Map<String, String>> csv(String export) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String body = export.substring(export.indexOf('\n') + 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        List<String> header = records.removeFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> values : records) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = values.get(i);
                row.put(header.get(i), OPTIONAL.contains(header.get(i)) && value.isEmpty() ? null : value);
            }
            rows.add(row);
        }
        return rows;
    }

    static Outcome check(List<Map<String, String>> rows) throws Exception {
        Map<String, String> previous = null;
        for (Map<String, String> row : rows) {
            List<Object> form = new ArrayList<>();
            form.add(Long.parseLong(row.get("sequence")));
            FIELDS.subList(1, FIELDS.size()).forEach(name -> form.add(row.get(name)));
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(form).getBytes(StandardCharsets.UTF_8)));
            if (!hash.equals(row.get("hash"))) {
                return new Outcome(rows.size(), null, "event " + row.get("sequence") + " hashes to " + hash);
            }
            if (previous != null && Long.parseLong(row.get("sequence")) == Long.parseLong(previous.get("sequence")) + 1
                    && !row.get("previous_hash").equals(previous.get("hash"))) {
                return new Outcome(rows.size(), null, "event " + row.get("sequence") + " does not follow");
            }
            previous = row;
        }
        return new Outcome(rows.size(), previous == null ? null : previous.get("hash"), null);
    }
}
