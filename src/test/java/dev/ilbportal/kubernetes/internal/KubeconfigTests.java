package dev.ilbportal.kubernetes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.kubernetes.UnusableKubeconfig;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
    void followsTheCurrentContextAmongSeveralClustersAndUsers() {
        Kubeconfig config = Kubeconfig.parse("""
                apiVersion: v1
                kind: Config
                clusters:
                - cluster:
                    server: https://74.220.16.5:6443
                  name: prod-cluster
                - cluster:
                    server: https://10.0.0.1:6443
                  name: staging-cluster
                contexts:
                - context: {cluster: prod-cluster, user: prod-admin}
                  name: prod
                - context: {cluster: staging-cluster, user: staging-admin}
                  name: staging
                current-context: staging
                users:
                - name: prod-admin
                  user:
                    token: "prod-token"
                - name: staging-admin
                  user:
                    token: "staging-token"
                """);

        assertThat(config.server()).isEqualTo(URI.create("https://10.0.0.1:6443"));
        assertThat(config.token()).isEqualTo("staging-token");
    }

    @Test
    void withoutCurrentContextTheOnlyContextIsUsed() {
        Kubeconfig config = Kubeconfig.parse(TOKEN_CONFIG.replace("current-context: prod-cluster\n", ""));

        assertThat(config.token()).isEqualTo("s3cret");
    }

    @Test
    void aCurrentContextThatNamesNoContextIsRefused() {
        String dangling = TOKEN_CONFIG.replace("current-context: prod-cluster", "current-context: gone");

        assertThatThrownBy(() -> Kubeconfig.parse(dangling)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessage("The kubeconfig's contexts hold 0 entries named 'gone'; the portal needs exactly one.");
    }

    @Test
    void twoUsersOfTheSameNameAreRefused() {
        String twice = TOKEN_CONFIG + "- name: prod-cluster-admin\n  user:\n    token: other\n";

        assertThatThrownBy(() -> Kubeconfig.parse(twice)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("users hold 2 entries named 'prod-cluster-admin'");
    }

    @Test
    void severalClustersWithoutAnyContextAreRefused() {
        String bare = """
                clusters:
                - cluster: {server: "https://10.0.0.1:6443"}
                  name: a
                - cluster: {server: "https://10.0.0.2:6443"}
                  name: b
                users:
                - name: u
                  user: {token: t}
                """;

        assertThatThrownBy(() -> Kubeconfig.parse(bare)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("no context and 2 clusters");
        assertThatThrownBy(() -> Kubeconfig.parse("")).hasMessageContaining("no kubeconfig");
    }

    @Test
    void malformedYamlIsRefusedWithoutQuotingTheSecret() {
        String broken = TOKEN_CONFIG.replace("token: \"s3cret\"", "token: \"s3cret");

        assertThatThrownBy(() -> Kubeconfig.parse(broken)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageStartingWith("The kubeconfig is not valid YAML (line")
                .message().doesNotContain("s3cret");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKubeconfigs")
    void malformedKubeconfigsAreUnusableWithAMessage(String what, String yaml, String message) {
        assertThatThrownBy(() -> Kubeconfig.parse(yaml)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> malformedKubeconfigs() {
        return Stream.of(
                Arguments.of("an exec plugin", TOKEN_CONFIG.replace("token: \"s3cret\"", "exec:\n      command: civo"),
                        "exec plugin"),
                Arguments.of("a client certificate without its key", TOKEN_CONFIG.replace("token: \"s3cret\"",
                        "client-certificate-data: LS0t"), "without its key"),
                Arguments.of("TLS verification off", TOKEN_CONFIG.replace("    server:",
                        "    insecure-skip-tls-verify: true\n    server:"), "TLS verification"),
                Arguments.of("a list, not a mapping", "- a\n- b\n", "The kubeconfig is not a mapping"),
                Arguments.of("a plain string", "just text", "The kubeconfig is not a mapping"),
                Arguments.of("duplicate keys", TOKEN_CONFIG + "current-context: other\n", "not valid YAML"),
                Arguments.of("contexts not a list", TOKEN_CONFIG.replaceFirst("(?s)contexts:.*?current-context",
                        "contexts: 7\ncurrent-context"), "contexts is not a list"),
                Arguments.of("a context without a user", TOKEN_CONFIG.replace("    user: prod-cluster-admin\n", ""),
                        "The current context has no user"),
                Arguments.of("a cluster without a server", TOKEN_CONFIG.replace(
                        "    server: https://74.220.16.5:6443", "    proxy-url: https://proxy"),
                        "cluster has no server"),
                Arguments.of("a server that is no URL", TOKEN_CONFIG.replace("https://74.220.16.5:6443",
                        "\"https://bad host\""), "server is not a URL"),
                Arguments.of("a server that is not http(s)", TOKEN_CONFIG.replace("https://74.220.16.5:6443",
                        "ftp://74.220.16.5"), "is not an http(s) URL"),
                Arguments.of("a token that is a mapping", TOKEN_CONFIG.replace("token: \"s3cret\"",
                        "token: {a: b}"), "token is not a single value"),
                Arguments.of("certificate authority data that is not base64", TOKEN_CONFIG.replace("    server:",
                        "    certificate-authority-data: \"%%%\"\n    server:"),
                        "certificate-authority-data is not base64"),
                Arguments.of("a certificate authority file", TOKEN_CONFIG.replace("    server:",
                        "    certificate-authority: /etc/ca.crt\n    server:"), "points at files on disk"),
                Arguments.of("an alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a,"
                        + " *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n", "not valid YAML"),
                Arguments.of("a user without credentials", TOKEN_CONFIG.replace("token: \"s3cret\"",
                        "username: admin"), "neither a bearer token nor client-certificate-data"));
    }
}
