package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The proof status rules on their own: only a recent pass is green, a fail exposes whatever came before. */
class ProofStatusTests {

    static final Duration HOUR = Duration.ofHours(1);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant BUILT = NOW.minus(Duration.ofDays(3));

    @Test
    void failExposesWhateverCameBefore() {
        assertThat(ProofStatus.afterRun(Outcome.FAIL, null, NOW, NOW, HOUR)).isEqualTo(ProofStatus.EXPOSED);
        assertThat(ProofStatus.afterRun(Outcome.FAIL, NOW.minusSeconds(60), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.EXPOSED);
    }

    @Test
    void passProves() {
        assertThat(ProofStatus.afterRun(Outcome.PASS, null, BUILT, NOW, HOUR)).isEqualTo(ProofStatus.PROVEN);
    }

    @Test
    void inconclusiveIsUnprovenUntilTwiceTheIntervalThenStale() {
        assertThat(ProofStatus.afterRun(Outcome.INCONCLUSIVE, NOW.minus(Duration.ofMinutes(90)), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.UNPROVEN);
        assertThat(ProofStatus.afterRun(Outcome.INCONCLUSIVE, NOW.minus(Duration.ofMinutes(121)), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.STALE);
        assertThat(ProofStatus.afterRun(Outcome.INCONCLUSIVE, null, NOW.minusSeconds(10), NOW, HOUR))
                .as("new and never passed").isEqualTo(ProofStatus.UNPROVEN);
        assertThat(ProofStatus.afterRun(Outcome.INCONCLUSIVE, null, BUILT, NOW, HOUR))
                .as("never passed in three days").isEqualTo(ProofStatus.STALE);
    }

    @Test
    void provenIsGreenOnlyWithinTheInterval() {
        assertThat(ProofStatus.aged(ProofStatus.PROVEN, NOW.minus(Duration.ofMinutes(59)), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.PROVEN);
        assertThat(ProofStatus.aged(ProofStatus.PROVEN, NOW.minus(Duration.ofMinutes(61)), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.UNPROVEN);
        assertThat(ProofStatus.aged(ProofStatus.PROVEN, NOW.minus(Duration.ofMinutes(121)), BUILT, NOW, HOUR))
                .isEqualTo(ProofStatus.STALE);
    }

    @Test
    void exposedStaysExposedHoweverOldUntilARunSaysOtherwise() {
        assertThat(ProofStatus.aged(ProofStatus.EXPOSED, null, BUILT, NOW, HOUR)).isEqualTo(ProofStatus.EXPOSED);
    }

    @Test
    void onlyExposedAndStaleAlarm() {
        assertThat(ProofStatus.EXPOSED.alarming()).isTrue();
        assertThat(ProofStatus.STALE.alarming()).isTrue();
        assertThat(ProofStatus.UNPROVEN.alarming()).isFalse();
        assertThat(ProofStatus.PROVEN.alarming()).isFalse();
    }
}
