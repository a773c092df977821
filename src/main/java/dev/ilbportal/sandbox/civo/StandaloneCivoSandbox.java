package dev.ilbportal.sandbox.civo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code java -jar ilb-portal.jar --civo-sandbox}: the Civo API simulator alone, in its own process, so it outlives
 * the portals that use it. Settings come from the environment (see docs/production.md); a portal treats it as Civo
 * with {@code CIVO_API_KEY} and {@code PORTAL_CIVO_BASE_URL}, and uses its vantage points with
 * {@code PORTAL_SANDBOX_REMOTE_VANTAGES=true}.
 */
public final class StandaloneCivoSandbox {

    private StandaloneCivoSandbox() {
    }

    /** The settings read from {@code environment}; a bad value names the variable to fix. */
    record Options(SimulatorSettings settings, InetAddress bind, Path stateFile) {

        static Options from(Map<String, String> environment) {
            QuotaLimits defaults = QuotaLimits.defaults();
            int port = read(environment, "CIVO_SANDBOX_PORT", "9401", Integer::parseInt);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("CIVO_SANDBOX_PORT must be between 0 and 65535, not " + port);
            }
            String apiKey = environment.getOrDefault("CIVO_SANDBOX_API_KEY", SimulatorSettings.DEFAULT_API_KEY);
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("CIVO_SANDBOX_API_KEY must not be blank");
            }
            Duration delay = read(environment, "CIVO_SANDBOX_PROVISIONING_DELAY", "2s", DurationStyle::detectAndParse);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("CIVO_SANDBOX_PROVISIONING_DELAY must not be negative");
            }
            String pending = environment.getOrDefault("CIVO_SANDBOX_PENDING_STATE", "pending");
            long seed = read(environment, "CIVO_SANDBOX_FAULT_SEED", "42", Long::parseLong);
            int loadBalancers = read(environment, "CIVO_SANDBOX_LOADBALANCER_LIMIT",
                    Integer.toString(defaults.loadBalancers()), Integer::parseInt);
            int firewalls = read(environment, "CIVO_SANDBOX_FIREWALL_LIMIT", Integer.toString(defaults.firewalls()),
                    Integer::parseInt);
            InetAddress bind = read(environment, "CIVO_SANDBOX_BIND", "127.0.0.1", Options::address);
            String stateFile = environment.getOrDefault("CIVO_SANDBOX_STATE_FILE", "");
            return new Options(new SimulatorSettings(port, apiKey, delay, pending, seed,
                    new QuotaLimits(loadBalancers, firewalls, defaults.firewallRules(), defaults.networks(),
                            defaults.instances())), bind, stateFile.isBlank() ? null : Path.of(stateFile));
        }

        private static <T> T read(Map<String, String> environment, String name, String fallback,
                                  Function<String, T> parse) {
            String value = environment.getOrDefault(name, fallback).trim();
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " is not valid: \"" + value + "\"", e);
            }
        }

        private static InetAddress address(String value) {
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("The Civo sandbox cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CivoSimulator simulator = CivoSimulator.start(options.settings(), options.bind(), options.stateFile());
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "civo-sandbox-shutdown"));
        System.out.println("ILB Portal Civo sandbox listening on " + simulator.baseUrl()
                + (options.stateFile() == null ? " (state in memory)" : " (state in " + options.stateFile() + ")"));
        Thread.currentThread().join();
    }
}
