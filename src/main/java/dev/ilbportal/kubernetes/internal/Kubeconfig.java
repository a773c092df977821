package dev.ilbportal.kubernetes.internal;

import dev.ilbportal.kubernetes.UnusableKubeconfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The parts of a Civo cluster's kubeconfig the portal needs to reach the cluster's API (server, bearer token or
 * client certificate, certificate authority), read with SnakeYAML from the cluster and user that
 * {@code current-context} names; anything it cannot honour safely is refused rather than ignored. Holds secrets:
 * {@link #toString()} hides them, and no refusal message quotes the kubeconfig's text.
 *
 * @param server                  the API server's URL
 * @param token                   the bearer token, or null
 * @param certificateAuthorityPem the server's CA certificate (PEM), or null to use the JDK's trust store
 * @param clientCertificatePem    the client certificate (PEM) for mutual TLS, or null
 * @param clientKeyPem            the client certificate's private key (PEM), or null
 */
public record Kubeconfig(URI server, String token, String certificateAuthorityPem, String clientCertificatePem,
        String clientKeyPem) {

    /** Far above any real kubeconfig (a few kilobytes), far below what could hurt the portal. */
    private static final int MAX_CODE_POINTS = 1_000_000;

    /** A kubeconfig authenticating with a bearer token only. */
    public Kubeconfig(URI server, String token, String certificateAuthorityPem) {
        this(server, token, certificateAuthorityPem, null, null);
    }

    public boolean hasClientCertificate() {
        return clientCertificatePem != null && clientKeyPem != null;
    }

    /** Reads the cluster and user of the kubeconfig's current context (a token or a client certificate). */
    public static Kubeconfig parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new UnusableKubeconfig("The cluster has no kubeconfig.");
        }
        Map<?, ?> config = map(load(yaml), "The kubeconfig");
        Map<?, ?> context = currentContext(config);
        Map<?, ?> cluster = map((context == null ? only(config, "clusters")
                : named(config, "clusters", text(context, "cluster", "The current context"))).get("cluster"),
                "The current context's cluster");
        Map<?, ?> user = map((context == null ? only(config, "users")
                : named(config, "users", text(context, "user", "The current context"))).get("user"),
                "The current context's user");

        URI server = server(text(cluster, "server", "The current context's cluster"));
        Object insecure = cluster.get("insecure-skip-tls-verify");
        if (insecure != null && !"false".equalsIgnoreCase(String.valueOf(insecure))) {
            throw new UnusableKubeconfig("The kubeconfig turns off TLS verification; the portal does not send a "
                    + "cluster token to a server it cannot verify.");
        }
        if (cluster.containsKey("certificate-authority") || user.containsKey("client-certificate")
                || user.containsKey("client-key") || user.containsKey("tokenFile")) {
            throw new UnusableKubeconfig("The kubeconfig points at files on disk; the portal reads only inline data "
                    + "(certificate-authority-data, client-certificate-data, client-key-data, token).");
        }
        if (user.containsKey("exec") || user.containsKey("auth-provider")) {
            throw new UnusableKubeconfig("The kubeconfig runs an exec plugin or auth provider; the portal supports "
                    + "bearer tokens and client certificates only.");
        }
        String token = optionalText(user, "token");
        String certificate = optionalText(user, "client-certificate-data");
        String key = optionalText(user, "client-key-data");
        if (token == null && certificate == null && key == null) {
            throw new UnusableKubeconfig("The kubeconfig has neither a bearer token nor client-certificate-data.");
        }
        if ((certificate == null) != (key == null)) {
            throw new UnusableKubeconfig("The kubeconfig has a client certificate without its key (or the reverse); "
                    + "the portal needs both.");
        }
        if (certificate != null && !"https".equals(server.getScheme())) {
            throw new UnusableKubeconfig("A client certificate needs an https server, not " + server + ".");
        }
        return new Kubeconfig(server, token,
                decoded(optionalText(cluster, "certificate-authority-data"), "certificate-authority-data"),
                decoded(certificate, "client-certificate-data"), decoded(key, "client-key-data"));
    }

    private static Object load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            // The exception's own message quotes the offending line, which may hold a token: give the place only.
            Mark mark = e.getProblemMark();
            throw new UnusableKubeconfig("The kubeconfig is not valid YAML"
                    + (mark == null ? "." : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                    + ")."));
        } catch (YAMLException e) {
            throw new UnusableKubeconfig("The kubeconfig is not valid YAML or is too large.");
        }
    }

    /**
     * The context {@code current-context} names; without one, the only context; without any context (a bare
     * kubeconfig with one cluster and one user), null.
     */
    private static Map<?, ?> currentContext(Map<?, ?> config) {
        String current = optionalText(config, "current-context");
        if (current != null) {
            return map(named(config, "contexts", current).get("context"), "The current context");
        }
        List<?> contexts = list(config, "contexts");
        if (contexts.isEmpty()) {
            return null;
        }
        if (contexts.size() == 1) {
            return map(map(contexts.getFirst(), "The kubeconfig's context").get("context"), "The only context");
        }
        throw new UnusableKubeconfig("The kubeconfig has no current-context and " + contexts.size()
                + " contexts; the portal cannot tell which cluster to use.");
    }

    /** The single entry of a list, for a kubeconfig without contexts. */
    private static Map<?, ?> only(Map<?, ?> config, String list) {
        List<?> entries = list(config, list);
        if (entries.size() != 1) {
            throw new UnusableKubeconfig("The kubeconfig has no context and " + entries.size() + " " + list
                    + "; the portal cannot tell which to use.");
        }
        return map(entries.getFirst(), "The kubeconfig's " + list + " entry");
    }

    private static List<?> list(Map<?, ?> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new UnusableKubeconfig("The kubeconfig's " + key + " is not a list.");
    }

    /** The entry of the named list ({@code clusters}, {@code contexts}, {@code users}) with the given name. */
    private static Map<?, ?> named(Map<?, ?> config, String list, String name) {
        List<Map<?, ?>> matches = list(config, list).stream().filter(Map.class::isInstance).<Map<?, ?>>map(Map.class::cast)
                .filter(entry -> name.equals(String.valueOf(entry.get("name")))).toList();
        if (matches.size() != 1) {
            throw new UnusableKubeconfig("The kubeconfig's " + list + " hold " + matches.size() + " entries named '"
                    + name + "'; the portal needs exactly one.");
        }
        return matches.getFirst();
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new UnusableKubeconfig(what + " is " + (value == null ? "missing" : "not a mapping") + ".");
    }

    private static String text(Map<?, ?> map, String key, String where) {
        String value = optionalText(map, key);
        if (value == null) {
            throw new UnusableKubeconfig(where + " has no " + key + ".");
        }
        return value;
    }

    private static String optionalText(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new UnusableKubeconfig("The kubeconfig's " + key + " is not a single value.");
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static URI server(String text) {
        URI server;
        try {
            server = new URI(text);
        } catch (URISyntaxException e) {
            throw new UnusableKubeconfig("The kubeconfig's server is not a URL.");
        }
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme()) || server.getHost() == null) {
            throw new UnusableKubeconfig("The kubeconfig's server " + server + " is not an http(s) URL.");
        }
        return server;
    }

    private static String decoded(String base64, String key) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64.replaceAll("\\s", "")), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new UnusableKubeconfig("The kubeconfig's " + key + " is not base64.");
        }
    }

    @Override
    public String toString() {
        return "Kubeconfig[server=" + server + ", token=" + (token == null ? "none" : "****")
                + ", clientCertificate=" + (hasClientCertificate() ? "****" : "none") + ", certificateAuthority="
                + (certificateAuthorityPem == null ? "JDK trust store" : "from kubeconfig") + "]";
    }
}
