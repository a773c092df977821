package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ilbportal.verification.internal.RemoteProbeAgentVantage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probe agent over real HTTP: signed requests and signed answers, staleness, replays, forged answers from
 * whoever sits in between, and real connections to loopback sockets.
 */
class ProbeAgentTests {

    private static final String SECRET = "a-shared-secret-of-some-length";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private ProbeAgent agent;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startAgent() throws IOException {
        agent = ProbeAgent.start("127.0.0.1", 0, SECRET, Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    private URI agentUri() {
        return URI.create("http://127.0.0.1:" + agent.port());
    }

    private RemoteProbeAgentVantage vantage(String secret, Instant at) {
        return new RemoteProbeAgentVantage(agentUri(), secret, Side.OUTSIDE, Clock.fixed(at, ZoneOffset.UTC));
    }

    private HttpResponse<String> post(String body, Long timestamp, String nonce, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(agentUri().resolve("/probe"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header(ProbeSignature.TIMESTAMP_HEADER, timestamp.toString());
        }
        if (nonce != null) {
            request.header(ProbeSignature.NONCE_HEADER, nonce);
        }
        if (signature != null) {
            request.header(ProbeSignature.SIGNATURE_HEADER, signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signedProbeConnectsToAListeningSocket() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Probe probe = vantage(SECRET, NOW).probe("net", "127.0.0.1", listening.getLocalPort(), false,
                    Duration.ofSeconds(2));
            assertThat(probe.reach()).isEqualTo(Probe.Reach.CONNECTED);
        }
    }

    @Test
    void closedPortIsReportedRefused() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(vantage(SECRET, NOW).probe("net", "127.0.0.1", closed, false, Duration.ofSeconds(2)).reach())
                .isEqualTo(Probe.Reach.REFUSED);
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(3000);
                } catch (IOException | InterruptedException ignoredToo) {
                    // the test ends first
                }
            });
            Probe probe = vantage(SECRET, NOW).probe("net", "127.0.0.1", silent.getLocalPort(), true,
                    Duration.ofMillis(300));
            assertThat(probe.reach()).isEqualTo(Probe.Reach.TIMED_OUT);
            acceptor.interrupt();
        }
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        HttpResponse<String> response = post("{\"ip\":\"127.0.0.1\",\"port\":1}", null, null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("unsigned");
    }

    @Test
    void wrongSecretIsRefusedAndTheVantageCallsItInconclusive() {
        Probe probe = vantage("not-the-shared-secret-at-all", NOW).probe("net", "127.0.0.1", 1, false,
                Duration.ofSeconds(1));
        assertThat(probe.reach()).isEqualTo(Probe.Reach.ERROR);
        assertThat(probe.detail()).contains("401");
    }

    @Test
    void staleRequestIsRefused() throws Exception {
        String body = "{\"ip\":\"127.0.0.1\",\"port\":1}";
        long old = NOW.minusSeconds(120).getEpochSecond();
        HttpResponse<String> response = post(body, old, "n-1", ProbeSignature.sign(SECRET, old, "n-1", body));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("stale");
    }

