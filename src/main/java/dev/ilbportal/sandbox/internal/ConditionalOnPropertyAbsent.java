package dev.ilbportal.sandbox.internal;

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

/** Matches when a setting is not given: a sandbox part stands in only for what production has not configured. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@Conditional(ConditionalOnPropertyAbsent.OnPropertyAbsent.class)
public @interface ConditionalOnPropertyAbsent {

    /** The property that, when set to a non-blank value, switches the sandbox part off. */
    String value();

    class OnPropertyAbsent extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String property = (String) metadata.getAnnotationAttributes(ConditionalOnPropertyAbsent.class.getName())
                    .get("value");
            String value = context.getEnvironment().getProperty(property);
            return StringUtils.hasText(value)
                    ? ConditionOutcome.noMatch(property + " is set")
                    : ConditionOutcome.match(property + " is not set");
        }
    }
}
