package dev.ilbportal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationsPropertiesTests {

    static NotificationsProperties withBackoff(Duration initial, Duration max) {
        return new NotificationsProperties("http://portal.example/", "p@example", 6, initial, max, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 20, Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofHours(24), Duration.ofMinutes(15));
    }

    @Test
    void backoffDoublesAfterEachFailureUpToTheMaximum() {
        var properties = withBackoff(Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoffAfter(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void linksStartWithThePortalUrlWithoutADoubleSlash() {
        assertThat(withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).linkTo("/requests/1"))
                .isEqualTo("http://portal.example/requests/1");
    }
}
