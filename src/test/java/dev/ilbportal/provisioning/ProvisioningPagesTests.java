package dev.ilbportal.provisioning;

import dev.ilbportal.provisioning.internal.JobStatus;
import dev.ilbportal.provisioning.internal.ProvisioningJob;
import dev.ilbportal.provisioning.internal.ProvisioningJobs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.requests.internal.LoadBalancerSpec.FirewallChoice;
import dev.ilbportal.sandbox.civo.Fault;
import dev.ilbportal.sandbox.civo.SandboxFaults;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The progress panel, the admin's retry, and the inventory page, over HTTP with real sign-ins. */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class ProvisioningPagesTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProvisioningJobs jobs;
    @Autowired
    SandboxFaults faults;

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private URI portal(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private ProvisioningJob provision(String name) {
        ProvisioningHarness harness = new ProvisioningHarness(context);
        return harness.runUntilFinished(harness.approve(harness.requests().spec(name, FirewallChoice.create(""))));
    }

    private SandboxBrowserlessLogin signedIn(String username) throws Exception {
        return SandboxBrowserlessLogin.signedIn(portal(""), username);
    }

    @Test
    void teamSeesEveryStepDoneWithCivoIdsAndTheAddresses() throws Exception {
        ProvisioningJob job = provision(ApprovedRequestFixture.uniqueName("shown"));

        HttpResponse<String> page = signedIn("alice").get(portal("/provisioning/requests/" + job.requestId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Succeeded").contains(job.firewallId()).contains(job.loadBalancerId())
                .contains(job.privateIp()).contains("data-state=\"done\"").doesNotContain("data-state=\"todo\"")
                .doesNotContain("hx-trigger");
    }

    @Test
    void progressOfAnotherTeamsRequestIsNotFound() throws Exception {
        ProvisioningJob job = provision(ApprovedRequestFixture.uniqueName("hidden"));

        assertThat(signedIn("sam").get(portal("/provisioning/requests/" + job.requestId())).statusCode())
                .isEqualTo(404);
    }

    @Test
    void failedJobShowsCivosCodeAndOnlyAdminsMayRetry() throws Exception {
        faults.inject(Fault.error(500, "database_firewall_create", "Failed to create").on("POST", "/v2/firewalls"));
        ProvisioningJob failed = provision(ApprovedRequestFixture.uniqueName("retry"));
        faults.clear();

        SandboxBrowserlessLogin alice = signedIn("alice");
        String asAlice = alice.get(portal("/provisioning/requests/" + failed.requestId())).body();
        assertThat(asAlice).contains("database_firewall_create").doesNotContain("data-test=\"retry\"");
        assertThat(post(alice, "/provisioning/jobs/" + failed.id() + "/retry", asAlice).statusCode()).isEqualTo(403);

        SandboxBrowserlessLogin adam = signedIn("adam");
        String asAdam = adam.get(portal("/provisioning/requests/" + failed.requestId())).body();
        assertThat(asAdam).contains("data-test=\"retry\"");
        assertThat(post(adam, "/provisioning/jobs/" + failed.id() + "/retry", "").statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(post(adam, "/provisioning/jobs/" + failed.id() + "/retry", asAdam).statusCode()).isEqualTo(302);
        assertThat(jobs.findById(failed.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    }

    @Test
    void retryOrAbandonOfAJobInTheWrongStateIsAConflictWithItsReasonNeverAServerError() throws Exception {
        ProvisioningJob succeeded = provision(ApprovedRequestFixture.uniqueName("settled"));
        assertThat(succeeded.status()).isEqualTo(JobStatus.SUCCEEDED);
        SandboxBrowserlessLogin adam = signedIn("adam");
        String page = adam.get(portal("/admin/provisioning")).body();

        HttpResponse<String> retry = post(adam, "/provisioning/jobs/" + succeeded.id() + "/retry", page);
        HttpResponse<String> abandon = post(adam, "/provisioning/jobs/" + succeeded.id() + "/abandon", page);

        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.body()).contains("data-test=\"refused-reason\"")
                .contains("Only a failed job can be retried; this one is SUCCEEDED.");
        assertThat(abandon.statusCode()).isEqualTo(409);
        assertThat(abandon.body()).contains("cannot be abandoned.");
        assertThat(jobs.findById(succeeded.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void adminOverviewListsFailedJobsForAdminsOnly() throws Exception {
        faults.inject(Fault.error(500, "database_firewall_create", "Failed to create").on("POST", "/v2/firewalls"));
        ProvisioningJob failed = provision(ApprovedRequestFixture.uniqueName("listedfail"));
        faults.clear();

        String overview = signedIn("adam").get(portal("/admin/provisioning")).body();
        assertThat(overview).contains(failed.loadBalancerName()).contains("database_firewall_create");
        assertThat(signedIn("alice").get(portal("/admin/provisioning")).statusCode()).isEqualTo(403);
    }

    @Test
    void adminOverviewShowsHowTheLanesUseTheCivoBudget() throws Exception {
        provision(ApprovedRequestFixture.uniqueName("budgeted"));

        String overview = signedIn("adam").get(portal("/admin/provisioning")).body();

        assertThat(overview).contains("Civo API budget").contains("shared by every portal instance through PostgreSQL");
        java.util.regex.Matcher provisioning = java.util.regex.Pattern
                .compile("<td>provisioning</td>\\s*<td>30 %</td>\\s*<td>(\\d+)</td>").matcher(overview);
        assertThat(provisioning.find()).as("the provisioning lane's row").isTrue();
        assertThat(Long.parseLong(provisioning.group(1))).as("calls the worker made").isPositive();
    }

    @Test
    void inventoryShowsRequestersOnlyTheirTeamsAndAuditorsEverything() throws Exception {
        String name = ApprovedRequestFixture.uniqueName("listed");
        provision(name);

        assertThat(signedIn("alice").get(portal("/inventory")).body()).contains("data-lb=\"" + name + "\"");
        assertThat(signedIn("sam").get(portal("/inventory")).body()).doesNotContain("data-lb=\"" + name + "\"");
        assertThat(signedIn("audrey").get(portal("/inventory?team=payments")).body())
                .contains("data-lb=\"" + name + "\"");
        assertThat(signedIn("april").get(portal("/inventory")).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> post(SandboxBrowserlessLogin session, String path, String pageWithToken)
            throws Exception {
        String token = pageWithToken.contains("name=\"_csrf\"")
                ? pageWithToken.replaceAll("(?s).*?name=\"_csrf\" value=\"([^\"]+)\".*", "$1") : "";
        return session.client().send(HttpRequest.newBuilder(portal(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
