package dev.ilbportal.civo;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Which queue a Civo call waits in for the account's shared budget. People waiting on a page come first, then
 * provisioning, then verification and other background work; each lane keeps a guaranteed share, so none starves.
 *
 * <p>Callers declare their lane once at their entry point ({@code CivoLane.PROVISIONING.run(...)}); a thread that
 * declared none is {@link #INTERACTIVE} while it serves a web request and {@link #BACKGROUND} otherwise. The lane is
 * a property of the calling thread: work handed to another thread starts undeclared.
 */
public enum CivoLane {

    /** A person is waiting on a page. */
    INTERACTIVE,
    /** The provisioning worker building or tearing down what was approved. */
    PROVISIONING,
    /** Verification rounds, schedules and anything else nobody watches live. */
    BACKGROUND;

    private static final ThreadLocal<CivoLane> DECLARED = new ThreadLocal<>();

    /** The lane of the calling thread: declared, or inferred from whether it serves a web request. */
    public static CivoLane current() {
        CivoLane declared = DECLARED.get();
        if (declared != null) {
            return declared;
        }
        return RequestContextHolder.getRequestAttributes() != null ? INTERACTIVE : BACKGROUND;
    }

    /** Runs the work with this lane declared on the calling thread, restoring what was declared before. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Computes a value with this lane declared on the calling thread, restoring what was declared before. */
    public <T> T call(Supplier<T> work) {
        return ThreadDeclarations.within(DECLARED, this, work);
    }

    /** The name shown on the administration page and used as the metrics tag. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
