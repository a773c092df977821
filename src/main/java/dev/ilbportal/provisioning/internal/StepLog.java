package dev.ilbportal.provisioning.internal;

import dev.ilbportal.provisioning.ProvisioningStep;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The trail of what each step did, shown live on the request page. */
@Component
public class StepLog {

    /** One line of a job's trail. */
    public record Entry(ProvisioningStep step, String outcome, String detail, String civoId, Instant at) {
    }

    private final JdbcTemplate jdbc;

    StepLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(UUID jobId, ProvisioningStep step, String outcome, String detail, String civoId, Instant at) {
        jdbc.update("insert into provisioning_step_log (job_id, step, outcome, detail, civo_id, at) "
                + "values (?, ?, ?, ?, ?, ?)", jobId, step.name(), outcome, detail, civoId,
                java.sql.Timestamp.from(at));
    }

    public List<Entry> of(UUID jobId) {
        return jdbc.query("select step, outcome, detail, civo_id, at from provisioning_step_log where job_id = ? "
                        + "order by id", (rs, i) -> new Entry(ProvisioningStep.valueOf(rs.getString("step")),
                        rs.getString("outcome"), rs.getString("detail"), rs.getString("civo_id"),
                        rs.getTimestamp("at").toInstant()), jobId);
    }
}
