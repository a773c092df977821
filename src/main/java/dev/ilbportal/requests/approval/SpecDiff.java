package dev.ilbportal.requests.approval;

import dev.ilbportal.civo.CivoJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two revisions of a spec, field by field, so an approver reviews only the difference. Both
 * specs' JSON is flattened to paths such as {@code ports[0].targetPort}; a null or empty value counts as absent.
 *
 * @param changes the changed fields: first those of the earlier spec (changed or removed), then the added ones
 */
public record SpecDiff(List<Change> changes) {

    /** How one field differs. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One field that differs.
     *
     * @param path   where the field is, for example {@code target.values[1]}
     * @param before its value in the earlier revision, or null when it was added
     * @param after  its value in the later revision, or null when it was removed
     */
    public record Change(String path, Kind kind, String before, String after) {
    }

    public SpecDiff {
        changes = List.copyOf(changes);
    }

    public static SpecDiff between(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        List<Change> changes = new ArrayList<>();
        before.forEach((path, value) -> {
            if (!after.containsKey(path)) {
                changes.add(new Change(path, Kind.REMOVED, value, null));
            } else if (!Objects.equals(value, after.get(path))) {
                changes.add(new Change(path, Kind.CHANGED, value, after.get(path)));
            }
        });
        after.forEach((path, value) -> {
            if (!before.containsKey(path)) {
                changes.add(new Change(path, Kind.ADDED, null, value));
            }
        });
        return new SpecDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /** Every leaf of the JSON document by its path, in document order. */
    static Map<String, String> flatten(String json) {
        Map<String, String> leaves = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return leaves;
        }
        collect("", CivoJson.mapper().readTree(json), leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, String> leaves) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            String value = node.isString() ? node.stringValue() : node.toString();
            if (!value.isEmpty()) {
                leaves.put(path.isEmpty() ? "(value)" : path, value);
            }
        }
    }
}
