package dev.ilbportal.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits in tests for something asynchronous: polls a condition until it holds, or fails naming what was awaited. */
public final class Poll {

    /** Between two look-ups that read the database or call Civo (whose budget a tight loop would spend). */
    private static final Duration LOOKUP_PAUSE = Duration.ofMillis(300);

    private Poll() {
    }

    public static void until(String what, Duration within, BooleanSupplier condition) {
        until(what, within, Duration.ofMillis(20), condition);
    }

    /** Looks {@code lookup} up until it finds something, and returns what it found. */
    public static <T> T untilPresent(String what, Duration within, Supplier<Optional<T>> lookup) {
        AtomicReference<T> found = new AtomicReference<>();
        until(what, within, LOOKUP_PAUSE, () -> {
            lookup.get().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static void until(String what, Duration within, Duration pause, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
