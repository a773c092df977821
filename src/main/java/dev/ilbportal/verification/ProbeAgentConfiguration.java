package dev.ilbportal.verification;

import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** A remote probe agent as a vantage point, when {@code portal.verification.probe-agent.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.verification.probe-agent", name = "url")
class ProbeAgentConfiguration {

    @Bean
    RemoteProbeAgentVantage remoteProbeAgentVantage(Environment environment, Clock clock) {
        String secret = environment.getRequiredProperty("portal.verification.probe-agent.secret");
        Side side = Side.valueOf(environment.getProperty("portal.verification.probe-agent.side", "OUTSIDE"));
        return new RemoteProbeAgentVantage(URI.create(environment.getRequiredProperty(
                "portal.verification.probe-agent.url")), secret, side, clock);
    }
}
