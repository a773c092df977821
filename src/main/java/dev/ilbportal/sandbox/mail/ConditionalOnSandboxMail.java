package dev.ilbportal.sandbox.mail;

import dev.ilbportal.sandbox.internal.ConditionalOnPropertyAbsent;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * Matches when GreenMail is on the class path (never in the production jar) and no real mail server is configured,
 * so the mail catcher stands in only where nothing else would receive the portal's mail.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@ConditionalOnClass(name = "com.icegreen.greenmail.util.GreenMail")
@ConditionalOnPropertyAbsent("spring.mail.host")
@interface ConditionalOnSandboxMail {
}
