package dev.ilbportal.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Civo cluster's kubeconfig the portal needs to reach the cluster's API (server, bearer token,
 * certificate authority), read from the single-cluster YAML Civo issues without a YAML library; anything it cannot
 * honour safely is refused rather than ignored. Holds a secret: {@link #toString()} hides the token.
 *
 * @param server                  the API server's URL
 * @param token                   the bearer token
 * @param certificateAuthorityPem the server's CA certificate (PEM), or null to use the JDK's trust store
 */
public record Kubeconfig(URI server, String token, String certificateAuthorityPem) {

    /** Reads a kubeconfig with one cluster and one user authenticated by a token. */
    public static Kubeconfig parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new UnusableKubeconfig("The cluster has no kubeconfig.");
        }
        List<String> servers = values(yaml, "server");
        if (servers.size() != 1) {
            throw new UnusableKubeconfig("The kubeconfig names " + servers.size()
                    + " API servers; the portal reads kubeconfigs with exactly one cluster, as Civo issues them.");
        }
        if (!values(yaml, "insecure-skip-tls-verify").stream().allMatch("false"::equalsIgnoreCase)) {
            throw new UnusableKubeconfig("The kubeconfig turns off TLS verification; the portal does not send a "
                    + "cluster token to a server it cannot verify.");
        }
        List<String> tokens = values(yaml, "token");
        if (tokens.isEmpty()) {
            boolean clientCertificate = !values(yaml, "client-certificate-data").isEmpty();
            throw new UnusableKubeconfig(clientCertificate
                    ? "The kubeconfig authenticates with a client certificate; the portal supports bearer tokens "
                            + "only so far (use a service-account token)."
                    : "The kubeconfig has no bearer token.");
        }
        if (tokens.size() > 1) {
            throw new UnusableKubeconfig("The kubeconfig has " + tokens.size() + " users; the portal reads one.");
        }
        List<String> authorities = values(yaml, "certificate-authority-data");
        String pem = authorities.isEmpty() ? null
                : new String(java.util.Base64.getMimeDecoder().decode(authorities.getFirst()),
                        java.nio.charset.StandardCharsets.US_ASCII);
        URI server = URI.create(servers.getFirst());
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            throw new UnusableKubeconfig("The kubeconfig's server " + server + " is not an http(s) URL.");
        }
        return new Kubeconfig(server, tokens.getFirst(), pem);
    }

    private static List<String> values(String yaml, String key) {
        List<String> values = new ArrayList<>();
        for (String line : yaml.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("- ")) {
                trimmed = trimmed.substring(2).strip();
            }
            if (trimmed.startsWith(key + ":")) {
                String value = trimmed.substring(key.length() + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "Kubeconfig[server=" + server + ", token=****, certificateAuthority="
                + (certificateAuthorityPem == null ? "JDK trust store" : "from kubeconfig") + "]";
    }
}
