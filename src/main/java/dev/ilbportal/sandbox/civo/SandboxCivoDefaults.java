package dev.ilbportal.sandbox.civo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When the simulator stands in for Civo, the client may call it faster than the 1 request per second that protects a
 * real account; the wizard's live look-ups would otherwise crawl. Explicit settings still win.
 */
public class SandboxCivoDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("portal.civo.api-key"))) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>(Map.of(
                "portal.civo.rate-limit.requests-per-second", "50",
                "portal.civo.rate-limit.burst", "50",
                // The positive control of outside checks: the simulated network's public canary socket.
                "portal.verification.outside-control.host", SandboxNetwork.CANARY_IP,
                "portal.verification.outside-control.port", String.valueOf(SandboxNetwork.CANARY_PORT)));
        defaults.putAll(DEMO_TEAM_BINDINGS);
        environment.getPropertySources().addLast(new MapPropertySource("sandboxCivoDefaults", defaults));
    }

    /**
     * The demo teams' bindings to the seeded world (docs/hardening.md "Team bindings"): each team has its own network
     * and namespaces; both share the default network, where the Kubernetes cluster runs, and the cluster itself.
     * Team marketing has none, so its requests (if it had requesters) would show approvers the warning instead.
     */
    static final Map<String, String> DEMO_TEAM_BINDINGS = Map.of(
            "portal.requests.team-bindings.payments.networks", "payments-net,default",
            "portal.requests.team-bindings.payments.clusters", "prod-cluster",
            "portal.requests.team-bindings.payments.namespaces", "payments,payments-*",
            "portal.requests.team-bindings.search.networks", "search-net,default",
            "portal.requests.team-bindings.search.clusters", "prod-cluster",
            "portal.requests.team-bindings.search.namespaces", "search,search-*");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
