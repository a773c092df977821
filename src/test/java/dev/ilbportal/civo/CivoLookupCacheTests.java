package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.CivoLookupCache.Freshness;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.sandbox.civo.CivoSimulator;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SimulatorSettings;
import dev.ilbportal.support.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The look-up cache against the sandbox over HTTP, counting the calls the simulator received. */
class CivoLookupCacheTests {

    static CivoSimulator simulator;
    static CivoClient civo;

    FakeTime time = new FakeTime();
    CivoLookupCache cache;

    @BeforeAll
    static void startSimulator() {
        simulator = CivoSimulator.start(SimulatorSettings.forTests());
        CivoProperties properties = CivoProperties.defaults(simulator.baseUrl(), simulator.apiKey())
                .withRateLimit(new CivoProperties.RateLimit(100, 100))
                .withRetry(new CivoProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10),
                        Duration.ofSeconds(1)));
        civo = new CivoClient(new CivoConnection(simulator.baseUrl(), simulator.apiKey()), properties);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void freshCache() {
        simulator.faults().clear();
        simulator.budget().reset();
        cache = new CivoLookupCache(civo, Duration.ofSeconds(30), time);
    }

    @Test
    void stepSavesWithinTheLifetimeShareOneCallPerList() {
        for (int save = 0; save < 5; save++) {
            cache.firewalls("LON1", Freshness.CACHED);
            cache.loadBalancers("LON1", Freshness.CACHED);
            cache.instances("LON1", Freshness.CACHED);
            time.advance(Duration.ofSeconds(3)); // within half the lifetime: no refresh ahead either
        }

        assertThat(calls()).isEqualTo(3);
    }

    @Test
    void anAnswerOlderThanTheLifetimeIsReadAgain() {
        cache.loadBalancers("LON1", Freshness.CACHED);
        time.advance(Duration.ofSeconds(31));
        cache.loadBalancers("LON1", Freshness.CACHED);

        assertThat(simulator.budget().stats().of("GET /v2/loadbalancers")).isEqualTo(2);
    }

    @Test
    void anAnswerPastHalfItsLifetimeIsRefreshedInTheBackgroundWhileTheKeptOneIsServed() throws Exception {
        List<Firewall> first = cache.firewalls("LON1", Freshness.CACHED);
        time.advance(Duration.ofSeconds(20));
        simulator.faults().inject(Fault.latency(Duration.ofSeconds(2)).on("GET", "/v2/firewalls").times(1));

        long began = System.nanoTime();
        List<Firewall> served = cache.firewalls("LON1", Freshness.CACHED);

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
        assertThat(served).isEqualTo(first);
        Poll.until("the background refresh to reach Civo", Duration.ofSeconds(10),
                () -> simulator.budget().stats().of("GET /v2/firewalls") == 2);
        Thread.sleep(2_500); // the refresh's injected latency, so that its answer is kept
        time.advance(Duration.ofSeconds(10)); // the first answer expires now; the refreshed one is 10 s old
        cache.firewalls("LON1", Freshness.CACHED);

        assertThat(simulator.budget().stats().of("GET /v2/firewalls")).isEqualTo(2);
    }

    @Test
    void aFreshReadAlwaysAsksCivoAndServesTheNextStepSave() {
        cache.firewalls("LON1", Freshness.CACHED);
        cache.firewalls("LON1", Freshness.FRESH);
        cache.firewalls("LON1", Freshness.FRESH);
        cache.firewalls("LON1", Freshness.CACHED);

        assertThat(simulator.budget().stats().of("GET /v2/firewalls")).isEqualTo(3);
    }

    @Test
    void peopleAskingAtTheSameMomentShareOneCall() throws Exception {
        simulator.faults().inject(Fault.latency(Duration.ofMillis(400)).on("GET", "/v2/firewalls").times(1));
        List<Future<List<Firewall>>> answers = new ArrayList<>();
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int person = 0; person < 10; person++) {
                answers.add(people.submit(() -> cache.firewalls("LON1", Freshness.CACHED)));
            }
        }
        List<Firewall> first = answers.getFirst().get();

        assertThat(first).isNotEmpty();
        for (Future<List<Firewall>> each : answers) {
            assertThat(each.get()).isEqualTo(first);
        }
        assertThat(simulator.budget().stats().of("GET /v2/firewalls")).isEqualTo(1);
    }

    @Test
    void aFailureIsNotKept() {
        simulator.faults().inject(Fault.error(503, "region_unavailable", "resting").on("GET", "/v2/instances")
                .times(1));

        assertThatThrownBy(() -> cache.instances("LON1", Freshness.CACHED)).isInstanceOf(CivoApiException.class);
        assertThat(cache.instances("LON1", Freshness.CACHED)).isNotEmpty();
        cache.instances("LON1", Freshness.CACHED);

        assertThat(simulator.budget().stats().of("GET /v2/instances")).isEqualTo(2);
    }

    @Test
    void noLifetimeMeansEveryLookUpAsksCivo() {
        CivoLookupCache uncached = new CivoLookupCache(civo, Duration.ZERO, time);

        uncached.loadBalancers("LON1", Freshness.CACHED);
        uncached.loadBalancers("LON1", Freshness.CACHED);

        assertThat(simulator.budget().stats().of("GET /v2/loadbalancers")).isEqualTo(2);
    }

    private long calls() {
        return simulator.budget().stats().total();
    }
}
