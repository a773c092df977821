package dev.ilbportal.verification.web;

import dev.ilbportal.verification.Outcome;
import dev.ilbportal.verification.internal.VerificationRuns;
import java.util.ArrayList;
import java.util.List;

/** A small bar chart of recent runs (one bar each, colour by outcome), drawn as SVG by the template. */
public record OutcomeChart(List<Bar> bars, long passes, long fails, long inconclusive) {

    public static final int BAR_WIDTH = 10;

    /** One run's bar: x position, and its outcome for the colour and the tooltip. */
    public record Bar(int x, Outcome outcome, String label) {
    }

    static OutcomeChart of(List<VerificationRuns.Tally> oldestFirst) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            VerificationRuns.Tally tally = oldestFirst.get(i);
            bars.add(new Bar(i * (BAR_WIDTH + 2), tally.outcome(), tally.startedAt() + ": " + tally.outcome()));
        }
        return new OutcomeChart(bars, count(oldestFirst, Outcome.PASS), count(oldestFirst, Outcome.FAIL),
                count(oldestFirst, Outcome.INCONCLUSIVE));
    }

    public int width() {
        return Math.max(BAR_WIDTH, bars.size() * (BAR_WIDTH + 2));
    }

    private static long count(List<VerificationRuns.Tally> tallies, Outcome outcome) {
        return tallies.stream().filter(t -> t.outcome() == outcome).count();
    }
}
