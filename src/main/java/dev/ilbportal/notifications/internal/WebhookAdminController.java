package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.NotFoundException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins add, switch on and off, and delete the webhooks that receive teams' events. */
@Controller
class WebhookAdminController {

    private final Webhooks webhooks;
    private final NotificationSettings settings;
    private final WebhookAddresses addresses;

    WebhookAdminController(Webhooks webhooks, NotificationSettings settings, WebhookAddresses addresses) {
        this.webhooks = webhooks;
        this.settings = settings;
        this.addresses = addresses;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", WebhookForm.empty());
        }
        model.addAttribute("webhooks", webhooks.all());
        return "notifications/webhooks";
    }

    @PostMapping("/admin/webhooks")
    String add(@Valid @ModelAttribute("form") WebhookForm form, BindingResult errors, CurrentUser user,
               Model model, RedirectAttributes redirect) {
        if (form.url() != null && !errors.hasFieldErrors("url")) {
            addresses.refusal(form.url().strip()).ifPresent(why -> errors.rejectValue("url", "refused", why));
        }
        if (form.receivesCheckpoints() && form.teamOrNull() != null && !errors.hasFieldErrors("team")) {
            errors.rejectValue("checkpoints", "global-only",
                    "Audit checkpoints go to global webhooks only: leave Team blank, or untick this");
        }
        if (errors.hasErrors()) {
            model.addAttribute("webhooks", webhooks.all());
            return "notifications/webhooks";
        }
        settings.addWebhook(user, form.url().strip(), form.secret(), form.teamOrNull(), form.receivesCheckpoints());
        redirect.addFlashAttribute("message", "Webhook added for " + (form.teamOrNull() == null ? "every team"
                : "team " + form.teamOrNull()) + (form.receivesCheckpoints() ? ", with audit checkpoints." : "."));
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/enable")
    String enable(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return switchTo(id, true, user, redirect);
    }

    @PostMapping("/admin/webhooks/{id}/disable")
    String disable(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        return switchTo(id, false, user, redirect);
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        if (settings.deleteWebhook(user, id) == NotificationSettings.Outcome.NOT_FOUND) {
            throw new NotFoundException("Webhook " + id);
        }
        redirect.addFlashAttribute("message", "Webhook deleted.");
        return "redirect:/admin/webhooks";
    }

    private String switchTo(UUID id, boolean enabled, CurrentUser user, RedirectAttributes redirect) {
        NotificationSettings.Outcome outcome = settings.switchWebhook(user, id, enabled);
        if (outcome == NotificationSettings.Outcome.NOT_FOUND) {
            throw new NotFoundException("Webhook " + id);
        }
        redirect.addFlashAttribute("message", outcome == NotificationSettings.Outcome.UNCHANGED
                ? (enabled ? "The webhook was already enabled." : "The webhook was already disabled.")
                : (enabled ? "Webhook enabled." : "Webhook disabled."));
        return "redirect:/admin/webhooks";
    }
}
