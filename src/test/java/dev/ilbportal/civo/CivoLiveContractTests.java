package dev.ilbportal.civo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.civo.model.Firewall;
import dev.ilbportal.civo.model.Network;
import dev.ilbportal.civo.model.Quota;
import dev.ilbportal.civo.model.Region;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Read-only contract check against the real Civo API: our records must parse what Civo sends today. Runs only with
 * {@code CIVO_API_KEY=... ./mvnw -B -ntp -Pcivo-live test}; optional {@code CIVO_REGION}, {@code CIVO_BASE_URL}.
 */
@Tag("live")
class CivoLiveContractTests {

    private static CivoClient client;
    private static String region;

    @BeforeAll
    static void connect() {
        String key = System.getenv("CIVO_API_KEY");
        assertThat(key).as("CIVO_API_KEY must be set to run the live contract tests").isNotBlank();
        String baseUrl = System.getenv().getOrDefault("CIVO_BASE_URL", "https://api.civo.com");
        region = System.getenv().getOrDefault("CIVO_REGION", "LON1");
        CivoProperties properties = CivoProperties.defaults(URI.create(baseUrl), key);
        client = new CivoClient(new CivoConnection(URI.create(baseUrl), key.strip()), properties);
    }

    @Test
    void regionsParseAndIncludeTheTestedRegion() {
        List<Region> regions = client.listRegions();

        assertThat(regions).isNotEmpty().allSatisfy(each -> assertThat(each.code()).isNotBlank());
        assertThat(regions).extracting(each -> each.code().toUpperCase()).contains(region.toUpperCase());
    }

    @Test
    void networksParseAndOneIsTheDefault() {
        List<Network> networks = client.listNetworks(region);

        assertThat(networks).allSatisfy(network -> {
            assertThat(network.id()).isNotBlank();
            assertThat(network.label()).isNotNull();
        });
        assertThat(networks).filteredOn(Network::isDefault).hasSize(1);
    }

    @Test
    void firewallsParseWithTheirRules() {
        List<Firewall> firewalls = client.listFirewalls(region);

        assertThat(firewalls).allSatisfy(firewall -> {
            assertThat(firewall.id()).isNotBlank();
            assertThat(firewall.networkId()).isNotBlank();
            assertThat(firewall.rules()).allSatisfy(rule -> assertThat(rule.direction()).isNotBlank());
        });
        firewalls.stream().findFirst().ifPresent(first ->
                assertThat(client.findFirewall(region, first.id())).contains(first));
    }

    @Test
    void quotaParsesWithLoadBalancerAndFirewallLimits() {
        Quota quota = client.getQuota(region);

        assertThat(quota.loadbalancerCountLimit()).isNotNull();
        assertThat(quota.securityGroupLimit()).isNotNull();
        assertThat(quota.securityGroupRuleLimit()).isNotNull();
        assertThat(quota.networkCountLimit()).isNotNull();
    }
}
