package dev.ilbportal.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in tests for something asynchronous: polls a condition until it holds, or fails naming what was awaited. */
public final class Poll {

    private Poll() {
    }

    public static void until(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + within + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
