package dev.ilbportal.sandbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox parts.
 *
 * @param dataDirectory where the embedded PostgreSQL keeps its data between runs
 * @param oidcPort      port of the embedded OpenID Connect provider (0 picks a free one)
 */
@Validated
@ConfigurationProperties("portal.sandbox")
public record SandboxProperties(
        @DefaultValue(".data") Path dataDirectory,
        @DefaultValue("9400") @Min(0) @Max(65535) int oidcPort) {
}
