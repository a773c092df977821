package dev.ilbportal.civo;

import java.util.function.Supplier;

/**
 * A last check before a write to Civo, declared by the caller on its thread the way it declares its {@link CivoLane}
 * ({@code fence.run(() -> ...)}). {@link CivoClient} runs it after the call has been granted its token of the
 * account's budget and immediately before it sends a request that changes something at Civo (POST, PUT, PATCH,
 * DELETE), on every attempt, retries included. Reads (GET) are never fenced.
 *
 * <p>A fence that throws stops the call: nothing is sent, and its exception reaches the caller unchanged. That closes
 * the window between what the caller proved before calling and the request itself: the wait for the budget can be
 * long (seconds, minutes under contention), and what held before it may not hold after. The provisioning worker
 * fences its writes with its job's lease, so a worker that waited past its lease while another instance took the job
 * over sends nothing.
 *
 * <p>The check runs on the calling thread. It may use a short transaction of its own but must have ended it when it
 * returns (no Civo call is sent inside a transaction), and it should be quick: the request waits for it. Fences
 * declared inside one another all run, the outermost first. Work handed to another thread starts unfenced.
 */
@FunctionalInterface
public interface CivoWriteFence {

    /**
     * Throws to stop the write about to be sent.
     *
     * @param call the request's method and path, e.g. {@code POST /v2/firewalls} (no query, no body)
     */
    void check(String call);

    /** Runs the work with this fence declared on the calling thread, restoring what was declared before. */
    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Computes a value with this fence declared on the calling thread, restoring what was declared before. */
    default <T> T call(Supplier<T> work) {
        return DeclaredWriteFences.with(this, work);
    }
}
