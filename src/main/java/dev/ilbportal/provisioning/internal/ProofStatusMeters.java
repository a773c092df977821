package dev.ilbportal.provisioning.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code portal.proof.status}: load balancers in service by proof status, team and region, counted in the database
 * (so every instance reports the cluster's figure) and refreshed every few seconds rather than on each scrape, so a
 * scrape never waits for the query.
 */
@Component
class ProofStatusMeters {

    private static final String COUNT_BY_PROOF_STATUS = """
            select proof_status, team, region, count(*) as load_balancers from internal_load_balancer
            where status = 'ACTIVE' group by proof_status, team, region""";

    private final JdbcTemplate jdbc;
    private final MultiGauge gauge;

    ProofStatusMeters(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder("portal.proof.status")
                .description("Load balancers in service by proof status (all instances)").register(registry);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${portal.provisioning.meters-refresh:10s}")
    void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query(COUNT_BY_PROOF_STATUS, (row, index) -> MultiGauge.Row.of(
                Tags.of("status", row.getString("proof_status").toLowerCase(Locale.ROOT),
                        "team", row.getString("team"), "region", row.getString("region")),
                row.getLong("load_balancers")));
        gauge.register(rows, true);
    }
}
