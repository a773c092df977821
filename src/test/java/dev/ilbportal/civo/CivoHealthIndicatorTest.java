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

class CivoHealthIndicatorTest {

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    private CivoHealthIndicator indicator() {
        return new CivoHealthIndicator(civo.client(), civo.time);
    }

    @Test
    void isUpWhenRegionsAnswer() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[{\"code\":\"LON1\"}]")));

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("regions", 1);
    }

    @Test
    void reportsKeyRefusedWithStatusAndCodeButNotTheKey() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"authentication_invalid_key\",\"reason\":\"Invalid key\"}")));

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("problem", "key refused").containsEntry("httpStatus", 401)
                .containsEntry("code", "authentication_invalid_key");
        assertThat(health.toString()).doesNotContain(CivoWireMock.KEY);
    }

    @Test
    void reportsUnreachableWithoutRetrying() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("problem", "unreachable").doesNotContainKey("httpStatus");
        assertThat(civo.time.sleeps()).isEmpty();
    }

    @Test
    void cachesTheAnswerForThirtySeconds() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(okJson("[]")));
        CivoHealthIndicator indicator = indicator();

        indicator.health();
        civo.time.advance(Duration.ofSeconds(29));
        indicator.health();
        civo.server.verify(1, getRequestedFor(urlPathEqualTo("/v2/regions")));

        civo.time.advance(Duration.ofSeconds(1));
        indicator.health();
        civo.server.verify(2, getRequestedFor(urlPathEqualTo("/v2/regions")));
    }
}
