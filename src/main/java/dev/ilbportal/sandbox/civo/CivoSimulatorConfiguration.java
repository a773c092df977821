package dev.ilbportal.sandbox.civo;

import dev.ilbportal.civo.CivoConnection;
import dev.ilbportal.sandbox.internal.ConditionalOnPropertyAbsent;
import dev.ilbportal.sandbox.internal.SandboxNotice;
import dev.ilbportal.sandbox.SandboxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Civo API simulator and points the portal's Civo client at it when no real Civo key
 * ({@code portal.civo.api-key}) is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPropertyAbsent("portal.civo.api-key")
public class CivoSimulatorConfiguration {

    @Bean(destroyMethod = "close")
    CivoSimulator civoSimulator(SandboxProperties properties) {
        QuotaLimits defaults = QuotaLimits.defaults();
        CivoSimulator simulator = CivoSimulator.start(new SimulatorSettings(properties.civoPort(), properties.apiKey(),
                properties.civoProvisioningDelay(), properties.civoPendingState(), properties.civoFaultSeed(),
                new QuotaLimits(properties.civoLoadBalancerLimit(), properties.civoFirewallLimit(), defaults.firewallRules(),
                        defaults.networks(), defaults.instances())));
        simulator.budget().enforce(properties.civoRateLimit(), properties.civoRateLimitBurst());
        return simulator;
    }

    @Bean
    SandboxVantage sandboxInsideVantage(SandboxNetwork network) {
        return new SandboxVantage(network, dev.ilbportal.verification.Side.INSIDE);
    }

    @Bean
    SandboxVantage sandboxOutsideVantage(SandboxNetwork network) {
        return new SandboxVantage(network, dev.ilbportal.verification.Side.OUTSIDE);
    }

    @Bean
    CivoConnection civoConnection(CivoSimulator simulator) {
        return new CivoConnection(simulator.baseUrl(), simulator.apiKey());
    }

    @Bean
    SandboxNetwork sandboxNetwork(CivoSimulator simulator) {
        return simulator.network();
    }

    @Bean
    SandboxFaults sandboxFaults(CivoSimulator simulator) {
        return simulator.faults();
    }

    @Bean
    SandboxNotice.Part civoSimulatorPart(CivoSimulator simulator) {
        return new SandboxNotice.Part("Civo API simulator",
                simulator.baseUrl() + " (key: " + simulator.apiKey() + ")");
    }
}
