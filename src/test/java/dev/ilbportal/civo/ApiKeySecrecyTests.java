package dev.ilbportal.civo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeySecrecyTests {

    @RegisterExtension
    final CivoWireMock civo = new CivoWireMock();

    @Test
    void clientPropertiesAndConnectionNeverPrintTheKey() {
        assertThat(civo.client().toString()).doesNotContain(CivoWireMock.KEY).contains("****");
        assertThat(civo.properties().toString()).doesNotContain(CivoWireMock.KEY);
        assertThat(new CivoConnection(URI.create("https://api.civo.com"), CivoWireMock.KEY).toString())
                .doesNotContain(CivoWireMock.KEY);
    }

    @Test
    void errorsNeverCarryTheKeyEvenWhenTheServerEchoesIt() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"authentication_invalid_key\",\"reason\":\"bad key bearer "
                        + CivoWireMock.KEY + "\"}")));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(failure.kind()).isEqualTo(CivoApiException.Kind.UNAUTHORIZED);
        assertThat(fullText(failure)).doesNotContain(CivoWireMock.KEY).doesNotContainIgnoringCase("authorization");
        assertThat(failure.reason()).contains("****");
    }

    @Test
    void transportErrorsNeverCarryTheKey() {
        civo.server.stubFor(get(urlPathEqualTo("/v2/regions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        CivoApiException failure = catchThrowableOfType(CivoApiException.class, () -> civo.client().listRegions());

        assertThat(fullText(failure)).doesNotContain(CivoWireMock.KEY);
    }

    private static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
