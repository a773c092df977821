package dev.ilbportal.verification;

import java.time.Duration;

/**
 * A place probes start from: the portal's own process, a remote probe agent, or the sandbox's simulated network.
 * Verification uses the first vantage point configured for each side; with none, the check is inconclusive.
 */
public interface Vantage {

    /** A short name shown beside each check, e.g. {@code sandbox-outside}. */
    String name();

    Side side();

    /**
     * Tries a TCP connection to {@code ip:port} (and, when {@code http}, a GET of {@code /}) from this vantage point.
     *
     * @param networkId the private network the load balancer lives in (inside vantage points must be in it)
     */
    Probe probe(String networkId, String ip, int port, boolean http, Duration timeout);
}
