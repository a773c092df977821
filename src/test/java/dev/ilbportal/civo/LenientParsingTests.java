package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.Instance;
import dev.ilbportal.civo.model.KubernetesCluster;
import dev.ilbportal.civo.model.LoadBalancer;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Page;
import dev.ilbportal.civo.model.Region;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What Civo really sends (string booleans, null arrays, null per_page, unknown fields) parses without loss. */
class LenientParsingTests {

    private final JsonMapper json = CivoJson.mapper();

    private static final List<String> SPELLINGS = List.of("plain", "string", "STRING", "number");

    /** Every pair of values in every pair of spellings (64 cases). */
    static Stream<Arguments> booleansInEverySpelling() {
        return Stream.of(true, false).flatMap(isDefault -> SPELLINGS.stream().flatMap(first ->
                Stream.of(true, false).flatMap(ccm -> SPELLINGS.stream().map(second ->
                        Arguments.of(isDefault, first, ccm, second)))));
    }

    private static String spell(boolean value, String spelling) {
        return switch (spelling) {
            case "string" -> "\"" + value + "\"";
            case "STRING" -> "\"" + Boolean.toString(value).toUpperCase() + "\"";
            case "number" -> value ? "1" : "0";
            default -> Boolean.toString(value);
        };
    }

    @ParameterizedTest(name = "default={0} as {1}, ccm={2} as {3}")
    @MethodSource("booleansInEverySpelling")
    void readsBooleansWhateverTheSpelling(boolean isDefault, String first, boolean ccm, String second) {
        Firewall firewall = json.readValue("{\"id\":\"fw\",\"default\":" + spell(isDefault, first) + "}",
                Firewall.class);
        KubernetesCluster cluster = json.readValue("{\"id\":\"k\",\"ccm_installed\":" + spell(ccm, second)
                + ",\"ready\":" + spell(isDefault, first) + "}", KubernetesCluster.class);

        assertThat(firewall.isDefault()).isEqualTo(isDefault);
        assertThat(cluster.ccmInstalled()).isEqualTo(ccm);
        assertThat(cluster.ready()).isEqualTo(isDefault);
    }

    @ParameterizedTest(name = "array {0}")
    @ValueSource(strings = {"null", ""})
    void readsNullOrMissingArraysAsEmptyLists(String array) {
        String field = array.isEmpty() ? "" : "," + "\"%s\":" + array;
        Firewall firewall = json.readValue(("{\"id\":\"fw\"" + field + "}").formatted("rules"), Firewall.class);
        LoadBalancer loadBalancer = json.readValue(("{\"id\":\"lb\"" + field + field + "}")
                .formatted("backends", "instance_pools"), LoadBalancer.class);
        Network network = json.readValue(("{\"id\":\"n\"" + field + "}").formatted("nameservers_v4"),
                Network.class);
        Instance instance = json.readValue(("{\"id\":\"i\"" + field + "}").formatted("tags"), Instance.class);

        assertThat(firewall.rules()).isEmpty();
        assertThat(loadBalancer.backends()).isEmpty();
        assertThat(loadBalancer.instancePools()).isEmpty();
        assertThat(network.nameserversV4()).isEmpty();
        assertThat(instance.tags()).isEmpty();
    }

    @Test
    void toleratesNullPerPageAndNullCounts() {
        Page<Instance> page = json.readValue("{\"page\":1,\"per_page\":null,\"pages\":1,\"items\":null}",
                new TypeReference<Page<Instance>>() { });
        Firewall firewall = json.readValue("{\"id\":\"fw\",\"rules_count\":null,\"instance_count\":null}",
                Firewall.class);

        assertThat(page.perPage()).isNull();
        assertThat(page.items()).isEmpty();
        assertThat(firewall.rulesCount()).isZero();
    }

    @Test
    void ignoresUnknownFieldsAnywhere() {
        Region region = json.readValue("""
                {"code":"LON1","name":"London 1","default":true,"brand_new":[1,2],
                 "features":{"loadbalancer":true,"quantum":true}}""", Region.class);

        assertThat(region.isDefault()).isTrue();
        assertThat(region.features().loadbalancer()).isTrue();
    }

    @Test
    void rejectsABooleanThatIsNoBoolean() {
        assertThatThrownBy(() -> json.readValue("{\"default\":\"maybe\"}", Firewall.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void readsTheDocumentedFixtures() {
        List<Network> networks = json.readValue("""
                [{"id":"0f6d","name":"cust-default","label":"default","default":true,"cidr":"192.168.1.0/24",
                  "gateway_ipv4":"192.168.1.1","status":"Active","ipv4_enabled":true,
                  "nameservers_v4":["8.8.8.8","1.1.1.1"],"free_ip_count":249}]""",
                new TypeReference<List<Network>>() { });
        Firewall firewall = json.readValue("""
                {"id":"9a8b","name":"Default (all open)","network_id":"0f6d","rules_count":3,"instance_count":4,
                 "cluster_count":1,"loadbalancer_count":0,"default":"false","account_id":"acc","rules":[
                 {"id":"r","firewall_id":"9a8b","protocol":"icmp","start_port":"","end_port":"","ports":"",
                  "cidr":["0.0.0.0/0"],"direction":"ingress","action":"allow","label":"Ping/traceroute",
                  "openstack_security_group_rule_id":null}]}""", Firewall.class);

        assertThat(networks.getFirst().freeIpCount()).isEqualTo(249);
        assertThat(networks.getFirst().isDefault()).isTrue();
        assertThat(firewall.rules().getFirst().startPort()).isEmpty();
        assertThat(firewall.instanceCount()).isEqualTo(4);
    }
}
