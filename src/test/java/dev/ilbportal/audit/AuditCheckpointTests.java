package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What only a checkpoint outside the database can catch: the database's owner rewriting the newest rows and
 * recomputing every hash, or removing the last rows. Each tampering is undone afterwards, so the shared test
 * database keeps a trail that matches every checkpoint.
 */
@PortalApplicationTest
class AuditCheckpointTests {

    @Autowired
    AuditLog log;

    @Autowired
    ChainCheck chainCheck;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditExport exports;

    @org.junit.jupiter.api.io.TempDir
    Path work;

    /** Exports the whole trail as JSON Lines and runs docs/verify-audit-export.py on it with the checkpoint files. */
    private String[] offlineCheck() throws Exception {
        Path export = work.resolve("trail-" + System.nanoTime() + ".jsonl");
        exports.write(AuditFilter.none(), AuditExport.Format.JSONL, head -> Files.newOutputStream(export));
        Path key = work.resolve("public-key.pem");
        Files.writeString(key, checkpoints.publicKeyPem());
        Process process = new ProcessBuilder("python3", "docs/verify-audit-export.py", export.toString(),
                "--checkpoints", TestDatabase.get().checkpointDirectory().toString(), "--public-key", key.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(process.waitFor()), output};
    }

    @LocalServerPort
    int port;

    private List<AuditEvent> appendThree(String loadBalancerId) {
        return new TransactionTemplate(transactions).execute(status -> log.appendAll(List.of(
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "request.approved", Map.of("revision", 1)),
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "provisioning.load-balancer-created",
                        Map.of("civoId", "civo-1")),
                SampleEvent.about(loadBalancerId, "r-" + loadBalancerId, "verification.run-completed",
                        Map.of("verdict", "INTERNAL")))));
    }

    private List<AuditEvent> rowsFrom(long sequence) {
        return jdbc.query("select " + AuditLog.COLUMNS + " from audit_event where sequence >= ? order by sequence",
                AuditLog.ROWS, sequence);
    }

    /** The rows from {@code from} on, the first with other details, every hash and link recomputed. */
    private static List<AuditEvent> rewritten(List<AuditEvent> rows, String details) {
        List<AuditEvent> out = new ArrayList<>();
        String previous = rows.getFirst().previousHash();
        for (AuditEvent e : rows) {
            AuditEvent unhashed = new AuditEvent(e.sequence(), e.occurredAt(), e.actorSubject(), e.actorName(),
                    e.actorRoles(), e.action(), e.subjectType(), e.subjectId(), e.team(), e.requestId(),
                    e.loadBalancerId(), e.beforeJson(), e.afterJson(), out.isEmpty() ? details : e.detailsJson(),
                    previous, null);
            String hash = AuditChain.hashOf(unhashed);
            out.add(new AuditEvent(e.sequence(), e.occurredAt(), e.actorSubject(), e.actorName(), e.actorRoles(),
                    e.action(), e.subjectType(), e.subjectId(), e.team(), e.requestId(), e.loadBalancerId(),
                    e.beforeJson(), e.afterJson(), unhashed.detailsJson(), previous, hash));
            previous = hash;
        }
        return out;
    }

    @Test
    void ownerRewritingTheNewestRowsWithRecomputedHashesIsCaughtByTheCheckpoint() throws Exception {
        List<AuditEvent> three = appendThree("lb-rewrite");
        Checkpoint checkpoint = checkpoints.write();
        assertThat(checkpoint.sequence()).isGreaterThanOrEqualTo(three.getLast().sequence());
        assertThat(chainCheck.check().intact()).isTrue();

        long from = three.get(1).sequence();
        List<AuditEvent> original = rowsFrom(from);
        DatabaseOwner.replaceTail(rewritten(original, "{\"civoId\":\"civo-evil\"}"));
        try {
            assertThat(ChainCheck.walk(rowsFrom(1).iterator()).intact())
                    .as("without checkpoints the rewrite is consistent in itself").isTrue();
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(checkpoint.sequence());
            assertThat(result.problem()).contains("no longer matches the checkpoint signed at " + checkpoint.timeText())
                    .contains("rewritten and their hashes recomputed");
            String[] offline = offlineCheck();
            assertThat(offline[0]).as(offline[1]).isNotEqualTo("0");
            assertThat(offline[1]).contains("event " + checkpoint.sequence() + " no longer matches the checkpoint");
        } finally {
            DatabaseOwner.replaceTail(original);
        }
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void truncatingTheLastRowsIsCaughtByTheCheckpoint() throws Exception {
        List<AuditEvent> three = appendThree("lb-truncate");
        Checkpoint checkpoint = checkpoints.write();
        long from = three.get(1).sequence();
        List<AuditEvent> original = rowsFrom(from);

        DatabaseOwner.bypassingTriggers("delete from audit_event where sequence >= " + from);
        try {
            assertThat(ChainCheck.walk(rowsFrom(1).iterator()).intact())
                    .as("without checkpoints a shorter chain is consistent in itself").isTrue();
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(from);
            assertThat(result.problem()).contains("events " + from + " to " + checkpoint.sequence() + " are missing")
                    .contains("(truncated)");
            String[] offline = offlineCheck();
            assertThat(offline[0]).as(offline[1]).isNotEqualTo("0");
            assertThat(offline[1]).contains("(truncated)");
        } finally {
            DatabaseOwner.replaceTail(original);
        }
        assertThat(chainCheck.check().intact()).isTrue();
        String[] offline = offlineCheck();
        assertThat(offline[0]).as(offline[1]).isEqualTo("0");
        assertThat(offline[1]).contains("checkpoint(s) matched");
    }

    @Test
    void aForgedCheckpointLineIsReportedNotTrusted() throws Exception {
        Checkpoint real = checkpoints.write();
        Path file = Files.list(TestDatabase.get().checkpointDirectory()).filter(p -> p.toString().endsWith(".jsonl"))
                .sorted().toList().getLast();
        String forged = new Checkpoint(real.sequence() + 1000, "f".repeat(64), real.time(), real.keyId(),
                real.signature()).jsonLine() + "\n";
        byte[] before = Files.readAllBytes(file);
        Files.writeString(file, forged, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try {
            ChainCheck.Result result = chainCheck.check();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).contains("do not carry a valid signature");
        } finally {
            Files.write(file, before);
        }
        assertThat(chainCheck.check().intact()).isTrue();
    }

    @Test
    void thePublicKeyIsPublishedWithoutSigningIn() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/audit/public-key")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(checkpoints.publicKeyPem());
        assertThat(response.headers().firstValue("X-Audit-Key-Id")).contains(checkpoints.keyId());
    }
}
