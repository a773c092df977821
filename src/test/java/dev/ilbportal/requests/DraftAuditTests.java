package dev.ilbportal.requests;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.sandbox.civo.SeedWorld;
import dev.ilbportal.support.PortalApplicationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** A draft's life in the audit trail: created without a name yet, deleted for good, each recorded as it was. */
@PortalApplicationTest
@AutoConfigureMockMvc
class DraftAuditTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> events(UUID requestId, String action) {
        return jdbc.queryForList("select * from audit_event where request_id = ? and action = ? order by sequence",
                requestId.toString(), action);
    }

    @Test
    void aDraftWithoutANameYetIsRecordedWithoutOneAndItsDeletionIsRecorded() throws Exception {
        String location = mvc.perform(post("/requests/new").with(csrf())
                        .with(personWith(PortalRole.REQUESTER, "payments"))
                        .param("team", "payments").param("region", "LON1")
                        .param("networkId", SeedWorld.networkId("LON1", "payments-net")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.replaceAll("^/requests/([^/]+)/.*$", "$1"));

        assertThat(events(id, "request.draft-created")).singleElement()
                .satisfies(created -> assertThat((String) created.get("after_json")).doesNotContain("null")
                        .contains("\"status\":\"DRAFT\""));

        mvc.perform(post("/requests/" + id + "/delete").with(csrf())
                        .with(personWith(PortalRole.REQUESTER, "payments")))
                .andExpect(status().is3xxRedirection());

        assertThat(events(id, "request.draft-deleted")).singleElement().satisfies(deleted -> {
            assertThat(deleted.get("actor_name")).isEqualTo("Test requester-person");
            assertThat(deleted.get("actor_roles")).isEqualTo("REQUESTER");
        });
    }
}
