package dev.ilbportal.audit;

import dev.ilbportal.audit.internal.CsvCell;
import dev.ilbportal.shared.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams any filtered view of the trail as CSV or JSON Lines, in chain order, row by row from a database cursor to
 * the response, so memory stays flat however many events match. Every row carries all the fields of the canonical
 * form plus its hash, and the export carries the chain's head, so an auditor can check it offline
 * (docs/audit.md). The export is recorded before the rows are read, so it appears in itself when the filter matches it.
 */
@Service
public class AuditExport {

    /** The export formats, by the extension of their URL. */
    public enum Format {
        CSV("text/csv"), JSONL("application/x-ndjson");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where the export goes: told the head first (for headers), then asked for the body. */
    public interface Target {
        OutputStream open(ChainHead head) throws IOException;

        /**
         * An HTTP download: the file is named after the head it ends at, and the head's sequence and hash are in the
         * headers, so the reader can check the file against the chain.
         */
        static Target download(HttpServletResponse response, Format format) {
            return head -> {
                response.setContentType(format.contentType() + ";charset=UTF-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-" + head.sequence() + "." + format.extension() + "\"");
                response.setHeader("X-Audit-Head-Hash", head.hash());
                response.setHeader("X-Audit-Head-Sequence", Long.toString(head.sequence()));
                return response.getOutputStream();
            };
        }
    }

    static final List<String> FIELDS = List.of("sequence", "time", "actor_subject", "actor_name", "actor_roles",
            "action", "subject_type", "subject_id", "team", "request_id", "load_balancer_id", "before", "after",
            "details", "previous_hash", "hash");

    /** Characters buffered before a write to the response: a few dozen rows per write, not one. */
    private static final int EXPORT_BUFFER = 64 * 1024;

    private final JdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate readWrite;
    private final ApplicationEventPublisher events;
    private final AuditLog log;

    public AuditExport(DataSource dataSource, PlatformTransactionManager transactions,
                       ApplicationEventPublisher events, AuditLog log) {
        this.cursor = new JdbcTemplate(dataSource);
        // an export reads tens of thousands of rows: fewer, larger fetches (about 5 MB each) halve the round trips'
        // share of its time, and memory stays bounded by one fetch
        this.cursor.setFetchSize(5000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readWrite = new TransactionTemplate(transactions);
        this.events = events;
        this.log = log;
    }

    /** Records the export by {@code actor}, then streams the matching events to {@code target}. */
    public long export(Actor actor, AuditFilter filter, Format format, Target target) {
        readWrite.executeWithoutResult(status ->
                events.publishEvent(new AuditExported(actor, format.extension(), filter.parameters())));
        return write(filter, format, target);
    }

    /** Streams the matching events without recording anything; returns how many were written. */
    long write(AuditFilter filter, Format format, Target target) {
        return snapshot.execute(status -> {
            ChainHead head = log.head();
            List<Object> arguments = new ArrayList<>();
            String sql = "select " + AuditLog.COLUMNS + " from audit_event " + filter.where(arguments)
                    + " order by sequence";
            try (Writer out = new BufferedWriter(new OutputStreamWriter(target.open(head), StandardCharsets.UTF_8),
                    EXPORT_BUFFER);
                 Stream<AuditEvent> rows = cursor.queryForStream(sql, AuditLog.ROWS, arguments.toArray())) {
                long[] count = {0};
                if (format == Format.CSV) {
                    out.write("# audit chain head: sequence=" + head.sequence() + " hash=" + head.hash() + "\n");
                    out.write(String.join(",", FIELDS) + "\n");
                }
                rows.forEach(event -> {
                    try {
                        out.write(format == Format.CSV ? csv(event) : jsonLine(event));
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (format == Format.JSONL) {
                    out.write("{\"head_hash\":\"" + head.hash() + "\",\"head_sequence\":" + head.sequence() + "}\n");
                }
                out.flush();
                return count[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<String> values(AuditEvent e) {
        List<String> values = new ArrayList<>(FIELDS.size());
        values.add(Long.toString(e.sequence()));
        values.add(e.time());
        values.add(e.actorSubject());
        values.add(e.actorName());
        values.add(e.actorRoles());
        values.add(e.action());
        values.add(e.subjectType());
        values.add(e.subjectId());
        values.add(e.team());
        values.add(e.requestId());
        values.add(e.loadBalancerId());
        values.add(e.beforeJson());
        values.add(e.afterJson());
        values.add(e.detailsJson());
        values.add(e.previousHash());
        values.add(e.hash());
        return values;
    }

    /**
     * RFC 4180: every present value quoted, quotes doubled; absent values empty (never confused: stored values are
     * never empty). Values a spreadsheet would take for a formula are neutralised with a leading apostrophe
     * ({@link CsvCell}); hashes stay over the stored values, so the verifier drops that apostrophe first.
     */
    static String csv(AuditEvent event) {
        StringBuilder line = new StringBuilder(512);
        line.append(event.sequence());
        cell(line, event.time());
        cell(line, event.actorSubject());
        cell(line, event.actorName());
        cell(line, event.actorRoles());
        cell(line, event.action());
        cell(line, event.subjectType());
        cell(line, event.subjectId());
        cell(line, event.team());
        cell(line, event.requestId());
        cell(line, event.loadBalancerId());
        cell(line, event.beforeJson());
        cell(line, event.afterJson());
        cell(line, event.detailsJson());
        cell(line, event.previousHash());
        cell(line, event.hash());
        return line.append('\n').toString();
    }

    private static void cell(StringBuilder line, String value) {
        line.append(',');
        if (value == null) {
            return;
        }
        line.append('"');
        if (CsvCell.needsApostrophe(value)) {
            line.append('\'');
        }
        if (value.indexOf('"') < 0) {
            line.append(value);
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    line.append('"');
                }
                line.append(c);
            }
        }
        line.append('"');
    }

    /** One JSON object per line; before, after and details are strings holding the hashed canonical JSON. */
    static String jsonLine(AuditEvent event) {
        StringBuilder line = new StringBuilder(512);
        List<String> values = values(event);
        line.append('{');
        for (int i = 0; i < FIELDS.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            CanonicalJson.string(FIELDS.get(i), line);
            line.append(':');
            line.append(i == 0 ? values.get(0) : CanonicalJson.string(values.get(i)));
        }
        return line.append("}\n").toString();
    }
}
