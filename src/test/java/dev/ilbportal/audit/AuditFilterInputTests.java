package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ilbportal.support.PortalApplicationTest;
import dev.ilbportal.support.SandboxBrowserlessLogin;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** NUL bytes and other control characters in the audit log's filters get a clear answer, never a 500. */
@PortalApplicationTest
class AuditFilterInputTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private SandboxBrowserlessLogin auditor;

    @BeforeEach
    void signIn() throws Exception {
        auditor = new SandboxBrowserlessLogin(URI.create("http://localhost:" + port));
        auditor.signIn("audrey");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return auditor.get(URI.create("http://localhost:" + port + pathAndQuery));
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor=%00", "text=a%00b", "team=pay%00ments", "action=request.%01approved",
            "loadBalancer=%00", "request=r-1%0Ar-2", "text=%1B%5B31m", "actor=alice&text=%7F"})
    void controlCharactersInTheLogFiltersAreRefusedWithAMessage(String query) throws Exception {
        HttpResponse<String> page = get("/audit?" + query);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("data-test=\"filter-problem\"").contains("contains a control character")
                .doesNotContain("\u0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/audit/export.csv?text=%00", "/audit/export.jsonl?actor=x%00"})
    void controlCharactersInExportFiltersAreRefusedWithAMessageAndNoExportRow(String path) throws Exception {
        long exports = jdbc.sql("select count(*) from audit_event where action = 'audit.exported'")
                .query(Long.class).single();

        HttpResponse<String> export = get(path);

        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(export.body()).contains("contains a control character");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'audit.exported'")
                .query(Long.class).single()).isEqualTo(exports);
    }

    @Test
    void controlCharacterInATimelineIdIsNotFound() throws Exception {
        assertThat(get("/audit/load-balancers/lb%00x").statusCode()).isBetween(400, 404);
    }

    @Test
    void unusualButPrintableFiltersStillWork() throws Exception {
        HttpResponse<String> page = get("/audit?text=%E2%80%AEevil%F0%9F%98%80&actor=%27%3B--");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-test=\"filter-problem\"");
    }
}
