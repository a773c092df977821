package dev.ilbportal.verification.internal;

import dev.ilbportal.civo.CivoApiException;
import dev.ilbportal.civo.CivoClient;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.verification.CheckResult;
import dev.ilbportal.verification.Outcome;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load balancers of one round share: the positive control's result, the Kubernetes clusters (asked once
 * per cluster, not once per Service) and the remote agents' answers that were refused. The control may still be
 * under way while the round's outside probes run: it is the same kind of probe with the same timeout, and only
 * "could not connect" answers need it, when they come back.
 */
public final class Round {

    private final CompletableFuture<CheckResult> control;
    private final Map<String, Object> clusters = new ConcurrentHashMap<>();
    private final Set<String> refusals = ConcurrentHashMap.newKeySet();

    public Round(CheckResult control) {
        this(CompletableFuture.completedFuture(control));
    }

    /** A round whose control probe is still running. */
    public Round(CompletableFuture<CheckResult> control) {
        this.control = control;
    }

    /** The control's result, waiting for it if it is still running. */
    public CheckResult control() {
        return control.join();
    }

    public boolean controlReached() {
        return control().outcome() == Outcome.PASS;
    }

    /** The cluster, read from Civo at most once per round; a failure is remembered too. */
    KubernetesCluster cluster(CivoClient civo, String region, String clusterId) {
        Object cached = clusters.computeIfAbsent(region + "/" + clusterId, key -> {
            try {
                return civo.getKubernetesCluster(region, clusterId);
            } catch (CivoApiException e) {
                return e;
            }
        });
        if (cached instanceof CivoApiException e) {
            throw e;
        }
        return (KubernetesCluster) cached;
    }

    void refused(String vantageAndReason) {
        refusals.add(vantageAndReason);
    }

    /** "vantage: reason" for every refused agent answer of this round. */
    public Set<String> refusals() {
        return Set.copyOf(refusals);
    }
}
