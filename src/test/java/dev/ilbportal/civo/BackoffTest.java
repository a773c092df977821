package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final CivoProperties.Retry RETRY = CivoProperties.Retry.defaults();

    @Test
    void doublesTheCeilingPerRetryUpToMaxBackoff() {
        Backoff backoff = new Backoff(RETRY, () -> 1.0);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fullJitterPicksAnywhereBetweenZeroAndTheCeiling() {
        assertThat(new Backoff(RETRY, () -> 0.0).before(3, Optional.empty())).contains(Duration.ZERO);
        assertThat(new Backoff(RETRY, () -> 0.5).before(3, Optional.empty())).contains(Duration.ofMillis(400));
    }

    @Test
    void followsTheServersWaitUpToTheCapAndGivesUpBeyondIt() {
        Backoff backoff = new Backoff(RETRY, () -> 0.5);

        assertThat(backoff.before(1, Optional.of(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(30));
        assertThat(backoff.before(1, Optional.of(Duration.ofSeconds(31)))).isEmpty();
    }

    @Property
    void neverWaitsLongerThanMaxBackoffWithoutAServerHint(@ForAll @IntRange(min = 1, max = 10_000) int retry,
                                                          @ForAll @DoubleRange(min = 0, max = 1) double random) {
        Duration wait = new Backoff(RETRY, () -> random).before(retry, Optional.empty()).orElseThrow();

        assertThat(wait).isBetween(Duration.ZERO, RETRY.maxBackoff());
    }
}
