package dev.ilbportal.civo;

import java.util.function.Supplier;

/** The {@link CivoWriteFence}s declared on each thread, combined outermost first. */
final class DeclaredWriteFences {

    private static final ThreadLocal<CivoWriteFence> DECLARED = new ThreadLocal<>();

    private DeclaredWriteFences() {
    }

    static <T> T with(CivoWriteFence fence, Supplier<T> work) {
        CivoWriteFence before = DECLARED.get();
        return ThreadDeclarations.within(DECLARED, before == null ? fence : call -> {
            before.check(call);
            fence.check(call);
        }, work);
    }

    /** Runs the calling thread's fences, if any; whatever they throw stops the write. */
    static void check(String call) {
        CivoWriteFence declared = DECLARED.get();
        if (declared != null) {
            declared.check(call);
        }
    }
}
