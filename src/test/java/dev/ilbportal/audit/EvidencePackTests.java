package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load balancer's evidence pack holds its whole story and checks out offline with the script auditors are given
 * (docs/verify-evidence-pack.py, run here with python3 and openssl); a pack with one byte changed does not.
 */
@PortalApplicationTest
class EvidencePackTests {

    static final Actor AUDREY = new Actor("audrey", "Audrey Auditor", Set.of("AUDITOR"));

    @Autowired
    AuditLog log;

    @Autowired
    EvidencePacks packs;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    @TempDir
    Path work;

    private void lifeOf(String lb) {
        String request = "r-" + lb;
        new TransactionTemplate(transactions).executeWithoutResult(status -> log.appendAll(List.of(
                SampleEvent.about(lb, request, "request.submitted", Map.of("region", "LON1")),
                SampleEvent.about(lb, request, "request.approved", Map.of("override", false)),
                SampleEvent.change(lb, request, "provisioning.load-balancer-provisioned", null,
                        Map.of("status", "ACTIVE", "civo_id", "civo-lb-7", "firewall_id", "civo-fw-7")),
                SampleEvent.about(lb, request, "verification.completed", Map.of("trigger", "SCHEDULED")),
                SampleEvent.change(lb, request, "verification.drifted", Map.of("status", "ACTIVE"),
                        Map.of("status", "DRIFTED")),
                SampleEvent.change(lb, request, "verification.recovered", Map.of("status", "DRIFTED"),
                        Map.of("status", "ACTIVE")),
                SampleEvent.about(lb, request, "provisioning.load-balancer-decommissioned", Map.of("job", "j-1")))));
    }

    private Verification verify(Path pack) throws IOException, InterruptedException {
        Path key = work.resolve("public-key.pem");
        Files.writeString(key, checkpoints.publicKeyPem());
        Process process = new ProcessBuilder("python3", Path.of("docs/verify-evidence-pack.py").toString(),
                pack.toString(), "--public-key", key.toString(), "--checkpoints",
                TestDatabase.get().checkpointDirectory().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Verification(process.waitFor(), output);
    }

    record Verification(int exitCode, String output) {
    }

    @Test
    void packHoldsTheLoadBalancersStoryAndItsOwnDownload() {
        lifeOf("lb-pack-story");
        EvidencePacks.Signed signed = packs.download(AUDREY, "lb-pack-story").orElseThrow();
        JsonNode pack = json.readTree(signed.json()).get("pack");

        assertThat(pack.get("approved_plan").get("approved_by").asString()).isEqualTo("Riley Rao");
        assertThat(pack.get("decisions")).hasSize(1);
        assertThat(pack.get("civo").get("civo_id").asString()).isEqualTo("civo-lb-7");
        assertThat(pack.get("civo").get("firewall_id").asString()).isEqualTo("civo-fw-7");
        assertThat(pack.get("verification")).hasSize(3);
        assertThat(pack.get("exposure_periods")).hasSize(1);
        assertThat(pack.get("exposure_periods").get(0).has("recovered_at")).isTrue();
        assertThat(pack.get("decommissioning")).hasSize(1);
        assertThat(pack.get("audit_reads").get(0).get("action").asString())
                .isEqualTo("audit.evidence-pack-downloaded");
        assertThat(pack.get("events")).hasSize(8);
        assertThat(pack.get("checkpoint").get("sequence").asLong())
                .isGreaterThanOrEqualTo(pack.get("events").get(7).get("sequence").asLong());
    }

    @Test
    void offlineVerifierAcceptsARealPackAndRejectsOneWithAChangedByte() throws Exception {
        lifeOf("lb-pack-offline");
        byte[] real = packs.download(AUDREY, "lb-pack-offline").orElseThrow().json();
        Path good = work.resolve("good.json");
        Files.write(good, real);

        Verification accepted = verify(good);
        assertThat(accepted.exitCode()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("VERIFIED: evidence pack of load balancer lb-pack-offline: 8 events");

        String text = new String(real, StandardCharsets.UTF_8);
        int[] positions = {text.indexOf("civo-lb-7") + 8, text.indexOf("\"signature\":\"", text.indexOf("\"pack\""))
                + 20, text.lastIndexOf("\"signature\":\"") + 20, text.indexOf("Riley Rao") + 2, real.length / 2};
        for (int position : positions) {
            byte[] changed = real.clone();
            changed[position] = (byte) (changed[position] == 'A' ? 'B' : 'A');
            Path bad = work.resolve("changed-" + position + ".json");
            Files.write(bad, changed);
            Verification rejected = verify(bad);
            assertThat(rejected.exitCode()).as("byte %d changed: %s", position, rejected.output()).isEqualTo(1);
            assertThat(rejected.output()).contains("REJECTED");
        }
    }
}
