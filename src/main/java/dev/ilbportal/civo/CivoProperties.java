package dev.ilbportal.civo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.annotation.Validated;

/**
 * How the portal talks to Civo: where, with which key and default region, through which path family, and how
 * patiently (timeouts, retries, client-side rate limit). When the key is blank the sandbox stands in for Civo.
 *
 * @param pathPrefix {@code /v2} (classic) or {@code /v2/vpc} (Civo's aliases for networks, firewalls and load
 *                   balancers; regions, instances, Kubernetes and quota always use {@code /v2})
 */
@Validated
@ConfigurationProperties("portal.civo")
public record CivoProperties(
        @DefaultValue("https://api.civo.com") @NotNull URI baseUrl,
        String apiKey,
        @DefaultValue("LON1") @NotBlank String defaultRegion,
        @DefaultValue("/v2") @Pattern(regexp = "/v2(/vpc)?") String pathPrefix,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid Budget budget) {

    /**
     * The settings with every default, for the given base URL and key (tests and tools build them so); the defaults
     * are the {@link DefaultValue}s above, bound as the portal binds them, so they are written in one place only.
     */
    public static CivoProperties defaults(URI baseUrl, String apiKey) {
        Map<String, String> given = new HashMap<>();
        given.put("portal.civo.base-url", baseUrl.toString());
        if (apiKey != null) {
            given.put("portal.civo.api-key", apiKey);
        }
        return new Binder(new MapConfigurationPropertySource(given)).bindOrCreate("portal.civo", CivoProperties.class);
    }

    public CivoProperties withPathPrefix(String prefix) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, prefix, connectTimeout, readTimeout, retry,
                rateLimit, budget);
    }

    public CivoProperties withReadTimeout(Duration timeout) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, timeout, retry,
                rateLimit, budget);
    }

    public CivoProperties withRetry(Retry newRetry) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, readTimeout, newRetry,
                rateLimit, budget);
    }

    public CivoProperties withRateLimit(RateLimit newRateLimit) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, readTimeout, retry,
                newRateLimit, budget);
    }

    public CivoProperties withBudget(Budget newBudget) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, readTimeout, retry,
                rateLimit, newBudget);
    }

    @Override
    public String toString() {
        return "CivoProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "" : "****")
                + ", defaultRegion=" + defaultRegion + ", pathPrefix=" + pathPrefix + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", retry=" + retry + ", rateLimit=" + rateLimit
                + ", budget=" + budget + "]";
    }

    /**
     * Retries of idempotent calls (GET, PUT, DELETE) on 429, 5xx and transport failures.
     *
     * @param maxServerWait the longest wait a server may ask for ({@code Retry-After}, {@code x-ratelimit-reset})
     *                      before the client gives up instead of blocking the caller
     */
    public record Retry(
            @DefaultValue("4") @Min(1) int maxAttempts,
            @DefaultValue("200ms") @NotNull Duration initialBackoff,
            @DefaultValue("5s") @NotNull Duration maxBackoff,
            @DefaultValue("30s") @NotNull Duration maxServerWait) {

    }

    /**
     * The token bucket that keeps the portal under Civo's (undocumented) rate limit: one for the whole account, shared
     * by every portal instance through PostgreSQL (see {@link Budget}).
     */
    public record RateLimit(
            @DefaultValue("1.0") @DecimalMin(value = "0.0", inclusive = false) double requestsPerSecond,
            @DefaultValue("5") @Min(1) int burst) {

        /**
         * The bucket the portal spends: the same rate with one token less of burst (when the burst allows it), so
         * Civo's bucket always keeps a token the portal never counts on. A call that reaches Civo a little earlier
         * than the portal's clock said (network jitter, another instance's clock) then still finds a token instead of
         * a 429, and the portal's sustained rate stays the full budget.
         */
        public RateLimit portalSide() {
            return burst > 1 ? new RateLimit(requestsPerSecond, burst - 1) : this;
        }
    }

    /**
     * How the account's budget is shared between portal instances and between lanes.
     *
     * @param shared                  keep the bucket in PostgreSQL so every instance spends one budget; false keeps
     *                                it in this instance's memory (one instance only)
     * @param interactiveShare        weight of people waiting on a page when lanes compete
     * @param provisioningShare       weight of the provisioning worker when lanes compete
     * @param backgroundShare         weight of verification and other background work when lanes compete
     * @param provisioningReserve     tokens provisioning leaves in the bucket for people when it runs alone
     * @param backgroundReserve       tokens background work leaves in the bucket for people when it runs alone
     * @param failCallsInTransaction  refuse (with an {@link IllegalStateException}) a Civo call made while a database
     *                                transaction is active on the calling thread; tests turn it on
     * @param lookupCache             how long {@link CivoLookupCache} keeps what rarely changes (regions, networks,
     *                                clusters) and what the wizard's step saves may read a little stale (the
     *                                region's firewalls, load balancers, instances and quota); zero turns it off
     */
    public record Budget(
            @DefaultValue("true") boolean shared,
            @DefaultValue("6") @Min(1) int interactiveShare,
            @DefaultValue("3") @Min(1) int provisioningShare,
            @DefaultValue("1") @Min(1) int backgroundShare,
            @DefaultValue("1") @Min(0) int provisioningReserve,
            @DefaultValue("2") @Min(0) int backgroundReserve,
            @DefaultValue("false") boolean failCallsInTransaction,
            @DefaultValue("30s") @NotNull Duration lookupCache) {

        /** The {@link DefaultValue}s, bound as the portal binds them. */
        public static Budget defaults() {
            return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("portal.civo.budget",
                    Budget.class);
        }

        /** This lane's weight when lanes compete. */
        public int share(CivoLane lane) {
            return switch (lane) {
                case INTERACTIVE -> interactiveShare;
                case PROVISIONING -> provisioningShare;
                case BACKGROUND -> backgroundShare;
            };
        }

        /** How many tokens this lane leaves for people when it is the only lane waiting. */
        public int reserve(CivoLane lane) {
            return switch (lane) {
                case INTERACTIVE -> 0;
                case PROVISIONING -> provisioningReserve;
                case BACKGROUND -> backgroundReserve;
            };
        }

        public Budget withFailCallsInTransaction(boolean fail) {
            return new Budget(shared, interactiveShare, provisioningShare, backgroundShare, provisioningReserve,
                    backgroundReserve, fail, lookupCache);
        }

        public Budget withLookupCache(Duration ttl) {
            return new Budget(shared, interactiveShare, provisioningShare, backgroundShare, provisioningReserve,
                    backgroundReserve, failCallsInTransaction, ttl);
        }
    }
}
