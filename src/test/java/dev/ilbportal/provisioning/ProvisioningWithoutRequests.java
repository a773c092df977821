package dev.ilbportal.provisioning;

import dev.ilbportal.kubernetes.KubernetesServices;
import dev.ilbportal.requests.Decommissions;
import dev.ilbportal.requests.EndDateExtensions;
import dev.ilbportal.requests.FirewallRestores;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.support.TestDatabaseInitializer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * What a module test whose context holds provisioning (with the {@code civo} and {@code sandbox} modules) but not
 * requests needs besides its {@code @ApplicationModuleTest}: the shared test PostgreSQL; the sandbox's parts on free
 * ports with the step-by-step timings of {@code fast-sandbox.properties} (schedules out of the way: the test runs the
 * worker on its own thread, see {@link AnnouncedApprovals}); and what lies outside provisioning's flow stood in for:
 * requests' published API (provisioning's beans need it; {@link AnnouncedApprovals} makes its look-up answer for the
 * approvals a test announces), the Kubernetes client (these load balancers sit in front of instances, not a cluster)
 * and the clock (web). The context is closed after the class: nobody else uses it, and its Civo simulator and
 * schedulers should not outlive it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(locations = "classpath:fast-sandbox.properties", properties = {
        "portal.sandbox.oidc-port=0",
        "portal.sandbox.civo-port=0",
        "portal.sandbox.smtp-port=0" })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(ProvisioningWithoutRequests.WebClock.class)
@MockitoBean(types = { RequestLookup.class, Decommissions.class, EndDateExtensions.class, FirewallRestores.class,
        KubernetesServices.class })
@DirtiesContext
public @interface ProvisioningWithoutRequests {

    /** The clock the web module would provide. */
    @TestConfiguration(proxyBeanMethods = false)
    class WebClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
