package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.shared.Actor;
import dev.ilbportal.shared.EventSubject;
import dev.ilbportal.support.PortalApplicationTest;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Exports stream with flat memory and carry everything an auditor needs to check them offline. */
@PortalApplicationTest
class AuditExportTests {

    @Autowired
    AuditLog log;

    @Autowired
    AuditExport export;

    @Autowired
    PlatformTransactionManager transactions;

    private String exportOf(AuditFilter filter, AuditExport.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(filter, format, head -> out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void seedTimeline(String lb) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> log.appendAll(List.of(
                SampleEvent.about(lb, "r-" + lb, "request.submitted",
                        Map.of("justification", "orders DB, \"quoted\", comma, back\\slash, line\nbreak, café 😀")),
                SampleEvent.change(lb, "r-" + lb, "provisioning.load-balancer-created", null,
                        Map.of("state", "available", "ports", List.of(5432))),
                SampleEvent.change(lb, "r-" + lb, "verification.drifted", Map.of("ingressRules", 0),
                        Map.of("ingressRules", 3)))));
    }

    @Test
    void jsonLinesExportOfTheWholeChainVerifiesOfflineUpToItsHead() throws Exception {
        seedTimeline("lb-offline-jsonl");
        String jsonl = exportOf(AuditFilter.none(), AuditExport.Format.JSONL);

        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "audit"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "audit", "export-sample.jsonl"), jsonl);
        OfflineExportCheck.Outcome outcome = OfflineExportCheck.check(OfflineExportCheck.jsonLines(jsonl));

        assertThat(outcome.problem()).isNull();
        assertThat(outcome.events()).isEqualTo((int) log.head().sequence());
        String lastLine = jsonl.substring(jsonl.stripTrailing().lastIndexOf('\n') + 1);
        assertThat(lastLine).contains("\"head_hash\":\"" + outcome.lastHash() + "\"");
    }

    @Test
    void csvExportOfATimelineVerifiesOfflineAndCatchesAnEditedLine() throws Exception {
        seedTimeline("lb-offline-csv");
        String csv = exportOf(AuditFilter.loadBalancer("lb-offline-csv"), AuditExport.Format.CSV);

        assertThat(csv).startsWith("# audit chain head: sequence=" + log.head().sequence() + " hash="
                + log.head().hash() + "\n" + String.join(",", AuditExport.FIELDS) + "\n");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "audit"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "audit", "export-sample.csv"), csv);
        var rows = OfflineExportCheck.csv(csv);
        assertThat(rows).hasSize(3);
        assertThat(OfflineExportCheck.check(rows).problem()).isNull();

        var edited = OfflineExportCheck.csv(csv.replace("\"\"ingressRules\"\":3", "\"\"ingressRules\"\":0"));
        assertThat(OfflineExportCheck.check(edited).problem()).contains("hashes to");
    }

    /** Counts writes and samples the heap (after a GC) every few megabytes while the export streams. */
    static final class MeasuringStream extends OutputStream {
        long bytes;
        long writes;
        long nextSample;
        final List<Long> heapSamples = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            writes++;
            if (bytes >= nextSample) {
                heapSamples.add(usedHeapAfterGc());
                nextSample += 4 * 1024 * 1024;
            }
        }
    }

    static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void exportOfAHundredThousandEventsStreamsWithFlatMemory() {
        Actor bulk = new Actor("bulk-writer", "Bulk Writer", java.util.Set.of());
        for (int batch = 0; batch < 10; batch++) {
            List<SampleEvent> events = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = batch * 10_000 + i;
                events.add(new SampleEvent(bulk, "verification.run-completed",
                        new EventSubject("load_balancer", "lb-bulk-" + (n % 500), "bulk", null, "lb-bulk-" + (n % 500)),
                        null, null, Map.of("run", n, "inside", "reachable on 5432", "outside", "timed out")));
            }
            new TransactionTemplate(transactions).executeWithoutResult(status -> log.appendAll(events));
        }
        AuditFilter bulkOnly = new AuditFilter(null, null, null, "bulk", null, null, null, null);
        long baseline = usedHeapAfterGc();
        MeasuringStream out = new MeasuringStream();

        long written = export.write(bulkOnly, AuditExport.Format.CSV, head -> out);

        assertThat(written).isEqualTo(100_000);
        assertThat(out.bytes).isGreaterThan(30_000_000L);
        assertThat(out.writes).as("written in many chunks as rows arrive").isGreaterThan(1_000);
        long peakGrowth = out.heapSamples.stream().mapToLong(used -> used - baseline).max().orElseThrow();
        System.out.printf("Export of %d events: %d bytes in %d writes, peak heap growth %d bytes over %d samples%n",
                written, out.bytes, out.writes, peakGrowth, out.heapSamples.size());
        assertThat(out.heapSamples).hasSizeGreaterThan(5);
        assertThat(peakGrowth).as("heap growth while streaming %d bytes", out.bytes).isLessThan(out.bytes / 2);
    }

    @Test
    void theExportNeutralisesAnActorNameThatLooksLikeAFormulaWithoutChangingItsHash() {
        AuditEvent event = new AuditEvent(7, Instant.parse("2026-03-01T10:15:30Z"), "mallory", "=cmd|' /C calc'!A0",
                "REQUESTER", "request.submitted", "request", "r-1", "payments", "r-1", null, null, null, "{}",
                AuditChain.GENESIS, null);
        String hash = AuditChain.hashOf(event);

        String line = AuditExport.csv(event);
        assertThat(line).contains(",\"'=cmd|' /C calc'!A0\",");
        assertThat(AuditChain.hashOf(event)).as("hashes are over the stored value").isEqualTo(hash);
    }
}
