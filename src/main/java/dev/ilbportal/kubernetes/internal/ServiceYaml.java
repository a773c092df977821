package dev.ilbportal.kubernetes.internal;

import dev.ilbportal.kubernetes.ServiceManifest;
import dev.ilbportal.kubernetes.ServicePort;
import java.util.Map;

/**
 * Writes a {@link ServiceManifest} as YAML by hand, so the text is deterministic (sorted maps, every string quoted)
 * and the portal needs no YAML library for one small document.
 */
public final class ServiceYaml {

    private ServiceYaml() {
    }

    public static String render(ServiceManifest manifest) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Civo Kubernetes cluster ").append(manifest.clusterId()).append('\n');
        yaml.append("apiVersion: v1\n");
        yaml.append("kind: Service\n");
        yaml.append("metadata:\n");
        yaml.append("  name: ").append(quoted(manifest.name())).append('\n');
        yaml.append("  namespace: ").append(quoted(manifest.namespace())).append('\n');
        map(yaml, "  ", "annotations", manifest.annotations());
        yaml.append("spec:\n");
        yaml.append("  type: LoadBalancer\n");
        map(yaml, "  ", "selector", manifest.selector());
        yaml.append("  ports:\n");
        for (ServicePort port : manifest.ports()) {
            String first = "    - ";
            if (port.name() != null && !port.name().isBlank()) {
                yaml.append(first).append("name: ").append(quoted(port.name())).append('\n');
                first = "      ";
            }
            yaml.append(first).append("protocol: ").append(quoted(port.protocol())).append('\n');
            yaml.append("      port: ").append(port.port()).append('\n');
            yaml.append("      targetPort: ").append(port.targetPort()).append('\n');
        }
        return yaml.toString();
    }

    private static void map(StringBuilder yaml, String indent, String key, Map<String, String> entries) {
        if (entries.isEmpty()) {
            yaml.append(indent).append(key).append(": {}\n");
            return;
        }
        yaml.append(indent).append(key).append(":\n");
        entries.forEach((name, value) -> yaml.append(indent).append("  ").append(key(name)).append(": ")
                .append(quoted(value)).append('\n'));
    }

    /** Label and annotation keys are plain YAML when they can be ({@code app}, {@code kubernetes.civo.com/x}). */
    private static String key(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._/-]*") ? name : quoted(name);
    }

    /** A YAML double-quoted scalar: safe for any text, including values YAML would read as numbers or booleans. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
