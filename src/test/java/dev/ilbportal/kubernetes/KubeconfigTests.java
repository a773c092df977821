package dev.ilbportal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class KubeconfigTests {

    static final String TOKEN_CONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                server: https://74.220.16.5:6443
              name: prod-cluster
            contexts:
            - context:
                cluster: prod-cluster
                user: prod-cluster-admin
              name: prod-cluster
            current-context: prod-cluster
            users:
            - name: prod-cluster-admin
              user:
                token: "s3cret"
            """;

    @Test
    void readsServerAndTokenOfACivoKubeconfig() {
        Kubeconfig config = Kubeconfig.parse(TOKEN_CONFIG);

        assertThat(config.server()).isEqualTo(URI.create("https://74.220.16.5:6443"));
        assertThat(config.token()).isEqualTo("s3cret");
        assertThat(config.certificateAuthorityPem()).isNull();
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void decodesTheCertificateAuthority() {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        String withCa = TOKEN_CONFIG.replace("    server:", "    certificate-authority-data: "
                + java.util.Base64.getEncoder().encodeToString(pem.getBytes()) + "\n    server:");

        assertThat(Kubeconfig.parse(withCa).certificateAuthorityPem()).isEqualTo(pem);
    }

    @Test
    void execPluginsAreRefused() {
        String exec = TOKEN_CONFIG.replace("token: \"s3cret\"", "exec:\n      command: civo");

        assertThatThrownBy(() -> Kubeconfig.parse(exec)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("exec plugin");
    }

    @Test
    void aClientCertificateWithoutItsKeyIsRefused() {
        String half = TOKEN_CONFIG.replace("token: \"s3cret\"", "client-certificate-data: LS0t");

        assertThatThrownBy(() -> Kubeconfig.parse(half)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("without its key");
    }

    @Test
    void skippingTlsVerificationIsRefused() {
        String insecure = TOKEN_CONFIG.replace("    server:", "    insecure-skip-tls-verify: true\n    server:");

        assertThatThrownBy(() -> Kubeconfig.parse(insecure)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("TLS verification");
    }

    @Test
    void severalClustersAreRefused() {
        String two = TOKEN_CONFIG + "- cluster:\n    server: https://10.0.0.1:6443\n  name: other\n";

        assertThatThrownBy(() -> Kubeconfig.parse(two)).hasMessageContaining("names 2 API servers");
        assertThatThrownBy(() -> Kubeconfig.parse("")).hasMessageContaining("no kubeconfig");
    }
}
