package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.provisioning.InternalLoadBalancer;
import dev.ilbportal.provisioning.ProvisioningHarness;
import dev.ilbportal.requests.ProvisioningPlan;
import dev.ilbportal.shared.Actor;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import dev.ilbportal.verification.Trigger;
import dev.ilbportal.verification.Verifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence pack of a load balancer that was really approved, provisioned against the sandbox's Civo and verified:
 * it carries the whole approved plan (bound to the hash the approval recorded) and every run with each check, target
 * and vantage point (bound to its audit event), and the offline verifier checks both.
 */
@PortalApplicationTest
@TestPropertySource(locations = "classpath:fast-sandbox.properties")
class EvidencePackOfAProvisionedLoadBalancerTests {

    static final Actor AUDREY = new Actor("audrey", "Audrey Auditor", Set.of("AUDITOR"));

    @Autowired
    ApplicationContext context;
    @Autowired
    Verifier verifier;
    @Autowired
    EvidencePacks packs;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    JsonMapper json;

    @TempDir
    Path work;

    @Test
    void packHoldsTheApprovedPlanAndEveryCheckWithItsVantageAndTheVerifierChecksThem() throws Exception {
        InternalLoadBalancer lb = new ProvisioningHarness(context).provisionedAndVerified("evidence");
        verifier.verify(lb, Trigger.ON_DEMAND, "alice");

        byte[] document = packs.download(AUDREY, lb.id().toString()).orElseThrow().json();
        JsonNode pack = json.readTree(document).get("pack");

        JsonNode plan = pack.get("approved_plan");
        assertThat(ProvisioningPlan.hashOf(plan.get("plan_json").asString()))
                .isEqualTo(plan.get("plan_hash").asString());
        List<String> steps = new ArrayList<>();
        plan.get("plan").get("calls").forEach(call -> steps.add(call.get("method").asString() + " "
                + call.get("path").asString()));
        assertThat(steps).as("every planned Civo call").anySatisfy(call -> assertThat(call).startsWith("POST")
                .contains("firewalls")).anySatisfy(call -> assertThat(call).startsWith("POST").contains("loadbalancers"));

        JsonNode runs = pack.get("verification_runs");
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        JsonNode onDemand = runs.get(runs.size() - 1);
        assertThat(onDemand.get("trigger").asString()).isEqualTo("ON_DEMAND");
        assertThat(onDemand.get("outcome").asString()).isEqualTo("PASS");
        assertThat(onDemand.get("audit_sequence").isNumber()).as("bound to its audit event").isTrue();
        List<String> checked = new ArrayList<>();
        onDemand.get("checks").forEach(check -> {
            checked.add(check.get("check").asString());
            assertThat(check.get("vantage").asString()).as("vantage of %s", check.get("check")).isNotBlank();
        });
        assertThat(checked).contains("NO_INGRESS_RULES", "INSIDE_REACHABLE", "OUTSIDE_CONTROL",
                "OUTSIDE_UNREACHABLE");

        Path good = work.resolve("pack.json");
        Files.write(good, document);
        String accepted = verify(good, 0);
        assertThat(accepted).contains("hash " + plan.get("plan_hash").asString() + " matches its approval")
                .containsPattern("verification runs: \\d+ with \\d+ checks; \\d+ matched to their audit events");

        String text = new String(document, StandardCharsets.UTF_8);
        String original = onDemand.get("outcome").asString();
        // Re-sign nothing: a changed run outcome or plan must be caught even before the signature (and is by it).
        Path changedRun = work.resolve("changed-run.json");
        Files.writeString(changedRun, text.replaceFirst("\"outcome\":\"" + original + "\",\"requested_by\":\"alice\"",
                "\"outcome\":\"FAIL\",\"requested_by\":\"alice\""));
        assertThat(verify(changedRun, 1)).contains("REJECTED");
    }

    private String verify(Path pack, int expectedExit) throws Exception {
        Path key = work.resolve("public-key.pem");
        Files.writeString(key, checkpoints.publicKeyPem());
        Process process = new ProcessBuilder("python3", "docs/verify-evidence-pack.py", pack.toString(),
                "--public-key", key.toString(), "--checkpoints", TestDatabase.get().checkpointDirectory().toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(expectedExit);
        return output;
    }
}
