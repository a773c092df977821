package dev.ilbportal.notifications.internal;

import static dev.ilbportal.identity.TestPeople.personWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.identity.SecuritySliceConfiguration;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may reach the notification pages: settings for every role, webhooks and failed deliveries for admins. */
@WebMvcTest({NotificationSettingsController.class, WebhookAdminController.class, DeliveryAdminController.class})
@Import({SecuritySliceConfiguration.class, NotificationsAccessRules.class, NotificationSettings.class,
        NotificationPagesAccessTests.FixedClock.class})
class NotificationPagesAccessTests {

    static final List<String> ADMIN_PAGES = List.of("/admin/webhooks", "/admin/notifications");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Webhooks webhooks;
    @MockitoBean
    Deliveries deliveries;
    @MockitoBean
    Preferences preferences;
    @MockitoBean
    WebhookAddresses addresses;

    @ParameterizedTest
    @ValueSource(strings = {"/settings/notifications", "/admin/webhooks", "/admin/notifications"})
    void anonymousVisitorIsSentToSignIn(String page) throws Exception {
        mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/portal"));
    }

    @ParameterizedTest
    @EnumSource(PortalRole.class)
    void adminPagesAreOnlyForAdmins(PortalRole role) throws Exception {
        when(deliveries.withStatus(any(), any())).thenReturn(Page.empty());
        for (String page : ADMIN_PAGES) {
            mvc.perform(get(page).with(personWith(role)))
                    .andExpect(role == PortalRole.ADMIN ? status().isOk() : status().isForbidden());
        }
    }

    @ParameterizedTest
    @EnumSource(PortalRole.class)
    void everyRoleChoosesItsOwnNotifications(PortalRole role) throws Exception {
        when(preferences.switchedOff(any(String.class), eq(Channel.EMAIL))).thenReturn(Set.of());
        mvc.perform(get("/settings/notifications").with(personWith(role))).andExpect(status().isOk());
        mvc.perform(post("/settings/notifications").param("email", "REQUEST_SUBMITTED", "DRIFTED")
                        .with(personWith(role)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/settings/notifications"));
        verify(preferences).choose(role.key() + "-person", Channel.EMAIL,
                EnumSet.of(NotificationKind.REQUEST_SUBMITTED, NotificationKind.DRIFTED));
    }

    @Test
    void personWithoutRoleIsSentToTheNoAccessPageInsteadOfSettings() throws Exception {
        mvc.perform(get("/settings/notifications").with(personWith(List.of(), "marketing")))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/no-access"));
    }

    @Test
    void postsWithoutCsrfTokenAreRefused() throws Exception {
        UUID id = UUID.randomUUID();
        for (String action : Stream.of("/admin/webhooks", "/admin/webhooks/" + id + "/disable",
                "/admin/webhooks/" + id + "/enable", "/admin/webhooks/" + id + "/delete",
                "/admin/notifications/" + id + "/send-again", "/settings/notifications").toList()) {
            mvc.perform(post(action).with(personWith(PortalRole.ADMIN))).andExpect(status().isForbidden());
        }
        verify(webhooks, never()).add(any());
        verify(webhooks, never()).delete(any());
        verify(deliveries, never()).sendAgain(any(), any());
    }

    @ParameterizedTest
    @EnumSource(value = PortalRole.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void onlyAdminsChangeWebhooksOrSendAgain(PortalRole role) throws Exception {
        UUID id = UUID.randomUUID();
        mvc.perform(post("/admin/webhooks").param("url", "https://hooks.example/x")
                        .param("secret", "0123456789abcdef").with(personWith(role)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks/" + id + "/delete").with(personWith(role)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/notifications/" + id + "/send-again").with(personWith(role)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(webhooks, never()).add(any());
    }

    @Test
    void adminAddsAWebhookAndSeesOnlyTheLastCharactersOfItsSecret() throws Exception {
        mvc.perform(post("/admin/webhooks").param("url", "https://hooks.example/payments")
                        .param("secret", "s3cr3t-value-wxyz").param("team", "payments")
                        .with(personWith(PortalRole.ADMIN)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/webhooks"));
        verify(webhooks).add(any());

        when(webhooks.all()).thenReturn(List.of(new Webhook(UUID.randomUUID(), "https://hooks.example/payments",
                "s3cr3t-value-wxyz", "payments", true, "admin-person", Instant.now())));
        String page = mvc.perform(get("/admin/webhooks").with(personWith(PortalRole.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("…wxyz").doesNotContain("s3cr3t-value");
    }

    @Test
    void webhookWithoutUrlOrWithAShortSecretIsRefusedWithMessages() throws Exception {
        String page = mvc.perform(post("/admin/webhooks").param("url", "ftp:/nowhere").param("secret", "short")
                        .with(personWith(PortalRole.ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("must be an http or https URL").contains("must be 16 to 500 characters")
                .doesNotContain("value=\"short\"");
        verify(webhooks, never()).add(any());
    }

    @Test
    void teamWebhookCannotSubscribeToAuditCheckpointsAndIsRefusedBesideTheBox() throws Exception {
        String page = mvc.perform(post("/admin/webhooks").param("url", "https://hooks.example/payments")
                        .param("secret", "s3cr3t-value-wxyz").param("team", "payments").param("checkpoints", "true")
                        .with(personWith(PortalRole.ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Audit checkpoints go to global webhooks only");
        verify(webhooks, never()).add(any());
    }

    @Test
    void globalWebhookSubscribesToAuditCheckpointsAndThePageSaysSo() throws Exception {
        mvc.perform(post("/admin/webhooks").param("url", "https://hooks.example/audit")
                        .param("secret", "s3cr3t-value-wxyz").param("team", "").param("checkpoints", "true")
                        .with(personWith(PortalRole.ADMIN)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/webhooks"));
        verify(webhooks).add(org.mockito.ArgumentMatchers.argThat(hook -> hook.isGlobal() && hook.receivesCheckpoints()));

        when(webhooks.all()).thenReturn(List.of(new Webhook(UUID.randomUUID(), "https://hooks.example/audit",
                "s3cr3t-value-wxyz", null, true, "admin-person", Instant.now(), true)));
        String page = mvc.perform(get("/admin/webhooks").with(personWith(PortalRole.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("data-test=\"receives-checkpoints\">Yes<");
    }
}
