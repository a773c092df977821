package dev.ilbportal.civo.internal;

import dev.ilbportal.civo.CivoLane;
import java.time.Duration;
import java.time.Instant;

/** Where every Civo call takes its token before it is sent: the account's one budget. */
public interface Budget {

    /** Waits until the lane may send one call and says how long that took. */
    Duration acquire(CivoLane lane) throws InterruptedException;

    /** Holds every lane until the given moment, because Civo said its window is spent (a 429, or none remaining). */
    void pauseUntil(Instant until);
}
