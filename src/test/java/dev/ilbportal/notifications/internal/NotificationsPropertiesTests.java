package dev.ilbportal.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.notifications.NotificationsProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationsPropertiesTests {

    static NotificationsProperties withBackoff(Duration initial, Duration max) {
        return with(initial, max, 20, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    static NotificationsProperties with(Duration initial, Duration max, int batchSize, Duration lease,
                                        Duration connectTimeout, Duration sendTimeout) {
        return new NotificationsProperties("http://portal.example/", "p@example", 6, initial, max, Duration.ofSeconds(5),
                Duration.ofSeconds(10), batchSize, lease, connectTimeout, sendTimeout, Duration.ofHours(24),
                Duration.ofMinutes(15), null, Duration.ofDays(30));
    }

    @Test
    void batchLeaseCoversAWholeBatchOfAttemptsAtTheirLimit() {
        var defaults = withBackoff(Duration.ofSeconds(10), Duration.ofHours(1));
        assertThat(defaults.attemptLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.batchLease()).as("20 attempts of up to 30 s, plus 30 s")
                .isEqualTo(Duration.ofSeconds(20 * 30 + 30));

        var small = with(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(small.batchLease()).as("a configured lease longer than the batch stays").isEqualTo(Duration.ofMinutes(10));

        var slowReceivers = with(Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ofMinutes(2),
                Duration.ofSeconds(10), Duration.ofSeconds(50));
        assertThat(slowReceivers.batchLease()).isEqualTo(Duration.ofSeconds(10 * 60 + 30));
    }

    @ParameterizedTest(name = "after failure {0}: {1} s")
    @CsvSource({"1, 10", "2, 20", "3, 40", "4, 60", "40, 60"})
    void backoffDoublesAfterEachFailureUpToTheMaximum(int failures, long backoffSeconds) {
        var properties = withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(failures)).isEqualTo(Duration.ofSeconds(backoffSeconds));
    }

    @Test
    void linksStartWithThePortalUrlWithoutADoubleSlash() {
        assertThat(withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).linkTo("/requests/1"))
                .isEqualTo("http://portal.example/requests/1");
    }
}
