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
        @DefaultValue @Valid RateLimit rateLimit) {

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
                rateLimit);
    }

    public CivoProperties withReadTimeout(Duration timeout) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, timeout, retry,
                rateLimit);
    }

    public CivoProperties withRetry(Retry newRetry) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, readTimeout, newRetry,
                rateLimit);
    }

    public CivoProperties withRateLimit(RateLimit newRateLimit) {
        return new CivoProperties(baseUrl, apiKey, defaultRegion, pathPrefix, connectTimeout, readTimeout, retry,
                newRateLimit);
    }

    @Override
    public String toString() {
        return "CivoProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "" : "****")
                + ", defaultRegion=" + defaultRegion + ", pathPrefix=" + pathPrefix + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", retry=" + retry + ", rateLimit=" + rateLimit
                + "]";
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

    /** The client-side token bucket that keeps the portal under Civo's (undocumented) rate limit. */
    public record RateLimit(
            @DefaultValue("1.0") @DecimalMin(value = "0.0", inclusive = false) double requestsPerSecond,
            @DefaultValue("5") @Min(1) int burst) {

    }
}
