package dev.ilbportal.home.web;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.SecuritySliceConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(HomeController.class)
@Import(SecuritySliceConfiguration.class)
class HomeAccessTests {

    @Autowired
    MockMvc mvc;

    @org.springframework.test.context.bean.override.mockito.MockitoBean
    dev.ilbportal.provisioning.DriftedLoadBalancers drifted;

    @Test
    void anonymousVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/oauth2/authorization/portal"));
    }

    @ParameterizedTest
    @EnumSource(PortalRole.class)
    void everyRoleSeesTheHomePageWithOnlyItsFeatures(PortalRole role) throws Exception {
        var result = mvc.perform(get("/").with(personWith(role, "payments")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (Feature feature : Feature.values()) {
            String link = "data-feature=\"" + feature.slug() + "\"";
            if (feature.roles().contains(role)) {
                org.assertj.core.api.Assertions.assertThat(result).contains(link)
                        .contains("href=\"" + feature.path() + "\"");
            } else {
                org.assertj.core.api.Assertions.assertThat(result).doesNotContain(link);
            }
        }
    }

    @Test
    void personWithoutRoleIsSentToNoAccessPage() throws Exception {
        mvc.perform(get("/").with(personWith(List.of(), "marketing")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/no-access"));
    }

    @ParameterizedTest
    @EnumSource(PortalRole.class)
    void urlsNoModuleAllowsAreDeniedToEveryone(PortalRole role) throws Exception {
        mvc.perform(get("/settings/secret").with(personWith(role))).andExpect(status().isForbidden());
    }

    @Test
    void signingOutNeedsTheCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(personWith(PortalRole.REQUESTER))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(personWith(PortalRole.REQUESTER)).with(csrf()))
                .andExpect(status().isFound());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/").with(personWith(PortalRole.REQUESTER)))
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
                                org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void outputIsEscaped() throws Exception {
        mvc.perform(get("/").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .oidcLogin().idToken(token -> token.claim("name", "<script>alert(1)</script>"))
                        .authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_REQUESTER"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<script>alert(1)"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("&lt;script&gt;alert(1)")));
    }
}
