package dev.ilbportal.audit.web;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.audit.Attestation;
import dev.ilbportal.audit.AuditChain;
import dev.ilbportal.audit.AuditEvent;
import dev.ilbportal.audit.AuditExport;
import dev.ilbportal.audit.AuditFilter;
import dev.ilbportal.audit.AuditLog;
import dev.ilbportal.audit.AuditPage;
import dev.ilbportal.audit.ChainCheck;
import dev.ilbportal.audit.Checkpoints;
import dev.ilbportal.audit.EvidencePacks;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.SecuritySliceConfiguration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The audit pages are for auditors only, and auditors reach them without being able to change anything else. */
@WebMvcTest({AuditLogController.class, AttestationController.class})
@Import({SecuritySliceConfiguration.class, AuditAccessRules.class})
class AuditAccessTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditLog log;

    @MockitoBean
    AuditExport export;

    @MockitoBean
    ChainCheck chainCheck;

    @MockitoBean
    Checkpoints checkpoints;

    @MockitoBean
    EvidencePacks evidencePacks;

    @MockitoBean
    Attestation attestation;

    static final AuditEvent EVENT = new AuditEvent(42, Instant.parse("2026-03-01T10:15:30Z"), "riley",
            "<script>alert(1)</script>", "REQUESTER", "request.submitted", "load_balancer", "lb-7", "payments", "r-7",
            "lb-7", null, "{\"state\":\"submitted\"}", "{\"note\":\"<b>bold</b>\"}", AuditChain.GENESIS, "a".repeat(64));

    @BeforeEach
    void someEvents() {
        when(log.page(any(), any(), any())).thenReturn(new AuditPage(List.of(EVENT), null, 41L));
        when(log.timeline(eq("lb-7"), any())).thenReturn(new AuditPage(List.of(EVENT), null, null));
        when(log.timeline(eq("lb-unknown"), any())).thenReturn(new AuditPage(List.of(), null, null));
    }

    @Test
    void auditorReadsTheLogTheTimelineAndExports() throws Exception {
        mvc.perform(get("/audit").with(personWith(PortalRole.AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/audit/load-balancers/lb-7").with(personWith(PortalRole.AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/audit/export.csv").with(personWith(PortalRole.AUDITOR))).andExpect(status().isOk());
        mvc.perform(get("/audit/export.jsonl").with(personWith(PortalRole.AUDITOR))).andExpect(status().isOk());
    }

    @ParameterizedTest
    @EnumSource(value = PortalRole.class, names = {"REQUESTER", "APPROVER", "ADMIN"})
    void everyOtherRoleIsRefused(PortalRole role) throws Exception {
        for (String url : List.of("/audit", "/audit/load-balancers/lb-7", "/audit/export.csv", "/audit/export.jsonl",
                "/audit/chain-checks/1", "/audit/load-balancers/lb-7/evidence-pack.json", "/audit/attestation",
                "/audit/attestation.csv", "/audit/checkpoints")) {
            mvc.perform(get(url).with(personWith(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/audit/chain-checks").with(personWith(role)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/audit/checkpoints").with(personWith(role)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anyoneMayFetchThePublicKeyThatChecksSignedEvidence() throws Exception {
        when(checkpoints.publicKeyPem()).thenReturn("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");
        when(checkpoints.keyId()).thenReturn("0123456789abcdef");

        String key = mvc.perform(get("/audit/public-key")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(key).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void timelineShowsSentencesFieldTablesAndTheRawEventBehindAToggle() throws Exception {
        String page = mvc.perform(get("/audit/load-balancers/lb-7").with(personWith(PortalRole.AUDITOR)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; submitted the request")
                .contains("data-stage=\"REQUEST\"").contains("<details data-test=\"raw\">")
                .contains("data-test=\"chain-position\">42<").doesNotContain("<b>bold</b>")
                .doesNotContain(" style=\"").doesNotContain("<script>");
    }

    @Test
    void anonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/portal"));
    }

    @Test
    void chainCheckNeedsTheCsrfToken() throws Exception {
        when(chainCheck.checkAndRecord(any())).thenReturn(new ChainCheck.Recorded(43,
                new ChainCheck.Result(true, 42, 42L, "a".repeat(64), null, null)));

        mvc.perform(post("/audit/chain-checks").with(personWith(PortalRole.AUDITOR))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/chain-checks").with(personWith(PortalRole.AUDITOR)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/audit/chain-checks/43"));
    }

    @ParameterizedTest
    @EnumSource(PortalRole.class)
    void auditorsChangeNothingElse(PortalRole role) throws Exception {
        mvc.perform(post("/inventory/lb-7/decommission").with(personWith(role)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void filterFormIsAPlainGetBoundToTheFilter() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-03-01T10:00").param("actor", "riley").param("team", " ")
                        .param("loadBalancer", "lb-7").param("text", "orders").param("olderThan", "100")
                        .with(personWith(PortalRole.AUDITOR)))
                .andExpect(status().isOk());

        verify(log).page(new AuditFilter(LocalDateTime.parse("2026-03-01T10:00"), null, "riley", null, null, "lb-7",
                null, "orders"), 100L, null);
    }

    @Test
    void unknownLoadBalancerHasNoTimeline() throws Exception {
        mvc.perform(get("/audit/load-balancers/lb-unknown").with(personWith(PortalRole.AUDITOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void eventContentIsEscaped() throws Exception {
        String page = mvc.perform(get("/audit").with(personWith(PortalRole.AUDITOR)))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)")
                .doesNotContain("<b>bold</b>").contains("data-sequence=\"42\"")
                .contains("href=\"/audit/load-balancers/lb-7\"").contains("olderThan=41");
    }
}
