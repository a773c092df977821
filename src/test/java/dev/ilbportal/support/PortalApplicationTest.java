package dev.ilbportal.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on a random port, on the shared test PostgreSQL, with the sandbox's OIDC provider (and other
 * sandbox parts) on free ports. The notification dispatcher and reminder job do not run on their own: every cached
 * context shares one outbox table, so tests that send notifications dispatch them themselves. Nor do scheduled audit
 * checkpoints: tests that tamper with the trail and undo it must not have a checkpoint signed in between. Tests'
 * webhook receivers listen on this machine, so its loopback names are on the webhook allow-list (production allows
 * none). "Verify now" has no cool-down here (journeys verify twice in a row); its own test sets one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.sandbox.oidc-port=0",
        "portal.sandbox.civo-port=0",
        "portal.sandbox.smtp-port=0",
        "portal.notifications.dispatch-initial-delay=1h",
        "portal.notifications.webhook-allowed-hosts=127.0.0.1,localhost",
        "portal.civo.budget.fail-calls-in-transaction=true",
        "portal.audit.checkpoint-interval=6h",
        "portal.verification.verify-now-cooldown=0s"
})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface PortalApplicationTest {
}
