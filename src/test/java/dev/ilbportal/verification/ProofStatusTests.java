package dev.ilbportal.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The proof status rules on their own: only a recent pass is green, a fail exposes whatever came before. */
class ProofStatusTests {

    static final Duration HOUR = Duration.ofHours(1);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant BUILT = NOW.minus(Duration.ofDays(3));

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("a fail exposes a load balancer built just now", Outcome.FAIL, null, NOW,
                        ProofStatus.EXPOSED),
                Arguments.of("a fail exposes one that passed a minute ago", Outcome.FAIL, NOW.minusSeconds(60), BUILT,
                        ProofStatus.EXPOSED),
                Arguments.of("a pass proves", Outcome.PASS, null, BUILT, ProofStatus.PROVEN),
                Arguments.of("inconclusive 90 minutes after the last pass is unproven", Outcome.INCONCLUSIVE,
                        NOW.minus(Duration.ofMinutes(90)), BUILT, ProofStatus.UNPROVEN),
                Arguments.of("inconclusive over twice the interval after the last pass is stale", Outcome.INCONCLUSIVE,
                        NOW.minus(Duration.ofMinutes(121)), BUILT, ProofStatus.STALE),
                Arguments.of("inconclusive, new and never passed, is unproven", Outcome.INCONCLUSIVE, null,
                        NOW.minusSeconds(10), ProofStatus.UNPROVEN),
                Arguments.of("inconclusive, never passed in three days, is stale", Outcome.INCONCLUSIVE, null, BUILT,
                        ProofStatus.STALE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void aRunSetsTheProofStatusFromItsOutcomeAndTheLastPass(String behaviour, Outcome outcome, Instant lastPassed,
                                                             Instant built, ProofStatus expected) {
        assertThat(ProofStatus.afterRun(outcome, lastPassed, built, NOW, HOUR)).isEqualTo(expected);
    }

    static Stream<Arguments> ageing() {
        return Stream.of(
                Arguments.of("proven stays green within the interval", ProofStatus.PROVEN,
                        NOW.minus(Duration.ofMinutes(59)), ProofStatus.PROVEN),
                Arguments.of("proven is unproven past the interval", ProofStatus.PROVEN,
                        NOW.minus(Duration.ofMinutes(61)), ProofStatus.UNPROVEN),
                Arguments.of("proven is stale past twice the interval", ProofStatus.PROVEN,
                        NOW.minus(Duration.ofMinutes(121)), ProofStatus.STALE),
                Arguments.of("exposed stays exposed however old, until a run says otherwise", ProofStatus.EXPOSED,
                        null, ProofStatus.EXPOSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ageing")
    void timeAloneAgesOnlyAProof(String behaviour, ProofStatus current, Instant lastPassed, ProofStatus expected) {
        assertThat(ProofStatus.aged(current, lastPassed, BUILT, NOW, HOUR)).isEqualTo(expected);
    }

    @Test
    void onlyExposedAndStaleAlarm() {
        assertThat(ProofStatus.EXPOSED.alarming()).isTrue();
        assertThat(ProofStatus.STALE.alarming()).isTrue();
        assertThat(ProofStatus.UNPROVEN.alarming()).isFalse();
        assertThat(ProofStatus.PROVEN.alarming()).isFalse();
    }
}
