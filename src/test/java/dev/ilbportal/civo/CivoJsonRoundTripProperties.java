package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.model.Backend;
import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.FirewallCreateRequest;
import dev.ilbportal.civo.model.FirewallRule;
import dev.ilbportal.civo.model.FirewallRuleCreateRequest;
import dev.ilbportal.civo.model.HealthCheck;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.InstancePool;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.KubernetesNode;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.LoadBalancerCreateRequest;
import dev.ilbportal.civo.model.LoadBalancerOptions;
import dev.ilbportal.civo.model.LoadBalancerUpdateRequest;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Page;
import dev.ilbportal.civo.model.Quota;
import dev.ilbportal.civo.model.Region;
import dev.ilbportal.civo.model.RegionFeatures;
import dev.ilbportal.civo.model.SimpleResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContextBase;
import net.jqwik.api.constraints.UseType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every Civo record survives serialisation and parsing with the client's own mapper unchanged. */
@Domain(CivoJsonRoundTripProperties.CivoValues.class)
class CivoJsonRoundTripProperties {

    private final JsonMapper json = CivoJson.mapper();

    /** Strings with JSON's awkward characters, sometimes null; small numbers; short lists. */
    static class CivoValues extends DomainContextBase {

        @Provide
        Arbitrary<String> strings() {
            return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中', '\n', '"', '\\', '\t')
                    .ofMaxLength(16).injectNull(0.1);
        }

        @Provide
        Arbitrary<Integer> integers() {
            return Arbitraries.integers().between(-1, 70_000);
        }

        @Provide
        Arbitrary<Boolean> booleans() {
            return Arbitraries.of(true, false);
        }

        @Provide
        Arbitrary<List<String>> stringLists() {
            return Arbitraries.strings().alpha().numeric().withChars('.', '/', ':', '-').ofMaxLength(18)
                    .list().ofMaxSize(3);
        }
    }

    private <T> void assertRoundTrip(T value, Class<T> type) {
        String text = json.writeValueAsString(value);
        assertThat(json.readValue(text, type)).as(text).isEqualTo(value);
    }

    @Property(tries = 200)
    void regionsRoundTrip(@ForAll @UseType Region region) {
        assertRoundTrip(region, Region.class);
    }

    @Property(tries = 200)
    void regionFeaturesRoundTrip(@ForAll @UseType RegionFeatures features) {
        assertRoundTrip(features, RegionFeatures.class);
    }

    @Property(tries = 200)
    void networksRoundTrip(@ForAll @UseType Network network) {
        assertRoundTrip(network, Network.class);
    }

    @Property(tries = 200)
    void firewallsRoundTrip(@ForAll @UseType Firewall firewall) {
        assertRoundTrip(firewall, Firewall.class);
    }

    @Property(tries = 200)
    void firewallRulesRoundTrip(@ForAll @UseType FirewallRule rule) {
        assertRoundTrip(rule, FirewallRule.class);
    }

    @Property(tries = 200)
    void firewallCreateRequestsRoundTrip(@ForAll @UseType FirewallCreateRequest request) {
        assertRoundTrip(request, FirewallCreateRequest.class);
    }

    @Property(tries = 200)
    void firewallRuleCreateRequestsRoundTrip(@ForAll @UseType FirewallRuleCreateRequest request) {
        assertRoundTrip(request, FirewallRuleCreateRequest.class);
    }

    @Property(tries = 200)
    void loadBalancersRoundTrip(@ForAll @UseType LoadBalancer loadBalancer) {
        assertRoundTrip(loadBalancer, LoadBalancer.class);
    }

    @Property(tries = 200)
    void loadBalancerCreateRequestsRoundTrip(@ForAll @UseType LoadBalancerCreateRequest request) {
        assertRoundTrip(request, LoadBalancerCreateRequest.class);
    }

    @Property(tries = 200)
    void loadBalancerUpdateRequestsRoundTrip(@ForAll @UseType LoadBalancerUpdateRequest request) {
        assertRoundTrip(request, LoadBalancerUpdateRequest.class);
    }

    @Property(tries = 200)
    void backendsPoolsHealthChecksAndOptionsRoundTrip(@ForAll @UseType Backend backend,
                                                      @ForAll @UseType InstancePool pool,
                                                      @ForAll @UseType HealthCheck healthCheck,
                                                      @ForAll @UseType LoadBalancerOptions options) {
        assertRoundTrip(backend, Backend.class);
        assertRoundTrip(pool, InstancePool.class);
        assertRoundTrip(healthCheck, HealthCheck.class);
        assertRoundTrip(options, LoadBalancerOptions.class);
    }

    @Property(tries = 200)
    void instancesRoundTrip(@ForAll @UseType Instance instance) {
        assertRoundTrip(instance, Instance.class);
    }

    @Property(tries = 200)
    void instancePagesRoundTrip(@ForAll @UseType Instance first, @ForAll @UseType Instance second,
                                @ForAll Integer perPage) {
        Page<Instance> page = new Page<>(1, perPage, 3, List.of(first, second));
        String text = json.writeValueAsString(page);

        assertThat(json.readValue(text, new TypeReference<Page<Instance>>() { })).as(text).isEqualTo(page);
    }

    @Property(tries = 200)
    void kubernetesClustersRoundTrip(@ForAll @UseType KubernetesCluster cluster,
                                     @ForAll @UseType KubernetesNode node) {
        assertRoundTrip(cluster, KubernetesCluster.class);
        assertRoundTrip(node, KubernetesNode.class);
    }

    @Property(tries = 200)
    void quotasAndSimpleResultsRoundTrip(@ForAll @UseType Quota quota, @ForAll @UseType SimpleResult result) {
        assertRoundTrip(quota, Quota.class);
        assertRoundTrip(result, SimpleResult.class);
    }
}
