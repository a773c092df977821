package dev.ilbportal.sandbox.civo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of one JSON object of a request body; a wrong type or a missing required field becomes Civo's
 * {@code parameter_<name>_invalid} / {@code parameter_<name>_missing} 400. JSON {@code null} counts as absent.
 */
final class RequestFields {

    private final JsonNode node;
    private final String prefix;

    RequestFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static RequestFields of(JsonNode node) {
        return new RequestFields(node, "");
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private String field(String name) {
        return prefix + name;
    }

    String text(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isString()) {
            throw CivoError.invalid(field(name), "expected a string");
        }
        return value.stringValue();
    }

    String requiredText(String name) {
        String value = text(name, "");
        if (value.isBlank()) {
            throw CivoError.missing(field(name));
        }
        return value;
    }

    /** One of the allowed values, compared case-insensitively and returned as listed. */
    String choice(String name, String fallback, List<String> allowed) {
        String value = text(name, fallback);
        return allowed.stream().filter(option -> option.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> CivoError.invalid(field(name), "must be one of " + String.join(", ", allowed)));
    }

    Integer integer(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw CivoError.invalid(field(name), "expected an integer");
        }
        return value.intValue();
    }

    double number(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isNumber()) {
            throw CivoError.invalid(field(name), "expected a number");
        }
        return value.doubleValue();
    }

    int port(String name, boolean required) {
        Integer value = integer(name);
        if (value == null) {
            if (required) {
                throw CivoError.missing(field(name));
            }
            return 0;
        }
        if (value < 1 || value > 65535) {
            throw CivoError.invalid(field(name), "a port is between 1 and 65535");
        }
        return value;
    }

    /** Booleans; Civo's stack also takes the strings "true"/"false" [I]. */
    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && List.of("true", "false").contains(value.stringValue().toLowerCase(Locale.ROOT))) {
            return Boolean.parseBoolean(value.stringValue());
        }
        throw CivoError.invalid(field(name), "expected a boolean");
    }

    /** A port given as a string (Civo's firewall rules) or, leniently, as an integer; empty when absent. */
    String portText(String name) {
        if (!has(name)) {
            return "";
        }
        JsonNode value = node.get(name);
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        if (!value.isString()) {
            throw CivoError.invalid(field(name), "expected a string");
        }
        return value.stringValue().trim();
    }

    /** An array of strings; a single string is taken as a one-element array. */
    List<String> strings(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (value.isString()) {
            return List.of(value.stringValue());
        }
        if (!value.isArray()) {
            throw CivoError.invalid(field(name), "expected an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw CivoError.invalid(field(name), "expected an array of strings");
            }
            values.add(element.stringValue());
        }
        return values;
    }

    /** The elements of an array of objects, each with its own typed reads. */
    List<RequestFields> objects(String name) {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw CivoError.invalid(field(name), "expected an array of objects");
        }
        List<RequestFields> elements = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw CivoError.invalid(field(name), "expected an array of objects");
            }
            elements.add(new RequestFields(element, field(name) + "_"));
        }
        return elements;
    }

    RequestFields object(String name) {
        if (!has(name)) {
            return new RequestFields(SimulatorJson.object(), field(name) + "_");
        }
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            throw CivoError.invalid(field(name), "expected an object");
        }
        return new RequestFields(value, field(name) + "_");
    }
}
