package dev.ilbportal.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.internal.Inventory;
import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.requests.internal.LoadBalancerSpec.PortMapping;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * A step whose outcome the database refuses is not retried for ever: it counts as an attempt, and after the
 * configured attempts the job ends FAILED with the reason. The inventory holds as many ports as the rules allow.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class StepsThatCannotBeSavedTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcTemplate jdbc;

    private ProvisioningHarness harness() {
        return new ProvisioningHarness(context);
    }

    private ProvisioningJob runUntilFinished(UUID requestId) {
        return harness().runUntilFinished(requestId);
    }

    private LoadBalancerSpec withPorts(ApprovedRequestFixture fixture, String name, int count) {
        LoadBalancerSpec base = fixture.spec(name, FirewallChoice.create(""));
        List<PortMapping> ports = IntStream.range(0, count)
                .mapToObj(i -> new PortMapping("HTTP", 10000 + i, 10000 + i, null, "/healthz")).toList();
        return new LoadBalancerSpec(base.region(), base.networkId(), name, base.algorithm(), base.firewall(),
                base.target(), ports, base.advanced(), base.justification());
    }

    @Test
    void aLoadBalancerWithAsManyPortsAsTheRulesAllowIsRecordedInTheInventory() {
        ApprovedRequestFixture fixture = harness().requests();
        UUID requestId = fixture.approve(withPorts(fixture, ApprovedRequestFixture.uniqueName("ports"), 50));

        ProvisioningJob job = runUntilFinished(requestId);

        assertThat(job.status()).as(job.failureReason()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(inventory.findByRequestId(requestId).orElseThrow().listeningPorts()).hasSize(50);
    }

    @Test
    void aStepWhoseOutcomeTheDatabaseKeepsRefusingEndsFailedWithTheReason() {
        JdbcTemplate owner = new JdbcTemplate(new SingleConnectionDataSource(TestDatabase.get().jdbcUrl(),
                TestDatabase.get().ownerUsername(), TestDatabase.get().ownerPassword(), true));
        owner.execute("""
                create or replace function refuse_test_inventory() returns trigger language plpgsql as $$
                begin
                  if new.name like 'refused-%' then
                    raise exception 'inventory row refused by the test';
                  end if;
                  return new;
                end $$""");
        owner.execute("create trigger refuse_test_inventory before insert on internal_load_balancer "
                + "for each row execute function refuse_test_inventory()");
        try {
            ApprovedRequestFixture fixture = harness().requests();
            UUID requestId = fixture.approve(fixture.spec(ApprovedRequestFixture.uniqueName("refused"),
                    FirewallChoice.create("")));

            ProvisioningJob job = runUntilFinished(requestId);

            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.step()).isEqualTo(ProvisioningStep.RECORD_INVENTORY);
            assertThat(job.failureCode()).isEqualTo("portal_error");
            assertThat(job.failureReason()).startsWith("The portal could not record this step: ")
                    .contains("inventory row refused by the test");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'provisioning.failed' "
                    + "and request_id = ?", Long.class, requestId.toString())).isEqualTo(1);
        } finally {
            owner.execute("drop trigger refuse_test_inventory on internal_load_balancer");
            owner.execute("drop function refuse_test_inventory()");
        }
    }
}
