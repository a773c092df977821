package dev.ilbportal.requests.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with a spec, by form field (e.g. {@code name}, {@code ports[1].sourcePort}), in plain words. */
public final class SpecProblems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> byField() {
        return Map.copyOf(byField);
    }

    /** Problems of the fields that belong to one wizard step (their names start with one of the prefixes). */
    public SpecProblems onlyFields(java.util.Set<String> fields) {
        SpecProblems subset = new SpecProblems();
        byField.forEach((field, message) -> {
            String root = field.replaceAll("[\\[.].*", "");
            if (fields.contains(root)) {
                subset.add(field, message);
            }
        });
        return subset;
    }

    @Override
    public String toString() {
        return byField.toString();
    }
}
