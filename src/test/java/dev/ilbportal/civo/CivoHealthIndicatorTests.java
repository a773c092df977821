package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CivoHealthIndicatorTests {

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    private CivoHealthIndicator indicator() {
        return new CivoHealthIndicator(civo.client(), civo.time);
    }

    /** The first answer after the background probe finished. */
    private static Health settled(CivoHealthIndicator indicator) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Health health = indicator.health();
        while (health.getStatus().equals(Status.UNKNOWN)) {
            assertThat(System.nanoTime()).as("probe finished in time").isLessThan(deadline);
            Thread.sleep(10);
            health = indicator.health();
        }
        return health;
    }

    private void awaitRegionCalls(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (civo.server.findAll(getRequestedFor(urlPathEqualTo("/v2/regions"))).size() < count) {
            assertThat(System.nanoTime()).as("probe started in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(50);
    }

    @Test
    void isUpWhenRegionsAnswer() throws Exception {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[{\"code\":\"LON1\"}]")));

        Health health = settled(indicator());

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("regions", 1);
    }

    @Test
    void reportsKeyRefusedWithStatusAndCodeButNotTheKey() throws Exception {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"authentication_invalid_key\",\"reason\":\"Invalid key\"}")));

        Health health = settled(indicator());

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("problem", "key refused").containsEntry("httpStatus", 401)
                .containsEntry("code", "authentication_invalid_key");
        assertThat(health.toString()).doesNotContain(CivoWireMock.KEY);
    }

    @Test
    void reportsUnreachableWithoutRetrying() throws Exception {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Health health = settled(indicator());

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("problem", "unreachable").doesNotContainKey("httpStatus");
        assertThat(civo.time.sleeps()).isEmpty();
    }

    @Test
    void cachesTheAnswerForThirtySecondsThenProbesAgainInTheBackground() throws Exception {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[]")));
        CivoHealthIndicator indicator = indicator();

        settled(indicator);
        civo.time.advance(Duration.ofSeconds(29));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        Thread.sleep(100);
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/regions")));

        civo.time.advance(Duration.ofSeconds(1));
        assertThat(indicator.health().getStatus()).as("the last answer while a new probe runs").isEqualTo(Status.UP);
        awaitRegionCalls(2);
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }

    @Test
    void answersAtOnceWhileAProbeIsSlowAndStartsOnlyOneProbe() throws Exception {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(okJson("[{\"code\":\"LON1\"}]").withFixedDelay(1500)));
        CivoHealthIndicator indicator = indicator();

        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("50 health answers while Civo is slow")
                .isLessThan(Duration.ofMillis(500));

        assertThat(settled(indicator).getStatus()).isEqualTo(Status.UP);
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }
}
