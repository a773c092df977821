package dev.ilbportal.notifications;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.NotFoundException;
import jakarta.validation.Valid;
import java.time.Clock;
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
    private final Clock clock;

    WebhookAdminController(Webhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
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
        if (errors.hasErrors()) {
            model.addAttribute("webhooks", webhooks.all());
            return "notifications/webhooks";
        }
        webhooks.add(new Webhook(UUID.randomUUID(), form.url().strip(), form.secret(), form.teamOrNull(), true,
                user.subject(), clock.instant()));
        redirect.addFlashAttribute("message", "Webhook added for " + (form.teamOrNull() == null ? "every team"
                : "team " + form.teamOrNull()) + ".");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return switchTo(id, true, redirect);
    }

    @PostMapping("/admin/webhooks/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return switchTo(id, false, redirect);
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        if (!webhooks.delete(id)) {
            throw new NotFoundException("Webhook " + id);
        }
        redirect.addFlashAttribute("message", "Webhook deleted.");
        return "redirect:/admin/webhooks";
    }

    private String switchTo(UUID id, boolean enabled, RedirectAttributes redirect) {
        if (!webhooks.enable(id, enabled)) {
            throw new NotFoundException("Webhook " + id);
        }
        redirect.addFlashAttribute("message", enabled ? "Webhook enabled." : "Webhook disabled.");
        return "redirect:/admin/webhooks";
    }
}
