package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.LoadBalancerSpec;
import dev.ilbportal.requests.internal.RequestDrafts;
import dev.ilbportal.requests.internal.SpecProblems;
import dev.ilbportal.requests.internal.StepOutcome;
import dev.ilbportal.requests.internal.WizardStep;
import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import java.util.ArrayList;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request wizard, one page per step as in Civo's dashboard: network (with its firewall), load balancer, review.
 * Every POST saves the step when it is valid and redirects to the next page; otherwise the page comes back with the
 * input as typed and a message beside each field.
 */
@Controller
class RequestWizardController {

    private final RequestDrafts drafts;
    private final WizardPages pages;
    private final MessageSource messages;

    RequestWizardController(RequestDrafts drafts, WizardPages pages, MessageSource messages) {
        this.drafts = drafts;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/requests/new")
    String newRequest(CurrentUser user, Model model) {
        requireRequester(user);
        NetworkStepForm form = NetworkStepForm.blank(new ArrayList<>(user.sortedTeams()), pages.defaultRegion());
        return pages.network(model, user, null, form, StepOutcome.refused(new SpecProblems()));
    }

    @PostMapping("/requests/new")
    String startDraft(@ModelAttribute("form") NetworkStepForm form,
                      @RequestParam(name = "refresh", required = false) String refresh,
                      CurrentUser user, Model model) {
        requireRequester(user);
        if (refresh != null) {
            return pages.network(model, user, null, form, StepOutcome.refused(new SpecProblems()));
        }
        StepOutcome outcome = drafts.startDraft(user, NetworkStepForm.trimmed(form.getTeam()),
                form.applyTo(NetworkStepForm.blankSpec()));
        if (outcome.isSaved()) {
            return "redirect:/requests/" + outcome.requestId() + "/load-balancer";
        }
        return pages.network(model, user, null, form, outcome);
    }

    @GetMapping("/requests/{id}/firewall")
    String networkStep(@PathVariable UUID id, CurrentUser user, Model model) {
        return whileEditable(id, user, draft -> pages.network(model, user, draft,
                NetworkStepForm.of(draft.team(), draft.spec()), StepOutcome.refused(new SpecProblems())));
    }

    @PostMapping("/requests/{id}/firewall")
    String saveNetworkStep(@PathVariable UUID id, @ModelAttribute("form") NetworkStepForm form,
                            @RequestParam(name = "refresh", required = false) String refresh,
                            CurrentUser user, Model model) {
        RequestDrafts.Draft draft = drafts.open(id, user);
        form.setTeam(draft.team());
        if (refresh != null) {
            return pages.network(model, user, draft, form, StepOutcome.refused(new SpecProblems()));
        }
        StepOutcome outcome = drafts.saveStep(id, WizardStep.NETWORK, form.applyTo(draft.spec()), user);
        if (outcome.isSaved()) {
            return "redirect:/requests/" + id + "/load-balancer";
        }
        return pages.network(model, user, draft, form, outcome);
    }

    @GetMapping("/requests/{id}/load-balancer")
    String loadBalancerStep(@PathVariable UUID id, CurrentUser user, Model model) {
        return whileEditable(id, user, draft -> pages.loadBalancer(model, draft,
                LoadBalancerStepForm.of(draft.spec()), StepOutcome.refused(new SpecProblems())));
    }

    @PostMapping("/requests/{id}/load-balancer")
    String saveLoadBalancerStep(@PathVariable UUID id, @ModelAttribute("form") LoadBalancerStepForm form,
                                BindingResult binding,
                                @RequestParam(name = "addPort", required = false) String addPort,
                                @RequestParam(name = "removePort", required = false) Integer removePort,
                                CurrentUser user, Model model) {
        RequestDrafts.Draft draft = drafts.open(id, user);
        RefusedInput refused = RefusedInput.of(binding, messages);
        // After a row is removed, the rows below move up: what was typed is kept only where it still fits.
        model.addAttribute("typed", removePort == null ? refused : RefusedInput.none());
        if (addPort != null || removePort != null) {
            if (addPort != null) {
                form.addPort();
            } else {
                form.removePort(removePort);
            }
            return pages.loadBalancer(model, draft, form, StepOutcome.refused(new SpecProblems()));
        }
        LoadBalancerSpec spec = form.applyTo(draft.spec(), pages.clusterNames(draft.spec().region()));
        if (!refused.isEmpty()) {
            return pages.loadBalancer(model, draft, form, StepOutcome.refused(
                    refused.withRulesProblems(drafts.check(WizardStep.LOAD_BALANCER, spec))));
        }
        StepOutcome outcome = drafts.saveStep(id, WizardStep.LOAD_BALANCER, spec, user);
        if (outcome.isSaved()) {
            return "redirect:/requests/" + id + "/review";
        }
        return pages.loadBalancer(model, draft, form, outcome);
    }

    @GetMapping("/requests/{id}/review")
    String review(@PathVariable UUID id, CurrentUser user, Model model) {
        return whileEditable(id, user, draft -> pages.review(model, draft, draft.spec().justification(),
                StepOutcome.refused(new SpecProblems())));
    }

    @PostMapping("/requests/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam(name = "justification", required = false) String justification,
                  @RequestParam(name = "endsOn", required = false) String endsOn, CurrentUser user, Model model) {
        StepOutcome outcome = drafts.submit(id, justification, endsOn, user);
        if (outcome.isSaved()) {
            return "redirect:/requests/" + id;
        }
        model.addAttribute("endsOn", endsOn);
        return pages.review(model, drafts.open(id, user), justification, outcome);
    }

    @PostMapping("/requests/{id}/delete")
    String delete(@PathVariable UUID id, CurrentUser user) {
        drafts.deleteDraft(id, user);
        return "redirect:/requests?deleted";
    }

    /** A step's page while the draft can still be edited; once submitted, the request's own page instead. */
    private String whileEditable(UUID id, CurrentUser user, Function<RequestDrafts.Draft, String> page) {
        RequestDrafts.Draft draft = drafts.open(id, user);
        return draft.isEditable() ? page.apply(draft) : "redirect:/requests/" + id;
    }

    private static void requireRequester(CurrentUser user) {
        if (!user.has(PortalRole.REQUESTER)) {
            throw new AccessDeniedException("Only requesters start requests");
        }
    }

}
