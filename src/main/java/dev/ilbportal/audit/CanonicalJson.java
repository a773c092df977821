package dev.ilbportal.audit;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the audit trail writes JSON, so that the same content always gives the same bytes and the same hash:
 * no whitespace, object keys sorted, strings escaped exactly as Python's
 * {@code json.dumps(value, ensure_ascii=False, separators=(",", ":"))} does, which lets an auditor recompute hashes
 * offline with nothing but Python.
 */
final class CanonicalJson {

    private final JsonMapper mapper;

    CanonicalJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Any value Jackson can write (records, maps, lists), as canonical JSON text; null stays null. */
    String write(Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        write(mapper.valueToTree(value), out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            string(node.asString(), out);
        }
    }

    /** A JSON string literal, escaped as Python's json module escapes it with {@code ensure_ascii=False}. */
    static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String string(String value) {
        StringBuilder out = new StringBuilder();
        if (value == null) {
            return "null";
        }
        string(value, out);
        return out.toString();
    }
}
