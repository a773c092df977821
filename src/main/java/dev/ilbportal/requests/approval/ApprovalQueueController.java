package dev.ilbportal.requests.approval;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The approvers' queue: what waits for a decision, oldest first, filtered by team and region. */
@Controller
class ApprovalQueueController {

    private final ApprovalQueue queue;

    ApprovalQueueController(ApprovalQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/approvals")
    String queue(@ModelAttribute("filter") QueueFilter filter, Model model) {
        model.addAttribute("entries", queue.waiting(filter.team(), filter.region(), filter.pageNumber()));
        model.addAttribute("options", queue.filterOptions());
        return "approvals/queue";
    }

    /** The queue's GET form: a team, a region and a page, each optional. */
    record QueueFilter(String team, String region, Integer page) {

        int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }
    }
}
