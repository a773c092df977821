package dev.ilbportal.sandbox.civo;

import java.time.Duration;

/**
 * How a {@link CivoSimulator} runs, so tests and the sandbox can pick ports, timing and limits.
 *
 * @param port              TCP port on 127.0.0.1; 0 picks a free one
 * @param apiKey            the only bearer key accepted
 * @param provisioningDelay how long a new load balancer stays pending; zero makes it available at once
 * @param pendingState      the state name shown while pending (Civo's transitional names are undocumented [?])
 * @param faultSeed         seed of the random numbers behind probabilistic faults, for repeatable tests
 * @param quota             the account's limits
 */
public record SimulatorSettings(int port, String apiKey, Duration provisioningDelay, String pendingState,
        long faultSeed, QuotaLimits quota) {

    public static final String DEFAULT_API_KEY = "sandbox-key";

    /** A free port, the sandbox key, load balancers available at once, default quota. */
    public static SimulatorSettings forTests() {
        return new SimulatorSettings(0, DEFAULT_API_KEY, Duration.ZERO, "pending", 42L, QuotaLimits.defaults());
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(newPort, apiKey, provisioningDelay, pendingState, faultSeed, quota);
    }

    public SimulatorSettings withProvisioningDelay(Duration delay) {
        return new SimulatorSettings(port, apiKey, delay, pendingState, faultSeed, quota);
    }

    public SimulatorSettings withQuota(QuotaLimits limits) {
        return new SimulatorSettings(port, apiKey, provisioningDelay, pendingState, faultSeed, limits);
    }
}
