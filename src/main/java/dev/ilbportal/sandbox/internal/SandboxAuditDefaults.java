package dev.ilbportal.sandbox.internal;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When the sandbox's embedded PostgreSQL stands in for the database, the audit trail's checkpoint key is generated
 * once and kept in the sandbox's data folder, next to the checkpoints it signs. Production brings its own key
 * (docs/audit-integrity.md); explicit settings still win.
 */
public class SandboxAuditDefaults implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        String data = environment.getProperty("portal.sandbox.data-directory", ".data");
        environment.getPropertySources().addLast(new MapPropertySource("sandboxAuditDefaults", Map.of(
                "portal.audit.signing-key-file", data + "/audit/signing-key.pem",
                "portal.audit.generate-missing-key", "true",
                "portal.audit.checkpoint-directory", data + "/audit/checkpoints")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
