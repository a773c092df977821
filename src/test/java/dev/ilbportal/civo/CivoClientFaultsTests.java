package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.ilbportal.civo.CivoApiException.Kind;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.Region;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CivoClientFaultsTests {

    private static final String REGIONS = """
            [{"code":"LON1","name":"London 1","type":"civostack","out_of_capacity":false,"country":"uk",
              "country_name":"United Kingdom","default":true,"features":{"iaas":true,"loadbalancer":true}}]""";
    private static final String HTML_502 = """
            <html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>
            <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>""";

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    @Test
    void retriesGetOn503ThenSucceeds() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(REGIONS)));

        List<Region> regions = civo.client().listRegions();

        assertThat(regions).extracting(Region::code).containsExactly("LON1");
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
        assertThat(civo.time.sleeps()).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void backsOffExponentiallyAndGivesUpAfterMaxAttemptsOn500() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/networks")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"database_networks_list\",\"result\":\"failed\",\"reason\":\"Failed\","
                        + "\"details\":\"db down\"}")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client().listNetworks(null));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.code()).isEqualTo("database_networks_list");
        assertThat(failure.reason()).isEqualTo("Failed: db down");
        assertThat(failure.call()).isEqualTo("GET /v2/networks");
        civo.server.verify(4, getRequestedFor(urlPathEqualTo("/v2/networks")));
        assertThat(civo.time.sleeps()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800));
    }

    @Test
    void reportsHtml502AsServerErrorWithShortTagFreeSummary() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(HTML_502 + "x".repeat(500))));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client(civo.properties().withRetry(CivoWireMock.retry(2))).listFirewalls("LON1"));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.code()).isNull();
        assertThat(failure.reason()).startsWith("502 Bad Gateway 502 Bad Gateway nginx").doesNotContain("<", ">",
                "color:red").hasSizeLessThanOrEqualTo(201);
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/firewalls")));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOn429() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(okJson(REGIONS)));

        assertThat(civo.client().listRegions()).hasSize(1);

        assertThat(civo.time.sleeps()).containsExactly(Duration.ofSeconds(7));
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void waitsUntilRateLimitResetOn429() {
        long reset = FakeTime.START.getEpochSecond() + 12;
        civo.server.stubFor(get(urlPathEqualTo("/v2/quota")).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("x-ratelimit-limit", "50")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", Long.toString(reset)))
                .willSetStateTo("ok"));
        civo.server.stubFor(get(urlPathEqualTo("/v2/quota")).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"loadbalancer_count_limit\":10,\"loadbalancer_count_usage\":2}")));

        assertThat(civo.client().getQuota(null).loadbalancerCountUsage()).isEqualTo(2);

        assertThat(civo.time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void givesUpAtOnceWhenServerAsksForLongerThanMaxServerWait() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(civo.time.sleeps()).isEmpty();
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void retriesGetAfterConnectionResetThenSucceeds() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).inScenario("reset").whenScenarioStateIs("ok")
                .willReturn(okJson(REGIONS)));

        assertThat(civo.client().listRegions()).hasSize(1);

        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void reportsPersistentConnectionResetAsTransportAfterRetries() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.TRANSPORT);
        assertThat(failure.status()).isZero();
        assertThat(civo.time.sleeps()).as("our client makes 4 attempts").hasSize(3);
        // The JDK's HttpClient itself resends a GET once when the connection dies before any answer.
        assertThat(civo.server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v2/regions")).build())
                .getCount()).isBetween(4, 8);
    }

    @Test
    void reportsReadTimeoutAsTransportAndRetriesIt() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(okJson(REGIONS).withFixedDelay(1_500)));
        CivoProperties impatient = civo.properties().withReadTimeout(Duration.ofMillis(250))
                .withRetry(CivoWireMock.retry(2));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client(impatient).listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.TRANSPORT);
        assertThat(failure.reason()).containsIgnoringCase("timeout");
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void retriesAMalformedChunkOnAGetLikeAServerErrorThenReportsItAsMalformed() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client(civo.properties().withRetry(CivoWireMock.retry(3))).listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        civo.server.verify(3, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void aMalformedBodyOnAGetIsReadAgainAndTheWholeAnswerWins() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls/fw-1/rules")).inScenario("torn").whenScenarioStateIs(
                        STARTED)
                .willReturn(okJson("[{\"id\":\"r1\",\"protocol\":")).willSetStateTo("whole"));
        civo.server.stubFor(get(urlPathEqualTo("/v2/firewalls/fw-1/rules")).inScenario("torn")
                .whenScenarioStateIs("whole")
                .willReturn(okJson("[{\"id\":\"r1\",\"protocol\":\"tcp\",\"start_port\":\"443\","
                        + "\"cidr\":[\"10.0.0.0/24\"],\"direction\":\"ingress\",\"action\":\"allow\"}]")));

        assertThat(civo.client().listFirewallRules(null, "fw-1")).extracting(rule -> rule.id()).containsExactly("r1");
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1/rules")));
    }

    @Test
    void aMalformedBodyAnsweringACreateIsNotRepeated() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls")).willReturn(okJson("{\"result\":")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client()
                .createFirewall(FirewallCreateRequest.withoutRules("fw", null, "net-1")));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        civo.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/firewalls")));
    }

    @Test
    void reportsInvalidJsonOn200AsMalformedResponseNotAsEmptyList() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/loadbalancers"))
                .willReturn(okJson("[{\"id\":\"a\",\"name\":")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client().listLoadBalancers(null));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.call()).isEqualTo("GET /v2/loadbalancers");
        assertThat(failure.reason()).isEqualTo("Civo answered HTTP 200 with a body that is not the JSON it "
                + "documents (cut off, or of another shape); the details are in the portal's log")
                .doesNotContain("end-of-input", "Source");
    }

    @Test
    void reportsHtmlOn200AsMalformedResponse() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/networks"))
                .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        assertThat(catchThrowableOfType(CivoApiException.class, () -> civo.client().listNetworks(null)).kind())
                .isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void reportsEmptyBodyOn200AsMalformedResponse() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/quota")).willReturn(aResponse().withStatus(200)));

        assertThat(catchThrowableOfType(CivoApiException.class, () -> civo.client().getQuota(null)).kind())
                .isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    static Stream<Arguments> civoRefusals() {
        return Stream.of(
                Arguments.of(Kind.NOT_FOUND, 404, "database_loadbalancer_not_found",
                        "Failed to find the load balancer within the internal database",
                        get(urlPathEqualTo("/v2/loadbalancers/missing")),
                        getRequestedFor(urlPathEqualTo("/v2/loadbalancers/missing")), "GET /v2/loadbalancers/missing",
                        (Consumer<CivoClient>) client -> client.getLoadBalancer(null, "missing")),
                // a firewall still in use: the delete is not retried
                Arguments.of(Kind.CONFLICT, 409, "database_firewall_inuse_by_instance",
                        "Failed to delete the firewall as a instance(s) using",
                        delete(urlPathEqualTo("/v2/firewalls/fw-1")),
                        deleteRequestedFor(urlPathEqualTo("/v2/firewalls/fw-1")), "DELETE /v2/firewalls/fw-1",
                        (Consumer<CivoClient>) client -> client.deleteFirewall(null, "fw-1")));
    }

    @ParameterizedTest(name = "{6}: HTTP {1} {2} is {0} with Civo's code, not retried")
    @MethodSource("civoRefusals")
    void mapsCivosRefusalToItsKindWithCivosCodeAndDoesNotRetry(Kind kind, int status, String code, String reason,
                                                                MappingBuilder stub, RequestPatternBuilder sent,
                                                                String call, Consumer<CivoClient> calling) {
        civo.server.stubFor(stub.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"result\":\"failed\",\"reason\":\"" + reason + "\"}")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> calling.accept(civo.client()));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.reason()).isEqualTo(reason);
        assertThat(failure.call()).isEqualTo(call);
        assertThat(failure).hasMessageContaining(code).hasMessageContaining(Integer.toString(status));
        civo.server.verify(1, sent);
    }

    @Test
    void mapsPlainText404ToNotFoundWithoutCode() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/networks/gone"))
                .willReturn(aResponse().withStatus(404).withBody("not found")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class,
                () -> civo.client().getNetwork("LON1", "gone"));

        assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(failure.code()).isNull();
        assertThat(failure.reason()).isEqualTo("not found");
    }

    @Test
    void retriesDeleteOn503ThenSucceeds() {
        civo.server.stubFor(delete(urlPathEqualTo("/v2/loadbalancers/lb-1")).inScenario("d")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        civo.server.stubFor(delete(urlPathEqualTo("/v2/loadbalancers/lb-1")).inScenario("d")
                .whenScenarioStateIs("ok").willReturn(okJson("{\"result\":\"success\"}")));

        assertThat(civo.client().deleteLoadBalancer(null, "lb-1").succeeded()).isTrue();

        civo.server.verify(2, deleteRequestedFor(urlPathEqualTo("/v2/loadbalancers/lb-1")));
    }

    @Test
    void acceptsAnEmpty202ForADelete() {
        civo.server.stubFor(delete(urlPathEqualTo("/v2/firewalls/fw-2")).willReturn(aResponse().withStatus(202)));

        assertThat(civo.client().deleteFirewall(null, "fw-2").succeeded()).isTrue();
    }

    @Test
    void neverRetriesCreate() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls")).willReturn(aResponse().withStatus(503)));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client()
                .createFirewall(FirewallCreateRequest.withoutRules("lb-internal", null, "net-1")));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        civo.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/firewalls")));
        assertThat(civo.time.sleeps()).isEmpty();
    }

    @Test
    void neverRetriesCreateEvenAfterConnectionResetOr429() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/loadbalancers"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        LoadBalancerCreateRequest request = new LoadBalancerCreateRequest(null, "lb", null, "net-1", null, "fw-1",
                null, null, null, null, null, null, null, null, null, null);

        assertThat(catchThrowableOfType(CivoApiException.class, () -> civo.client().createLoadBalancer(request))
                .kind()).isEqualTo(Kind.TRANSPORT);
        civo.server.verify(1, postRequestedFor(urlPathEqualTo("/v2/loadbalancers")));

        civo.server.stubFor(post(urlPathEqualTo("/v2/loadbalancers"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        assertThat(catchThrowableOfType(CivoApiException.class, () -> civo.client().createLoadBalancer(request))
                .kind()).isEqualTo(Kind.RATE_LIMITED);
        civo.server.verify(2, postRequestedFor(urlPathEqualTo("/v2/loadbalancers")));
    }

    @Test
    void mapsLegacy401ToUnauthorized() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"result\":\"requires_authentication\",\"status\":401}")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.reason()).isEqualTo("requires_authentication");
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void mapsUnknownAccountCodeToUnauthorizedWhateverTheStatus() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":\"database_account_not_found\","
                        + "\"reason\":\"Failed to find the account within the internal database\"}")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.code()).isEqualTo("database_account_not_found");
    }

    @Test
    void mapsQuotaLimitToQuotaExceeded() {
        civo.server.stubFor(post(urlPathEqualTo("/v2/firewalls")).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":\"quota_limit_reached\",\"reason\":\"quota reached\"}")));

        assertThat(catchThrowableOfType(CivoApiException.class, () -> civo.client()
                .createFirewall(FirewallCreateRequest.withoutRules("x", "LON1", "n"))).kind())
                .isEqualTo(Kind.QUOTA_EXCEEDED);
    }
}
