package dev.ilbportal.audit;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail (docs/audit-integrity.md).
 *
 * @param checkpointDirectory where signed checkpoints are appended, one file per UTC day; it should be on storage the
 *                            database owner cannot write (a separate volume, an object store's append-only mount)
 * @param checkpointInterval  how often the chain's head is signed and written out
 * @param signingKey          the Ed25519 private key as PKCS#8 PEM ({@code openssl genpkey -algorithm ed25519});
 *                            takes precedence over {@code signingKeyFile}
 * @param signingKeyFile      a file holding that PEM
 * @param generateMissingKey  whether to generate the key into {@code signingKeyFile} when it does not exist yet (the
 *                            sandbox does; production brings its own key)
 * @param attestationInterval how recent a proof must be for a load balancer to count as proven internal
 */
@Validated
@ConfigurationProperties("portal.audit")
public record AuditProperties(
        @DefaultValue("checkpoints") @NotNull Path checkpointDirectory,
        @DefaultValue("5m") @NotNull Duration checkpointInterval,
        String signingKey,
        Path signingKeyFile,
        @DefaultValue("false") boolean generateMissingKey,
        @DefaultValue("2h") @NotNull Duration attestationInterval) {
}
