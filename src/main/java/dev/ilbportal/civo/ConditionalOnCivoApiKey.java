package dev.ilbportal.civo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code portal.civo.api-key} has text; a blank value (an empty {@code CIVO_API_KEY}) counts as absent,
 * so the sandbox stands in instead of the real API.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(ConditionalOnCivoApiKey.OnCivoApiKey.class)
@interface ConditionalOnCivoApiKey {

    String PROPERTY = "portal.civo.api-key";

    /** Checks the key's presence without ever reporting its value. */
    class OnCivoApiKey extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))
                    ? ConditionOutcome.match(PROPERTY + " is set")
                    : ConditionOutcome.noMatch(PROPERTY + " is blank");
        }
    }
}
