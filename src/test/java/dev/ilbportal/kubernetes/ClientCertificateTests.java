package dev.ilbportal.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.ilbportal.kubernetes.internal.Kubeconfig;
import dev.ilbportal.kubernetes.internal.PemKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Mutual TLS as a Civo (k3s) kubeconfig does it, against an HTTPS server that demands the client's certificate. */
class ClientCertificateTests {

    HttpsServer server;

    static String resource(String name) {
        try (InputStream in = ClientCertificateTests.class.getResourceAsStream("/kubernetes/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    @BeforeEach
    void start() throws Exception {
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        own.setKeyEntry("server", PemKeys.privateKey(resource("server.key")), new char[0],
                PemKeys.certificates(resource("server.crt")).toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(own, new char[0]);
        KeyStore clients = KeyStore.getInstance("PKCS12");
        clients.load(null, null);
        clients.setCertificateEntry("client", PemKeys.certificates(resource("client.crt")).getFirst());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(clients);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                javax.net.ssl.SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        server.createContext("/", exchange -> {
            byte[] body = ("{\"metadata\":{\"name\":\"api\",\"namespace\":\"payments\",\"resourceVersion\":\"7\"},"
                    + "\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"74.220.16.30\"}]}}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String kubeconfig(boolean withClientCertificate) {
        return """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority-data: %s
                    server: https://127.0.0.1:%d
                  name: prod-cluster
                users:
                - name: prod-cluster
                  user:
                """.formatted(base64(resource("server.crt")), server.getAddress().getPort())
                + (withClientCertificate ? "    client-certificate-data: " + base64(resource("client.crt"))
                + "\n    client-key-data: " + base64(resource("client.key")) + "\n" : "    token: t\n");
    }

    @Test
    void civoStyleKubeconfigWithAnEcClientCertificateReachesAServerThatRequiresIt() {
        Kubeconfig config = Kubeconfig.parse(kubeconfig(true));

        assertThat(config.hasClientCertificate()).isTrue();
        assertThat(config.toString()).doesNotContain("BEGIN");
        assertThat(new KubernetesServices(config).get("payments", "api")).hasValueSatisfying(
                service -> assertThat(service.loadBalancerIp()).contains("74.220.16.30"));
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFails() {
        KubernetesServices tokenOnly = KubernetesServices.of(kubeconfig(false));

        assertThatThrownBy(() -> tokenOnly.get("payments", "api")).isInstanceOf(KubernetesApiException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void readsPkcs8Sec1AndPkcs1Keys() throws Exception {
        assertThat(PemKeys.privateKey(resource("server.key")).getAlgorithm()).isEqualTo("EC");
        assertThat(PemKeys.privateKey(resource("client.key")).getAlgorithm()).isEqualTo("EC");
        assertThat(PemKeys.privateKey(resource("rsa.key")).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void clientCertificateOverPlainHttpIsRefused() {
        String plain = kubeconfig(true).replace("https://", "http://");

        assertThatThrownBy(() -> Kubeconfig.parse(plain)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageContaining("needs an https server");
    }

    @Test
    void serverUrlIsKept() {
        assertThat(Kubeconfig.parse(kubeconfig(true)).server())
                .isEqualTo(URI.create("https://127.0.0.1:" + server.getAddress().getPort()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKeys")
    void aMalformedKeyIsAnUnusableKubeconfigWithAMessage(String what, String pem) {
        String yaml = kubeconfig(true).replace(base64(resource("client.key")), base64(pem));

        assertThatThrownBy(() -> KubernetesServices.of(yaml)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageStartingWith("The kubeconfig's certificates or key cannot be used: ");
    }

    static Stream<Arguments> malformedKeys() {
        String ec = resource("client.key");
        String body = ec.substring(ec.indexOf('\n') + 1, ec.indexOf("-----END")).replaceAll("\\s", "");
        return Stream.of(
                Arguments.of("no PEM block", "not a key"),
                Arguments.of("an empty SEC1 sequence", ecBlock("MAA=")),
                Arguments.of("a SEC1 key cut short in its length", ecBlock("MIIB")),
                Arguments.of("a SEC1 length past the end", ecBlock("MBCg")),
                Arguments.of("a curve field longer than the key", ecBlock("MAOgEAY=")),
                Arguments.of("a five-byte DER length", ecBlock("MIUBAgMEBQ==")),
                Arguments.of("bad base64 padding", ecBlock("A===")),
                Arguments.of("half of a real EC key", ecBlock(body.substring(0, body.length() / 2 / 4 * 4))),
                Arguments.of("a PKCS#8 block of garbage",
                        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
                Arguments.of("an RSA block of garbage",
                        "-----BEGIN RSA PRIVATE KEY-----\nMAA=\n-----END RSA PRIVATE KEY-----\n"),
                Arguments.of("an unsupported block",
                        "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n"));
    }

    private static String ecBlock(String base64) {
        return "-----BEGIN EC PRIVATE KEY-----\n" + base64 + "\n-----END EC PRIVATE KEY-----\n";
    }

    @Test
    void aMalformedCertificateIsAnUnusableKubeconfigWithAMessage() {
        String yaml = kubeconfig(true).replace(base64(resource("client.crt")),
                base64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"));

        assertThatThrownBy(() -> KubernetesServices.of(yaml)).isInstanceOf(UnusableKubeconfig.class)
                .hasMessageStartingWith("The kubeconfig's certificates or key cannot be used: ");
    }
}
