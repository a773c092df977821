package dev.ilbportal.notifications.internal;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.notifications.Channel;
import dev.ilbportal.notifications.NotificationKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each person's choice of which notifications reach them by email. */
@Controller
class NotificationSettingsController {

    private final NotificationSettings settings;

    NotificationSettingsController(NotificationSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings/notifications")
    String settings(CurrentUser user, Model model) {
        Set<NotificationKind> off = settings.switchedOff(user, Channel.EMAIL);
        model.addAttribute("kinds", NotificationKind.peopleChooseFrom());
        model.addAttribute("emailOff", off);
        return "notifications/settings";
    }

    @PostMapping("/settings/notifications")
    String choose(@RequestParam(name = "email", required = false) List<NotificationKind> email,
                  CurrentUser user, RedirectAttributes redirect) {
        // An empty value binds as null (no kind): it is ignored, like an unticked box.
        Set<NotificationKind> wanted = EnumSet.noneOf(NotificationKind.class);
        if (email != null) {
            email.stream().filter(java.util.Objects::nonNull).forEach(wanted::add);
        }
        settings.choose(user, Channel.EMAIL, wanted);
        redirect.addFlashAttribute("message", "Your notification settings are saved.");
        return "redirect:/settings/notifications";
    }
}
