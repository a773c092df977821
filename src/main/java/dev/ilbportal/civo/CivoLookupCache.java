package dev.ilbportal.civo;

import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Quota;
import dev.ilbportal.civo.model.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Civo's answers that rarely change (regions, networks, Kubernetes clusters) and the quota, kept for a short time
 * ({@code portal.civo.budget.lookup-cache}, 30 s by default) so that pages and wizard steps do not spend the account's
 * budget asking the same thing again. Failures are never kept. Whatever must be exact (name uniqueness, quota at
 * submission and in provisioning) asks the {@link CivoClient} itself.
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

    public List<Region> regions() {
        return cached("regions", civo::listRegions);
    }

    public List<Network> networks(String region) {
        return cached("networks " + regionOr(region), () -> civo.listNetworks(region));
    }

    public List<KubernetesCluster> kubernetesClusters(String region) {
        return cached("clusters " + regionOr(region), () -> civo.listKubernetesClusters(region));
    }

    /** The quota as it was at most the cache's lifetime ago: good enough to warn early, not to decide. */
    public Quota quota(String region) {
        return cached("quota " + regionOr(region), () -> civo.getQuota(region));
    }

    /** Forgets everything, e.g. after the portal itself created or deleted something. */
    public void clear() {
        entries.clear();
    }

    private String regionOr(String region) {
        return region == null || region.isBlank() ? civo.defaultRegion() : region;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> read) {
        if (ttl.isZero() || ttl.isNegative()) {
            return read.get();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return (T) entry.value();
        }
        T value = read.get();
        entries.put(key, new Entry(value, now.plus(ttl)));
        return value;
    }

    private record Entry(Object value, Instant expires) {
    }
}
