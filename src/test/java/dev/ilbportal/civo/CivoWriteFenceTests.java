package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ilbportal.civo.model.FirewallCreateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write fence a caller declares on its thread: run after the budget's token is granted and right before every
 * attempt of a write is sent; a fence that throws means nothing is sent; reads are never fenced.
 */
class CivoWriteFenceTests {

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    /** What the fence saw each time it ran: the requests the server had received and the client's sleeps so far. */
    private record Seen(String call, int requestsReceived, List<Duration> sleptBefore) {
    }

    @Test
    void aWriteWhoseFenceThrowsIsNeverSentAndTheFencesOwnExceptionReachesTheCaller() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls")).willReturn(okJson(
                "{\"result\":\"success\",\"id\":\"fw-1\",\"name\":\"fw\"}")));
        IllegalStateException taken = new IllegalStateException("the job was taken over");
        CivoWriteFence refuse = call -> {
            throw taken;
        };

        Throwable thrown = catchThrowable(() -> refuse.run(() -> civo.client()
                .createFirewall(FirewallCreateRequest.withoutRules("fw", null, "net-1"))));

        assertThat(thrown).isSameAs(taken);
        civo.server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theFenceRunsAfterTheWaitForTheBudgetAndBeforeEveryAttemptOfAWriteRetriesIncluded() {
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-1")).inScenario("d").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-1")).inScenario("d").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"result\":\"success\"}")));
        // One call a second, burst one: the retry waits 200 ms of backoff, then 800 ms for its token.
        CivoClient client = civo.client(civo.properties().withRateLimit(new CivoProperties.RateLimit(1, 1)));
        List<Seen> seen = new ArrayList<>();
        CivoWriteFence recording = call -> seen.add(new Seen(call, civo.server.getAllServeEvents().size(),
                civo.time.sleeps()));

        recording.run(() -> client.deleteFirewall("LON1", "fw-1"));

        assertThat(seen).containsExactly(
                new Seen("DELETE /v2/firewalls/fw-1", 0, List.of()),
                new Seen("DELETE /v2/firewalls/fw-1", 1, List.of(Duration.ofMillis(200), Duration.ofMillis(800))));
        civo.server.verify(2, deleteRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1")));
    }

    @Test
    void readsAreNeverFencedAndAThreadIsUnfencedAgainOnceItsWorkIsDone() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls")).willReturn(okJson("[]")));
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-1")).willReturn(okJson("{\"result\":\"success\"}")));
        List<String> fenced = new ArrayList<>();
        CivoWriteFence refuse = call -> {
            fenced.add(call);
            throw new IllegalStateException("refused");
        };

        assertThat(refuse.call(() -> civo.client().listFirewalls("LON1"))).isEmpty();
        civo.client().deleteFirewall("LON1", "fw-1");

        assertThat(fenced).isEmpty();
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/firewalls")));
        civo.server.verify(1, deleteRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1")));
    }

    @Test
    void fencesDeclaredInsideOneAnotherAllRunTheOutermostFirst() {
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-1")).willReturn(okJson("{\"result\":\"success\"}")));
        List<String> order = new ArrayList<>();
        CivoWriteFence outer = call -> order.add("outer");
        CivoWriteFence inner = call -> order.add("inner");

        outer.run(() -> inner.run(() -> civo.client().deleteFirewall("LON1", "fw-1")));
        outer.run(() -> civo.client().deleteFirewall("LON1", "fw-1"));

        assertThat(order).containsExactly("outer", "inner", "outer");
    }
}
