package dev.ilbportal.verification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.verification.Side;
import dev.ilbportal.verification.VerificationProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A remote probe agent must be reached over https unless insecure is allowed explicitly. */
class ProbeAgentConfigurationTests {

    private static VerificationProperties with(String url, boolean allowInsecure, String secret) {
        return new VerificationProperties(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(5), 16,
                null, null, new VerificationProperties.ProbeAgentSettings(URI.create(url), secret, Side.OUTSIDE,
                allowInsecure), Duration.ofSeconds(60));
    }

    @Test
    void refusesAnHttpAgentUrl() {
        assertThatThrownBy(() -> new ProbeAgentConfiguration().remoteProbeAgentVantage(
                with("http://agent.example:9500", false, "a-shared-secret-of-some-length"), Clock.systemUTC()))
                .hasMessageContaining("must be https").hasMessageContaining("allow-insecure");
    }

    @Test
    void acceptsAnHttpAgentUrlOnlyWhenInsecureIsAllowed() {
        assertThat(new ProbeAgentConfiguration().remoteProbeAgentVantage(
                with("http://127.0.0.1:9500", true, "a-shared-secret-of-some-length"), Clock.systemUTC()).name())
                .contains("127.0.0.1");
    }

    @Test
    void acceptsAnHttpsAgentUrl() {
        assertThat(new ProbeAgentConfiguration().remoteProbeAgentVantage(
                with("https://agent.example", false, "a-shared-secret-of-some-length"), Clock.systemUTC()).side())
                .isEqualTo(Side.OUTSIDE);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new ProbeAgentConfiguration().remoteProbeAgentVantage(
                with("https://agent.example", false, "short"), Clock.systemUTC()))
                .hasMessageContaining("secret");
    }
}
