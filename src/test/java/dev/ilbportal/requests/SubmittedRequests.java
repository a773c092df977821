package dev.ilbportal.requests;

import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.PlanBuilder;
import dev.ilbportal.requests.internal.SpecSnapshot;
import dev.ilbportal.civo.CivoJson;
import dev.ilbportal.requests.internal.LoadBalancerSpec.AdvancedSettings;
import dev.ilbportal.requests.internal.LoadBalancerSpec.BackendTarget;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Submitted requests for tests of the approval side, made straight through the aggregate and the plan builder
 * (the wizard is not needed), and, given the repository, stored and removed again after the test. Registered as an
 * extension ({@code @RegisterExtension final SubmittedRequests fixture = SubmittedRequests.removedAfterEachTest();})
 * it takes the repository from the test's Spring context before each test and removes what it stored after it.
 */
public final class SubmittedRequests implements BeforeEachCallback, AfterEachCallback {

    private LoadBalancerRequests requests;
    private final List<UUID> created = new ArrayList<>();

    public SubmittedRequests(LoadBalancerRequests requests) {
        this.requests = requests;
    }

    /** For {@code @RegisterExtension} in a Spring test: stores through the context's repository, cleans up after. */
    public static SubmittedRequests removedAfterEachTest() {
        return new SubmittedRequests(null);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requests = SpringExtension.getApplicationContext(context).getBean(LoadBalancerRequests.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        removeAll();
    }

    /** A complete spec for a small internal database load balancer. */
    public static LoadBalancerSpec spec(String name, String region) {
        return new LoadBalancerSpec(region, "net-private", name, "round_robin", FirewallChoice.create(null),
                new BackendTarget(BackendTarget.Kind.INSTANCE_TAGS, List.of("db")),
                List.of(new PortMapping("TCP", 5432, 5432, null, null)), AdvancedSettings.defaults(),
                "The payments service needs its database behind one address.");
    }

    public static SpecSnapshot snapshot(LoadBalancerSpec spec) {
        return new SpecSnapshot(CivoJson.mapper().writeValueAsString(spec), spec.region(), spec.name());
    }

    /** A request submitted by {@code requester} at {@code at}, not stored. */
    public static LoadBalancerRequest submitted(String team, Participant requester, LoadBalancerSpec spec, Instant at) {
        LoadBalancerRequest request = LoadBalancerRequest.draft(team, requester, snapshot(spec), at);
        request.submit(PlanBuilder.planFor(spec).toSubmitted(), requester, at, Duration.ofDays(7));
        return request;
    }

    /** Edits a submitted (or rejected) request and submits the change as the next revision. */
    public static void resubmit(LoadBalancerRequest request, LoadBalancerSpec spec, Participant by, Instant at) {
        request.edit(snapshot(spec), by, at);
        request.submit(PlanBuilder.planFor(spec).toSubmitted(), by, at, Duration.ofDays(7));
    }

    /** Stores a request submitted at {@code at} and remembers it for {@link #removeAll()}. */
    public UUID store(String team, Participant requester, LoadBalancerSpec spec, Instant at) {
        return store(submitted(team, requester, spec, at));
    }

    public UUID store(LoadBalancerRequest request) {
        UUID id = requests.save(request).id();
        created.add(id);
        return id;
    }

    public void removeAll() {
        requests.deleteAllById(created);
        created.clear();
    }
}
