package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ServerWaitTests {

    private final FakeTime time = new FakeTime();

    @Test
    void readsRetryAfterInSeconds() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "3");

        assertThat(ServerWait.requested(headers, time)).contains(Duration.ofSeconds(3));
    }

    @Test
    void readsRetryAfterAsHttpDate() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "Thu, 01 Jan 2026 00:00:20 GMT");

        assertThat(ServerWait.requested(headers, time)).contains(Duration.ofSeconds(20));
    }

    @Test
    void readsTheResetOfAnExhaustedWindowOnly() {
        HttpHeaders exhausted = new HttpHeaders();
        exhausted.add("x-ratelimit-remaining", "0");
        exhausted.add("x-ratelimit-reset", Long.toString(FakeTime.START.getEpochSecond() + 4));
        HttpHeaders remaining = new HttpHeaders();
        remaining.add("x-ratelimit-remaining", "49");
        remaining.add("x-ratelimit-reset", Long.toString(FakeTime.START.getEpochSecond() + 4));

        assertThat(ServerWait.requested(exhausted, time)).contains(Duration.ofSeconds(4));
        assertThat(ServerWait.requested(remaining, time)).isEmpty();
    }

    @Test
    void ignoresGarbageAndPastResets() {
        HttpHeaders garbage = new HttpHeaders();
        garbage.add("Retry-After", "soon");
        HttpHeaders past = new HttpHeaders();
        past.add("x-ratelimit-remaining", "0");
        past.add("x-ratelimit-reset", "1000");

        assertThat(ServerWait.requested(garbage, time)).isEmpty();
        assertThat(ServerWait.requested(past, time)).contains(Duration.ZERO);
    }
}
