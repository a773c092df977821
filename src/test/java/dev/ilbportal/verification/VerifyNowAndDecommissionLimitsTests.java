package dev.ilbportal.verification;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.requests.Participant;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.SpecSnapshot;
import dev.ilbportal.support.PortalApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What one person can make the portal do again and again: "Verify now" has a per-load-balancer cool-down (each costs
 * Civo calls and probes), and a load balancer has at most one open decommission, even when two are asked at once.
 */
@PortalApplicationTest
@AutoConfigureMockMvc
@TestPropertySource(locations = "classpath:fast-sandbox.properties",
        properties = "portal.verification.verify-now-cooldown=1h")
class VerifyNowAndDecommissionLimitsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LoadBalancerRequests requests;
    @Autowired
    dev.ilbportal.provisioning.internal.Decommissioning decommissioning;

    private long onDemandRuns(InternalLoadBalancer lb) {
        return jdbc.queryForObject("select count(*) from verification_run where load_balancer_id = ? "
                + "and trigger = 'ON_DEMAND'", Long.class, lb.id());
    }

    @Test
    void verifyNowAgainWithinTheCooldownIsRefusedWithAMessageAndRunsNothing() throws Exception {
        InternalLoadBalancer lb = new ProvisioningHarness(context).provisionedAndVerified("cooldown");
        String url = "/verification/load-balancers/" + lb.id() + "/verify";

        mvc.perform(post(url).with(csrf()).with(personWith(PortalRole.REQUESTER, "payments")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", Matchers.startsWith("Verification finished")));
        mvc.perform(post(url).with(csrf()).with(personWith(PortalRole.ADMIN)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", Matchers.allOf(
                        Matchers.containsString("Verify now is possible again in"),
                        Matchers.containsString("Nothing was started."))));

        assertThat(onDemandRuns(lb)).isEqualTo(1);
        Map<String, Object> audited = jdbc.queryForMap("select actor_name, actor_roles from audit_event "
                + "where load_balancer_id = ? and action = 'verification.completed' order by sequence desc limit 1",
                lb.id().toString());
        assertThat(audited).containsEntry("actor_name", "Test requester-person")
                .containsEntry("actor_roles", "REQUESTER");
    }

    @Test
    void aSecondOpenDecommissionOfOneLoadBalancerCannotBeStoredEvenPastTheCheck() {
        InternalLoadBalancer lb = new ProvisioningHarness(context).provisionedAndVerified("one-decommission");
        Participant alice = new Participant("alice", "Alice", java.util.Set.of("REQUESTER"));
        ProvisioningPlan plan = new ProvisioningPlan(lb.region(), List.of());
        LoadBalancerRequest first = LoadBalancerRequest.decommission(lb.team(), alice, lb.id(),
                new SpecSnapshot("{}", lb.region(), lb.name()), plan.toSubmitted(), Instant.now(),
                Duration.ofDays(7));
        LoadBalancerRequest second = LoadBalancerRequest.decommission(lb.team(), alice, lb.id(),
                new SpecSnapshot("{}", lb.region(), lb.name()), plan.toSubmitted(), Instant.now(),
                Duration.ofDays(7));
        requests.saveAndFlush(first);
        try {
            assertThatThrownBy(() -> requests.saveAndFlush(second))
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(requests.existsDecommissionFor(lb.id())).isTrue();
        } finally {
            requests.deleteById(first.id());
        }
    }

    @Test
    void askingForASecondDecommissionSaysOneIsAlreadyAskedFor() {
        InternalLoadBalancer lb = new ProvisioningHarness(context).provisionedAndVerified("asked-twice");
        dev.ilbportal.identity.CurrentUser alice = new dev.ilbportal.identity.CurrentUser("alice", "Alice", null,
                java.util.Set.of(PortalRole.REQUESTER), java.util.Set.of("payments"));
        java.util.UUID asked = decommissioning.request(lb.id(), "Replaced by the new cluster.", alice);
        try {
            assertThatThrownBy(() -> decommissioning.request(lb.id(), "Again.", alice))
                    .isInstanceOf(RequestRuleViolation.class)
                    .hasMessage("A decommission of " + lb.name() + " is already asked for.");
            assertThat(jdbc.queryForObject("select actor_name || '/' || actor_roles from audit_event "
                    + "where action = 'provisioning.decommission-requested' and load_balancer_id = ?",
                    String.class, lb.id().toString())).isEqualTo("Alice/REQUESTER");
        } finally {
            requests.deleteById(asked);
        }
    }
}
