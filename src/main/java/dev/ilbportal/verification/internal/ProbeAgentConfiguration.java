package dev.ilbportal.verification.internal;

import dev.ilbportal.verification.VerificationProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A remote probe agent as a vantage point, when {@code portal.verification.probe-agent.url} is set. Its URL must be
 * {@code https}: over plain HTTP whoever sits in between could at least watch every probe. Only
 * {@code allow-insecure=true} (local tests, the sandbox) accepts {@code http}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "portal.verification.probe-agent", name = "url")
class ProbeAgentConfiguration {

    @Bean
    RemoteProbeAgentVantage remoteProbeAgentVantage(VerificationProperties properties, Clock clock) {
        VerificationProperties.ProbeAgentSettings agent = properties.probeAgent();
        if (agent.secret() == null || agent.secret().length() < 16) {
            throw new IllegalStateException("portal.verification.probe-agent.secret must be set (at least 16 "
                    + "characters, the same as the agent's PORTAL_PROBE_AGENT_SECRET)");
        }
        String scheme = agent.url().getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && agent.allowInsecure())) {
            throw new IllegalStateException("portal.verification.probe-agent.url must be https (it is " + agent.url()
                    + "); set portal.verification.probe-agent.allow-insecure=true only for local tests or the "
                    + "sandbox");
        }
        return new RemoteProbeAgentVantage(agent.url(), agent.secret(), agent.side(), clock);
    }
}
