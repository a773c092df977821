package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.notifications.NotificationsProperties;
import dev.ilbportal.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A dispatcher never works on a delivery past its lease, so no other dispatcher can send the same mail again. */
class DeliveryDispatcherLeaseTests {

    private final MutableClock clock = new MutableClock();
    private final Deliveries deliveries = mock(Deliveries.class);
    private final MailChannel mail = mock(MailChannel.class);
    private final WebhookChannel webhooks = mock(WebhookChannel.class);
    private final NotificationsProperties properties = NotificationsPropertiesTests.with(Duration.ofSeconds(10),
            Duration.ofHours(1), 3, Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final DeliveryDispatcher dispatcher = new DeliveryDispatcher(deliveries, mail, webhooks, properties,
            new TransactionTemplate(mock(PlatformTransactionManager.class)), clock);

    private static Delivery mailTo(String address) {
        Instant now = Instant.now();
        return new Delivery(UUID.randomUUID(), UUID.randomUUID(), NotificationKind.DRIFTED, Channel.EMAIL, address,
                "someone", null, "t", "b", Delivery.Status.PENDING, 0, now, null, now, null);
    }

    @Test
    void claimsTheBatchForLongerThanItsAttemptsCanTakeAndHandsBackWhatItCannotFinishInTime() {
        List<Delivery> batch = List.of(mailTo("a@x.example"), mailTo("b@x.example"), mailTo("c@x.example"));
        ArgumentCaptor<Instant> leaseUntil = ArgumentCaptor.forClass(Instant.class);
        when(deliveries.claimDue(any(), eq(3), leaseUntil.capture())).thenReturn(batch);
        doAnswer(invocation -> {
            clock.advance(Duration.ofSeconds(50)); // a slow mail server, within its timeouts
            return null;
        }).when(mail).send(any());
        Instant start = clock.instant();

        int tried = dispatcher.dispatchDue();

        assertThat(Duration.between(start, leaseUntil.getValue())).as("lease: 3 attempts of 30 s, plus 30 s")
                .isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
        assertThat(tried).isEqualTo(2);
        verify(mail, times(2)).send(any());
        verify(deliveries).markSent(eq(batch.get(0).id()), any());
        verify(deliveries).markSent(eq(batch.get(1).id()), any());
        verify(deliveries, never()).markSent(eq(batch.get(2).id()), any());
        verify(deliveries).release(eq(batch.get(2).id()), eq(leaseUntil.getValue()), any());
    }

    @Test
    void aFastBatchIsSentWhole() {
        List<Delivery> batch = List.of(mailTo("a@x.example"), mailTo("b@x.example"), mailTo("c@x.example"));
        when(deliveries.claimDue(any(), eq(3), any())).thenReturn(batch);

        assertThat(dispatcher.dispatchDue()).isEqualTo(3);
        verify(mail, times(3)).send(any());
        verify(deliveries, never()).release(any(), any(), any());
    }
}
