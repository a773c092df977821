package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BackoffTests {

    private static final CivoProperties.Retry RETRY = CivoProperties.defaults(URI.create("http://127.0.0.1:1"), null)
            .retry();

    @ParameterizedTest(name = "retry {0}: at most {1} ms")
    @CsvSource({"1, 200", "2, 400", "5, 3200", "6, 5000", "500, 5000"})
    void doublesTheCeilingPerRetryUpToMaxBackoff(int retry, long ceilingMillis) {
        Backoff backoff = new Backoff(RETRY, () -> 1.0);

        assertThat(backoff.ceiling(retry)).isEqualTo(Duration.ofMillis(ceilingMillis));
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

    /** The edges (first and 10,000th retry, random 0 and 1) and 1,000 seeded draws in between. */
    static Stream<Arguments> retriesAndRandoms() {
        Random random = new Random(12);
        Stream<Arguments> edges = Stream.of(Arguments.of(1, 0.0), Arguments.of(1, 1.0), Arguments.of(10_000, 0.0),
                Arguments.of(10_000, 1.0));
        return Stream.concat(edges, Stream.generate(() -> Arguments.of(random.nextInt(1, 10_001),
                random.nextDouble())).limit(1_000));
    }

    @ParameterizedTest(name = "retry {0}, random {1}")
    @MethodSource("retriesAndRandoms")
    void neverWaitsLongerThanMaxBackoffWithoutAServerHint(int retry, double random) {
        Duration wait = new Backoff(RETRY, () -> random).before(retry, Optional.empty()).orElseThrow();

        assertThat(wait).isBetween(Duration.ZERO, RETRY.maxBackoff());
    }
}
