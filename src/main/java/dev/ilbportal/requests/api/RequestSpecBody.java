package dev.ilbportal.requests.api;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.util.List;

/**
 * What a pipeline asks for: the wizard's fields in one body, with the same names the wizard's problems use
 * ({@code name}, {@code ports[0].sourcePort}, ...). The team is chosen once, at creation.
 */
record RequestSpecBody(String team, String region, String networkId, String name, String algorithm,
                       FirewallChoice firewall, BackendTarget target, List<PortMapping> ports,
                       AdvancedSettings advanced, String justification) {

    LoadBalancerSpec spec() {
        return new LoadBalancerSpec(region, networkId, name, algorithm,
                firewall == null ? new FirewallChoice(null, null, null) : firewall,
                target == null ? new BackendTarget(null, List.of()) : target, ports,
                advanced == null ? AdvancedSettings.defaults() : advanced, justification);
    }
}
