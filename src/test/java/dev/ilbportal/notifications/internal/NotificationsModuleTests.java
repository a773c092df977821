package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.provisioning.ProvisioningEvents.LoadBalancerEndingSoon;
import dev.ilbportal.requests.RequestLookup;
import dev.ilbportal.support.TestDatabaseInitializer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notifications module on its own (no other module's beans): an event another module publishes, in, and the
 * outbox rows for the team's webhook, out, written in the publisher's transaction. The dispatcher does not run here
 * (the outbox table is shared with every other test). Stood in for: the clock (web) and the requests' look-up (the
 * reminder names the load balancer itself, so the look-up is not asked).
 */
@ApplicationModuleTest
@TestPropertySource(properties = "portal.notifications.dispatch-initial-delay=1h")
@Import(NotificationsModuleTests.OtherModules.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class NotificationsModuleTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @MockitoBean
    RequestLookup requests;

    @Autowired
    Webhooks webhooks;

    @Autowired
    JdbcClient jdbc;

    private final String team = "module-team-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID webhookId = UUID.randomUUID();

    @AfterEach
    void removeWebhookAndDeliveries() {
        jdbc.sql("delete from notification_delivery where webhook_id = ?").param(webhookId).update();
        webhooks.delete(webhookId);
    }

    @Test
    void anEndDateReminderFromProvisioningBecomesADeliveryToTheTeamsWebhook(Scenario scenario) {
        webhooks.add(new Webhook(webhookId, "https://hooks.example.org/" + team, "module-test-secret", team, true,
                "module-test", Instant.now()));
        UUID loadBalancerId = UUID.randomUUID();

        scenario.publish(new LoadBalancerEndingSoon(loadBalancerId, UUID.randomUUID(), team, "orders-db",
                        LocalDate.now().plusDays(7), 7))
                .andWaitForStateChange(() -> jdbc.sql("""
                                select kind, title from notification_delivery where webhook_id = ?""")
                        .param(webhookId).query((row, n) -> row.getString("kind") + ": " + row.getString("title"))
                        .list(), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(rows).containsExactly(
                        NotificationKind.END_DATE_REMINDER.name() + ": Load balancer orders-db ends in 7 days"));
    }
}
