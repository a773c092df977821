package dev.ilbportal.kubernetes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a Civo cluster's kubeconfig the portal needs to reach the cluster's API (server, bearer token or
 * client certificate, certificate authority), read from the single-cluster YAML Civo issues without a YAML library;
 * anything it cannot honour safely is refused rather than ignored. Holds secrets: {@link #toString()} hides them.
 *
 * @param server                  the API server's URL
 * @param token                   the bearer token, or null
 * @param certificateAuthorityPem the server's CA certificate (PEM), or null to use the JDK's trust store
 * @param clientCertificatePem    the client certificate (PEM) for mutual TLS, or null
 * @param clientKeyPem            the client certificate's private key (PEM), or null
 */
public record Kubeconfig(URI server, String token, String certificateAuthorityPem, String clientCertificatePem,
        String clientKeyPem) {

    /** A kubeconfig authenticating with a bearer token only. */
    public Kubeconfig(URI server, String token, String certificateAuthorityPem) {
        this(server, token, certificateAuthorityPem, null, null);
    }

    public boolean hasClientCertificate() {
        return clientCertificatePem != null && clientKeyPem != null;
    }

    /** Reads a kubeconfig with one cluster and one user authenticated by a token or a client certificate. */
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
        if (!values(yaml, "exec").isEmpty() || !values(yaml, "auth-provider").isEmpty()) {
            throw new UnusableKubeconfig("The kubeconfig runs an exec plugin or auth provider; the portal supports "
                    + "bearer tokens and client certificates only.");
        }
        List<String> tokens = values(yaml, "token");
        List<String> certificates = values(yaml, "client-certificate-data");
        List<String> keys = values(yaml, "client-key-data");
        if (tokens.size() + certificates.size() == 0) {
            throw new UnusableKubeconfig("The kubeconfig has neither a bearer token nor client-certificate-data.");
        }
        if (tokens.size() > 1 || certificates.size() > 1 || keys.size() != certificates.size()) {
            throw new UnusableKubeconfig("The kubeconfig has several users or a client certificate without its key "
                    + "(or the reverse); the portal reads one user.");
        }
        URI server = URI.create(servers.getFirst());
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            throw new UnusableKubeconfig("The kubeconfig's server " + server + " is not an http(s) URL.");
        }
        if (!certificates.isEmpty() && !"https".equals(server.getScheme())) {
            throw new UnusableKubeconfig("A client certificate needs an https server, not " + server + ".");
        }
        return new Kubeconfig(server, tokens.isEmpty() ? null : tokens.getFirst(),
                decoded(values(yaml, "certificate-authority-data")), decoded(certificates), decoded(keys));
    }

    private static String decoded(List<String> base64) {
        return base64.isEmpty() ? null : new String(java.util.Base64.getMimeDecoder().decode(base64.getFirst()),
                java.nio.charset.StandardCharsets.US_ASCII);
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
        return "Kubeconfig[server=" + server + ", token=" + (token == null ? "none" : "****")
                + ", clientCertificate=" + (hasClientCertificate() ? "****" : "none") + ", certificateAuthority="
                + (certificateAuthorityPem == null ? "JDK trust store" : "from kubeconfig") + "]";
    }
}
