package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import dev.ilbportal.web.NotFoundException;
import dev.ilbportal.web.api.ApiProblem;
import dev.ilbportal.web.api.CursorPage;
import dev.ilbportal.web.api.FieldProblem;
import dev.ilbportal.web.api.PortalApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhooks and failed deliveries for admins, as on the admin pages, through {@link NotificationSettings} (the same
 * audit events); the webhook body is the page's {@link WebhookForm}, checked by the same constraints and address
 * rules. Secrets are never returned.
 */
@PortalApi
@Tag(name = "notifications", description = "Admin: webhooks and failed deliveries")
class NotificationsApi {

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final NotificationSettings settings;
    private final WebhookAddresses addresses;
    private final Validator validator;

    NotificationsApi(Webhooks webhooks, Deliveries deliveries, NotificationSettings settings,
                     WebhookAddresses addresses, Validator validator) {
        this.validator = validator;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.settings = settings;
        this.addresses = addresses;
    }

    @GetMapping(PortalApi.PREFIX + "/admin/webhooks")
    @Operation(summary = "Admin: every webhook, its address shown up to the host")
    List<WebhookView> webhooks(CurrentUser user) {
        requireAdmin(user);
        return webhooks.all().stream().map(WebhookView::of).toList();
    }

    @PostMapping(PortalApi.PREFIX + "/admin/webhooks")
    @Operation(summary = "Admin: add a webhook for one team or every team")
    ResponseEntity<?> addWebhook(@RequestBody WebhookForm form, CurrentUser user) {
        requireAdmin(user);
        // Checked after the role, so only admins learn the form's rules; the same constraints as the page's form.
        List<FieldProblem> invalid = validator.validate(form).stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        if (!invalid.isEmpty()) {
            return ApiProblem.response(ApiProblem.invalid("Some fields are not valid.", invalid));
        }
        var refusal = addresses.refusal(form.url().strip());
        if (refusal.isPresent()) {
            return ApiProblem.response(ApiProblem.invalid("The webhook address is refused.",
                    List.of(new FieldProblem("url", refusal.get()))));
        }
        Webhook added;
        try {
            added = settings.addWebhook(user, form.url().strip(), form.secret(), form.teamOrNull(),
                    form.receivesCheckpoints());
        } catch (IllegalArgumentException globalOnly) {
            return ApiProblem.response(ApiProblem.invalid("The webhook cannot be added.",
                    List.of(new FieldProblem("checkpoints", globalOnly.getMessage()))));
        }
        return ResponseEntity.created(URI.create(PortalApi.PREFIX + "/admin/webhooks/" + added.id()))
                .body(WebhookView.of(added));
    }

    @PostMapping(PortalApi.PREFIX + "/admin/webhooks/{id}/enable")
    @Operation(summary = "Admin: enable a webhook")
    WebhookView enable(@PathVariable UUID id, CurrentUser user) {
        return switchTo(id, true, user);
    }

    @PostMapping(PortalApi.PREFIX + "/admin/webhooks/{id}/disable")
    @Operation(summary = "Admin: disable a webhook")
    WebhookView disable(@PathVariable UUID id, CurrentUser user) {
        return switchTo(id, false, user);
    }

    @DeleteMapping(PortalApi.PREFIX + "/admin/webhooks/{id}")
    @Operation(summary = "Admin: delete a webhook")
    ResponseEntity<Void> delete(@PathVariable UUID id, CurrentUser user) {
        requireAdmin(user);
        if (settings.deleteWebhook(user, id) == NotificationSettings.Outcome.NOT_FOUND) {
            throw new NotFoundException("Webhook " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PortalApi.PREFIX + "/admin/deliveries/failed")
    @Operation(summary = "Admin: deliveries that gave up, newest first")
    CursorPage<DeliveryView> failed(@RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit, CurrentUser user) {
        requireAdmin(user);
        return CursorPage.of(deliveries.withStatus(Delivery.Status.DEAD,
                PageRequest.of(CursorPage.pageOf(cursor), CursorPage.limitOf(limit))).map(DeliveryView::of));
    }

    @PostMapping(PortalApi.PREFIX + "/admin/deliveries/{id}/send-again")
    @Operation(summary = "Admin: queue a failed delivery to be sent again")
    DeliveryView sendAgain(@PathVariable UUID id, CurrentUser user) {
        requireAdmin(user);
        if (settings.sendAgain(user, id) == NotificationSettings.Outcome.NOT_FOUND) {
            throw new NotFoundException("Delivery " + id);
        }
        return DeliveryView.of(deliveries.find(id).orElseThrow(() -> new NotFoundException("Delivery " + id)));
    }

    @PutMapping(PortalApi.PREFIX + "/me/notifications/{channel}")
    @Operation(summary = "Choose which notifications you receive on one channel, as on your settings page")
    ResponseEntity<Void> choose(@PathVariable Channel channel, @RequestBody List<NotificationKind> wanted,
                                CurrentUser user) {
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        if (wanted != null) {
            wanted.stream().filter(java.util.Objects::nonNull).forEach(chosen::add);
        }
        settings.choose(user, channel, chosen);
        return ResponseEntity.noContent().build();
    }

    private WebhookView switchTo(UUID id, boolean enabled, CurrentUser user) {
        requireAdmin(user);
        if (settings.switchWebhook(user, id, enabled) == NotificationSettings.Outcome.NOT_FOUND) {
            throw new NotFoundException("Webhook " + id);
        }
        return WebhookView.of(webhooks.find(id).orElseThrow(() -> new NotFoundException("Webhook " + id)));
    }

    /** The admin pages' gate ({@link NotificationsAccessRules} guards their URLs the same way). */
    private static void requireAdmin(CurrentUser user) {
        if (!user.has(PortalRole.ADMIN)) {
            throw new AccessDeniedException("Admins only");
        }
    }

    /** A webhook without its secret: the address up to its host, a hint of the secret. */
    record WebhookView(UUID id, String url, String secretHint, String team, boolean enabled,
                       boolean receivesCheckpoints, Instant createdAt) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id(), webhook.maskedUrl(), webhook.secretHint(), webhook.team(),
                    webhook.enabled(), webhook.receivesCheckpoints(), webhook.createdAt());
        }
    }

    /** A delivery as the failed-deliveries page shows it. */
    record DeliveryView(UUID id, UUID eventId, NotificationKind kind, Channel channel, String recipient,
                        String title, Delivery.Status status, int attempts, String lastError, Instant createdAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.eventId(), delivery.kind(), delivery.channel(),
                    delivery.shownRecipient(), delivery.title(), delivery.status(), delivery.attempts(),
                    delivery.lastError(), delivery.createdAt());
        }
    }
}
