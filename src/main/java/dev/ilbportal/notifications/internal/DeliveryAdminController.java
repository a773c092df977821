package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.web.NotFoundException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dead letters: deliveries that failed every attempt, with their last error, for admins to send again. */
@Controller
class DeliveryAdminController {

    static final int PAGE_SIZE = 50;

    private final Deliveries deliveries;
    private final NotificationSettings settings;

    DeliveryAdminController(Deliveries deliveries, NotificationSettings settings) {
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @GetMapping("/admin/notifications")
    String failed(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("failed", deliveries.withStatus(Delivery.Status.DEAD,
                dev.ilbportal.web.ListPages.of(page, PAGE_SIZE)));
        return "notifications/deliveries";
    }

    @PostMapping("/admin/notifications/{id}/send-again")
    String sendAgain(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> new NotFoundException("Delivery " + id));
        switch (settings.sendAgain(user, id)) {
            case DONE -> redirect.addFlashAttribute("message", "The delivery to " + delivery.shownRecipient()
                    + " is queued to be sent again.");
            case UNCHANGED -> redirect.addFlashAttribute("message", "The delivery is not failed any more.");
            case NOT_FOUND -> throw new NotFoundException("Delivery " + id);
        }
        return "redirect:/admin/notifications";
    }
}
