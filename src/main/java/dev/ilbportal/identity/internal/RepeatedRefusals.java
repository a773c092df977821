package dev.ilbportal.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Folds repeated refusals of one source (an address for failed sign-ins, a person for refused pages) into at most two
 * audit rows per window: the first refusal as it happens, and one row with the count of those that followed when the
 * window closes. Anyone can repeat a bad request; the trail keeps the record at a bounded cost. Kept per instance, in
 * memory: with N instances a source costs at most 2N rows per window. Beyond {@link #MAX_SOURCES} sources in one
 * window, the others share one bucket, so even many sources cannot grow the map or the trail without bound.
 */
final class RepeatedRefusals<T> {

    static final int MAX_SOURCES = 1000;
    static final String OTHER_SOURCES = "(other sources)";

    /** What one source did in the current window; {@code repeats} counts the refusals after the first. */
    record Tally<T>(String source, Instant firstAt, Instant lastAt, int repeats, T last) {
    }

    private final Duration window;
    private final Clock clock;
    private final Map<String, Tally<T>> open = new ConcurrentHashMap<>();

    RepeatedRefusals(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one refusal of {@code source}; true when it opens a window and must be recorded now, false when it is
     * folded into the count recorded when the window closes.
     */
    boolean isFirst(String source, T detail) {
        Instant now = clock.instant();
        String key = open.containsKey(source) || open.size() < MAX_SOURCES ? source : OTHER_SOURCES;
        boolean[] first = {false};
        open.compute(key, (k, tally) -> {
            if (tally == null) {
                first[0] = true;
                return new Tally<>(k, now, now, 0, detail);
            }
            return new Tally<>(k, tally.firstAt(), now, tally.repeats() + 1, detail);
        });
        return first[0];
    }

    /** Closes every window older than the window length, handing the ones with repeats to {@code record}. */
    int closeExpired(Consumer<Tally<T>> record) {
        return close(record, false);
    }

    /** Closes every window, however young, handing the ones with repeats to {@code record}. */
    int closeAll(Consumer<Tally<T>> record) {
        return close(record, true);
    }

    private int close(Consumer<Tally<T>> record, boolean all) {
        Instant now = clock.instant();
        List<Tally<T>> closed = new ArrayList<>();
        for (String source : List.copyOf(open.keySet())) {
            open.computeIfPresent(source, (k, tally) -> {
                if (all || !now.isBefore(tally.firstAt().plus(window))) {
                    closed.add(tally);
                    return null;
                }
                return tally;
            });
        }
        closed.stream().filter(tally -> tally.repeats() > 0).forEach(record);
        return closed.size();
    }

    int openWindows() {
        return open.size();
    }
}
