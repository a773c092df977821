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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Every Civo record survives serialisation and parsing with the client's own mapper unchanged. */
class CivoJsonRoundTripTests {

    private static final int TRIES = 200;

    private final JsonMapper json = CivoJson.mapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {Region.class, RegionFeatures.class, Network.class, Firewall.class, FirewallRule.class,
            FirewallCreateRequest.class, FirewallRuleCreateRequest.class, LoadBalancer.class,
            LoadBalancerCreateRequest.class, LoadBalancerUpdateRequest.class, Backend.class, InstancePool.class,
            HealthCheck.class, LoadBalancerOptions.class, Instance.class, KubernetesCluster.class,
            KubernetesNode.class, Quota.class, SimpleResult.class})
    void everyRecordRoundTripsUnchanged(Class<? extends Record> type) {
        for (int seed = 0; seed < TRIES; seed++) {
            Record value = new CivoValues(type.getName().hashCode() + seed).next(type);
            String text = json.writeValueAsString(value);

            assertThat(json.readValue(text, type)).as("seed %d: %s", seed, text).isEqualTo(value);
        }
    }

    @Test
    void instancePagesRoundTripUnchanged() {
        for (int seed = 0; seed < TRIES; seed++) {
            CivoValues values = new CivoValues(seed);
            Page<Instance> page = new Page<>(1, values.integer(), 3,
                    List.of(values.next(Instance.class), values.next(Instance.class)));
            String text = json.writeValueAsString(page);

            assertThat(json.readValue(text, new TypeReference<Page<Instance>>() { }))
                    .as("seed %d: %s", seed, text).isEqualTo(page);
        }
    }

    @Test
    void generatedValuesReachNullsAwkwardCharactersAndNestedLists() {
        List<Firewall> firewalls = IntStream.range(0, TRIES)
                .mapToObj(seed -> new CivoValues(seed).next(Firewall.class)).toList();

        assertThat(firewalls).anyMatch(firewall -> firewall.name() == null);
        assertThat(firewalls).anyMatch(firewall -> firewall.name() != null && firewall.name().contains("\""));
        assertThat(firewalls).anyMatch(firewall -> firewall.rules().size() == 3
                && !firewall.rules().getFirst().cidr().isEmpty());
    }
}
