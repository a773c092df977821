package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.RequestListItem;
import dev.ilbportal.identity.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The requests of the person's teams, drafts included, newest change first, a page at a time. */
@Controller
class RequestListController {

    static final int PAGE_SIZE = 20;

    private final RequestDrafts drafts;

    RequestListController(RequestDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/requests")
    String list(@RequestParam(name = "page", defaultValue = "0") int page, CurrentUser user,
                Model model) {
        Page<RequestListItem> requests = drafts.listFor(user,
                dev.ilbportal.web.ListPages.of(page, PAGE_SIZE));
        model.addAttribute("requests", requests);
        return "requests/list";
    }
}
