package dev.ilbportal.civo;

import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Quota;
import dev.ilbportal.civo.model.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Civo's answers kept for a short time ({@code portal.civo.budget.lookup-cache}, 30 s by default) so that pages and
 * wizard steps do not spend the account's budget asking the same thing again: at one call per second, ten people
 * saving wizard steps would otherwise ask for the whole budget.
 *
 * <p>What rarely changes (regions, networks, Kubernetes clusters) is always read through the cache. What a step save
 * may read a little stale (the region's firewalls, load balancers and instances, the quota) is read through it when
 * asked with {@link Freshness#CACHED}; {@link Freshness#FRESH} (submission) reads Civo now and keeps the answer for
 * the next step save. People asking the same thing at the same moment share one call; an answer past half its
 * lifetime that is still being read is refreshed in the background; failures are never kept.
 */
public class CivoLookupCache {

    private final CivoClient civo;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CivoLookupCache(CivoClient civo, Duration ttl, Clock clock) {
        this.civo = civo;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** How old an answer may be: a step save may take one the cache kept; a submission asks Civo now. */
    public enum Freshness {
        CACHED, FRESH
    }

    public List<Region> regions() {
        return cached("regions", Freshness.CACHED, civo::listRegions);
    }

    public List<Network> networks(String region) {
        return cached("networks " + regionOr(region), Freshness.CACHED, () -> civo.listNetworks(region));
    }

    public List<KubernetesCluster> kubernetesClusters(String region) {
        return cached("clusters " + regionOr(region), Freshness.CACHED, () -> civo.listKubernetesClusters(region));
    }

    /** The quota as it was at most the cache's lifetime ago: good enough to warn early, not to decide. */
    public Quota quota(String region) {
        return quota(region, Freshness.CACHED);
    }

    public Quota quota(String region, Freshness freshness) {
        return cached("quota " + regionOr(region), freshness, () -> civo.getQuota(region));
    }

    /** The region's firewalls with their rules (Civo's list embeds them). */
    public List<Firewall> firewalls(String region, Freshness freshness) {
        return cached("firewalls " + regionOr(region), freshness, () -> civo.listFirewalls(region));
    }

    public List<LoadBalancer> loadBalancers(String region, Freshness freshness) {
        return cached("loadbalancers " + regionOr(region), freshness, () -> civo.listLoadBalancers(region));
    }

    /** Every instance of the region, one list however many tags or names a target asks for. */
    public List<Instance> instances(String region, Freshness freshness) {
        return cached("instances " + regionOr(region), freshness, () -> civo.listAllInstances(region, List.of()));
    }

    /**
     * Reads, in the background, what a step save in {@code region} will check (firewalls, load balancers,
     * instances) unless the cache already holds it: called when the wizard shows a step, so the save that follows
     * while the person types finds the answers kept. Failures are left for the save to meet.
     */
    public void prefetchForStepSaves(String region) {
        if (region == null || region.isBlank() || ttl.isZero() || ttl.isNegative()) {
            return;
        }
        CivoLane lane = CivoLane.current();
        List<Runnable> reads = List.of(() -> firewalls(region, Freshness.CACHED),
                () -> loadBalancers(region, Freshness.CACHED), () -> instances(region, Freshness.CACHED));
        for (Runnable read : reads) {
            Thread.ofVirtual().name("civo-lookup-prefetch").start(() -> lane.run(() -> {
                try {
                    read.run();
                } catch (RuntimeException failure) {
                    // not kept; the step save asks again and shows the failure beside the form
                }
            }));
        }
    }

    /** Forgets everything, e.g. after the portal itself created or deleted something. */
    public void clear() {
        entries.clear();
    }

    private String regionOr(String region) {
        return region == null || region.isBlank() ? civo.defaultRegion() : region;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Freshness freshness, Supplier<T> read) {
        if (ttl.isZero() || ttl.isNegative()) {
            return read.get();
        }
        Instant now = clock.instant();
        Entry kept = entries.get(key);
        if (freshness == Freshness.CACHED && kept != null && (kept.isLoading() || now.isBefore(kept.expires()))) {
            if (!kept.isLoading() && !now.isBefore(kept.expires().minus(ttl.dividedBy(2)))) {
                refreshAhead(key, kept, read);
            }
            return (T) join(kept);
        }
        Entry loading = new Entry(new CompletableFuture<>(), Instant.MAX);
        Entry winner = freshness == Freshness.FRESH ? null : raceFor(key, kept, loading);
        if (winner != null && winner != loading) {
            return (T) join(winner);
        }
        return load(key, loading, read);
    }

    private <T> T load(String key, Entry loading, Supplier<T> read) {
        try {
            T value = read.get();
            loading.value().complete(value);
            entries.put(key, new Entry(loading.value(), clock.instant().plus(ttl)));
            return value;
        } catch (RuntimeException failure) {
            loading.value().completeExceptionally(failure);
            entries.remove(key, loading);
            throw failure;
        }
    }

    /**
     * An answer past half its lifetime that somebody still reads is read again in the background, in the caller's
     * lane, while the caller takes the kept answer: people saving steps every few seconds then never wait for Civo,
     * and no answer served is older than the lifetime. One refresh per entry at a time.
     */
    private <T> void refreshAhead(String key, Entry kept, Supplier<T> read) {
        if (!kept.refreshing().compareAndSet(false, true)) {
            return;
        }
        CivoLane lane = CivoLane.current();
        Thread.ofVirtual().name("civo-lookup-refresh").start(() -> lane.run(() -> {
            try {
                load(key, new Entry(new CompletableFuture<>(), Instant.MAX), read);
            } catch (RuntimeException failure) {
                kept.refreshing().set(false); // the kept answer stands until it expires; the next read tries again
            }
        }));
    }

    /**
     * Installs {@code loading} in place of the expired or missing entry unless another caller got there first, so
     * that only one of several people asking at the same moment calls Civo. Returns whichever entry now stands.
     */
    private Entry raceFor(String key, Entry expired, Entry loading) {
        if (expired == null) {
            Entry other = entries.putIfAbsent(key, loading);
            return other == null ? loading : other;
        }
        return entries.replace(key, expired, loading) ? loading : entries.getOrDefault(key, loading);
    }

    private static Object join(Entry entry) {
        try {
            return entry.value().join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }

    /** An answer, or the call still getting it (whose expiry is not known yet). */
    private record Entry(CompletableFuture<Object> value, Instant expires, AtomicBoolean refreshing) {

        Entry(CompletableFuture<Object> value, Instant expires) {
            this(value, expires, new AtomicBoolean());
        }

        boolean isLoading() {
            return !value.isDone();
        }
    }
}
