package dev.ilbportal.civo;

import java.util.function.Supplier;

/** What the calling thread declares for the Civo calls it makes (its lane, its write fences), scoped to some work. */
final class ThreadDeclarations {

    private ThreadDeclarations() {
    }

    /** Runs {@code work} with {@code value} declared on this thread, then restores what was declared before. */
    static <V, T> T within(ThreadLocal<V> declared, V value, Supplier<T> work) {
        V before = declared.get();
        declared.set(value);
        try {
            return work.get();
        } finally {
            if (before == null) {
                declared.remove();
            } else {
                declared.set(before);
            }
        }
    }
}
