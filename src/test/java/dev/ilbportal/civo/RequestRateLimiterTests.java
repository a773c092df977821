package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.internal.RequestRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTests {

    private final FakeTime time = new FakeTime();

    @Test
    void letsABurstThroughWithoutWaiting() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, 5, time, time);

        for (int i = 0; i < 5; i++) {
            limiter.acquire();
        }

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void spacesRequestsAtTheRateOnceTheBurstIsSpent() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(2.0, 1, time, time);

        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void refillsWhileIdleButNeverBeyondTheBurst() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, 2, time, time);
        limiter.acquire();
        limiter.acquire();

        time.advance(Duration.ofSeconds(60));
        limiter.acquire();
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void queuesConcurrentCallersOneSlotEach() throws Exception {
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, 1, time, time);
        List<Duration> reserved = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Duration>> waits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                waits.add(pool.submit(limiter::reserve));
            }
            for (Future<Duration> wait : waits) {
                reserved.add(wait.get());
            }
        }

        assertThat(reserved).extracting(Duration::toSeconds)
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void holdsRequestsUntilTheServersWindowResets() throws InterruptedException {
        RequestRateLimiter limiter = new RequestRateLimiter(1.0, 5, time, time);

        limiter.pauseUntil(FakeTime.START.plusSeconds(9));
        limiter.acquire();
        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(9));
        assertThat(time.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:09Z"));
    }
}
