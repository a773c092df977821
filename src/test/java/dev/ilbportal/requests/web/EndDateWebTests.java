package dev.ilbportal.requests.web;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.requests.RequestStatus;
import dev.ilbportal.requests.internal.LoadBalancerRequest;
import dev.ilbportal.requests.internal.LoadBalancerRequests;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.support.PortalApplicationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The optional end date on the review page: bad input comes back beside the field and changes nothing. */
@PortalApplicationTest
@AutoConfigureMockMvc
class EndDateWebTests {

    static final RequestPostProcessor TEAM_REQUESTER = personWith(PortalRole.REQUESTER, "payments");

    @Autowired
    MockMvc mvc;
    @Autowired
    RequestDrafts drafts;
    @Autowired
    LoadBalancerRequests requests;

    @Test
    void garbagePastAndTooFarEndDatesAreRefusedBesideTheFieldAndAGoodOneIsKept() throws Exception {
        UUID id = completeDraft();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertRefused(id, "soon-ish", "Enter the end date as YYYY-MM-DD");
        assertRefused(id, today.toString(), "The end date must be after today");
        assertRefused(id, "2001-01-01", "The end date must be after today");
        assertRefused(id, today.plusDays(366).toString(), "The end date can be at most 365 days ahead");
        assertRefused(id, "2027-13-45", "Enter the end date as YYYY-MM-DD");

        String endsOn = today.plusDays(30).toString();
        mvc.perform(post("/requests/" + id + "/submit").with(csrf()).with(TEAM_REQUESTER)
                        .param("justification", "Payments needs it for a month.").param("endsOn", endsOn))
                .andExpect(redirectedUrl("/requests/" + id));
        LoadBalancerRequest submitted = requests.findById(id).orElseThrow();
        assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(submitted.endsOn()).isEqualTo(today.plusDays(30));
    }

    @Test
    void anEmptyEndDateMeansNone() throws Exception {
        UUID id = completeDraft();
        mvc.perform(post("/requests/" + id + "/submit").with(csrf()).with(TEAM_REQUESTER)
                        .param("justification", "Payments needs it.").param("endsOn", ""))
                .andExpect(redirectedUrl("/requests/" + id));
        assertThat(requests.findById(id).orElseThrow().endsOn()).isNull();
    }

    private void assertRefused(UUID id, String endsOn, String message) throws Exception {
        var response = mvc.perform(post("/requests/" + id + "/submit").with(csrf()).with(TEAM_REQUESTER)
                        .param("justification", "Payments needs it.").param("endsOn", endsOn))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(endsOn).isEqualTo(200);
        assertThat(response.getContentAsString()).as(endsOn)
                .contains("data-feedback-for=\"endsOn\">" + message)
                .contains("value=\"" + endsOn + "\"");
        LoadBalancerRequest unchanged = requests.findById(id).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(unchanged.endsOn()).isNull();
        assertThat(unchanged.currentRevisionNumber()).isZero();
    }

    private UUID completeDraft() throws Exception {
        UUID id = WizardAsAlice.paymentsDraft(drafts);
        mvc.perform(WizardAsAlice.loadBalancerStep(id, TEAM_REQUESTER))
                .andExpect(redirectedUrl("/requests/" + id + "/review"));
        return id;
    }
}