    @Test
    void replayedRequestIsRefused() throws Exception {
        String body = "{\"ip\":\"127.0.0.1\",\"port\":1,\"timeout_ms\":200}";
        long at = NOW.getEpochSecond();
        String signature = ProbeSignature.sign(SECRET, at, "n-2", body);
        assertThat(post(body, at, "n-2", signature).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = post(body, at, "n-2", signature);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("replayed");
    }

    @Test
    void tamperedBodyIsRefused() throws Exception {
        long at = NOW.getEpochSecond();
        String signature = ProbeSignature.sign(SECRET, at, "n-3", "{\"ip\":\"127.0.0.1\",\"port\":1}");
        assertThat(post("{\"ip\":\"127.0.0.1\",\"port\":2}", at, "n-3", signature).statusCode()).isEqualTo(401);
    }

    @Test
    void agentThatIsNotRunningMakesTheProbeInconclusive() {
        agent.close();
        Probe probe = vantage(SECRET, NOW).probe("net", "127.0.0.1", 1, false, Duration.ofMillis(300));
        assertThat(probe.reach()).isEqualTo(Probe.Reach.ERROR);
    }

    @Test
    void agentRefusesToStartWithoutAProperSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProbeAgent.start("127.0.0.1", 0, "short",
                Duration.ofSeconds(60), Clock.systemUTC())).hasMessageContaining("PORTAL_PROBE_AGENT_SECRET");
    }

    /**
     * Whoever sits between the portal and the agent: forwards each probe to the real agent and hands the portal
     * back whatever {@code rewrite} makes of the agent's answer (status, body and answer signature).
     */
    private HttpServer between(UnaryOperator<String[]> rewrite) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/probe", exchange -> {
            try (exchange) {
                HttpRequest.Builder forward = HttpRequest.newBuilder(agentUri().resolve("/probe"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                for (String header : new String[] {ProbeSignature.TIMESTAMP_HEADER, ProbeSignature.NONCE_HEADER,
                        ProbeSignature.SIGNATURE_HEADER}) {
                    forward.header(header, exchange.getRequestHeaders().getFirst(header));
                }
                HttpResponse<String> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
                String[] forged = rewrite.apply(new String[] {answer.body(),
                        answer.headers().firstValue(ProbeSignature.ANSWER_SIGNATURE_HEADER).orElse(null)});
                if (forged[1] != null) {
                    exchange.getResponseHeaders().set(ProbeSignature.ANSWER_SIGNATURE_HEADER, forged[1]);
                }
                byte[] bytes = forged[0].getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }

    private static Probe probeThrough(HttpServer between, int port) {
        return new RemoteProbeAgentVantage(URI.create("http://127.0.0.1:" + between.getAddress().getPort()), SECRET,
                Side.OUTSIDE, Clock.fixed(NOW, ZoneOffset.UTC)).probe("net", "127.0.0.1", port, false,
                Duration.ofSeconds(2));
    }

    @Test
    void answerIsSignedOverTheRequestsNonceAndBody() throws Exception {
        String body = "{\"ip\":\"127.0.0.1\",\"port\":1,\"timeout_ms\":200}";
        long at = NOW.getEpochSecond();
        HttpResponse<String> answer = post(body, at, "n-4", ProbeSignature.sign(SECRET, at, "n-4", body));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue(ProbeSignature.ANSWER_SIGNATURE_HEADER)).hasValue(
                ProbeSignature.signAnswer(SECRET, "n-4", answer.body()));
    }

    static Stream<Arguments> answersTamperedInTransit() {
        UnaryOperator<String[]> rewrittenToTimedOut =
                answer -> new String[] {answer[0].replace("CONNECTED", "TIMED_OUT"), answer[1]};
        UnaryOperator<String[]> unsigned = answer -> new String[] {"{\"reach\":\"TIMED_OUT\",\"detail\":\"x\"}", null};
        return Stream.of(
                Arguments.of("an answer rewritten in transit to timed out", rewrittenToTimedOut,
                        "signature does not match"),
                Arguments.of("an unsigned answer", unsigned, "unsigned"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("answersTamperedInTransit")
    void answerTamperedInTransitIsRefused(String tampering, UnaryOperator<String[]> rewrite, String detail)
            throws IOException {
        HttpServer between = between(rewrite);
        try (ServerSocket publicLoadBalancer = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Probe probe = probeThrough(between, publicLoadBalancer.getLocalPort());
            assertThat(probe.reach()).isEqualTo(Probe.Reach.UNTRUSTED);
            assertThat(probe.detail()).contains(detail);
        } finally {
            between.stop(0);
        }
    }

    @Test
    void signedAnswerReplayedToAnotherRequestIsRefused() throws IOException {
        AtomicReference<String[]> first = new AtomicReference<>();
        HttpServer between = between(answer -> {
            first.compareAndSet(null, answer);
            return first.get();
        });
        try {
            int closed;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = socket.getLocalPort();
            }
            assertThat(probeThrough(between, closed).reach()).isEqualTo(Probe.Reach.REFUSED);
            try (ServerSocket publicLoadBalancer = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
                assertThat(probeThrough(between, publicLoadBalancer.getLocalPort()).reach())
                        .as("the old 'refused' answer, signed for another nonce").isEqualTo(Probe.Reach.UNTRUSTED);
            }
        } finally {
            between.stop(0);
        }
    }
}
