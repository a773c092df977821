package dev.ilbportal.requests.approval;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.requests.internal.RequestChangedMeanwhile;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.RequestWorkflow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The request page and the decisions taken on it. Every decision redirects back to the page (PRG) with a message
 * that says what happened, or plainly why nothing did.
 */
@Controller
class RequestPageController {

    static final String PAGE = "/requests/{id:[0-9a-f\\-]{36}}";

    static final String CHANGED_MEANWHILE = "Someone else decided or changed this request at the same moment; "
            + "here is how it stands now. Nothing was changed by your action.";

    private final RequestPages pages;
    private final RequestWorkflow workflow;
    private final BindingWarnings bindingWarnings;

    RequestPageController(RequestPages pages, RequestWorkflow workflow, BindingWarnings bindingWarnings) {
        this.pages = pages;
        this.workflow = workflow;
        this.bindingWarnings = bindingWarnings;
    }

    @GetMapping(PAGE)
    String show(@PathVariable UUID id, CurrentUser user, Model model) {
        showRequest(id, user, model);
        model.addAttribute("rejection", DecisionForm.blank());
        model.addAttribute("override", DecisionForm.blank());
        return "requests/show";
    }

    @PostMapping(PAGE + "/approve")
    String approve(@PathVariable UUID id, @Validated @ModelAttribute("approval") DecisionForm form,
                   BindingResult errors, CurrentUser approver, RedirectAttributes flash) {
        return act(id, errors, flash, "You approved revision " + form.revisionNumber() + ".",
                () -> workflow.approve(id, form.version(), form.revisionNumber(), form.planHash(), approver));
    }

    @PostMapping(PAGE + "/reject")
    String reject(@PathVariable UUID id, @Validated(DecisionForm.NeedsReason.class)
                  @ModelAttribute("rejection") DecisionForm form, BindingResult errors,
                  CurrentUser approver, Model model, HttpServletResponse response,
                  RedirectAttributes flash) {
        if (errors.hasFieldErrors("reason") && pages.show(id, approver).actions().mayDecide()) {
            return showAgain(id, approver, model, response, "override");
        }
        return act(id, errors, flash, "You rejected revision " + form.revisionNumber()
                        + ". The requester sees your reason.",
                () -> workflow.reject(id, form.version(), form.revisionNumber(), form.planHash(), form.reason(),
                        approver));
    }

    @PostMapping(PAGE + "/override")
    String overrideApprove(@PathVariable UUID id, @Validated(DecisionForm.NeedsReason.class)
                           @ModelAttribute("override") DecisionForm form, BindingResult errors,
                           CurrentUser admin, Model model, HttpServletResponse response,
                           RedirectAttributes flash) {
        if (errors.hasFieldErrors("reason") && pages.show(id, admin).actions().mayOverride()) {
            return showAgain(id, admin, model, response, "rejection");
        }
        return act(id, errors, flash, "You approved revision " + form.revisionNumber()
                        + " by override. Your reason is on record.",
                () -> workflow.overrideApprove(id, form.version(), form.revisionNumber(), form.planHash(),
                        form.reason(), admin));
    }

    @PostMapping(PAGE + "/withdraw")
    String withdraw(@PathVariable UUID id, @Validated @ModelAttribute("withdrawal") DecisionForm form,
                    BindingResult errors, CurrentUser requester, RedirectAttributes flash) {
        return act(id, errors, flash, "You withdrew this request. Nothing will be built.",
                () -> workflow.withdraw(id, form.version(), requester));
    }

    /** The request as the page shows it, with the team-binding warnings for approvers (read outside transactions). */
    private void showRequest(UUID id, CurrentUser user, Model model) {
        RequestPage page = pages.show(id, user);
        model.addAttribute("request", page);
        model.addAttribute("bindingWarnings", bindingWarnings.of(page, user));
    }

    /**
     * The page again, with the form's errors beside its fields; nothing was changed. Only while the page still offers
     * the form: otherwise (the request was decided or withdrawn meanwhile) its errors would have nowhere to show, and
     * the request page says instead that nothing was changed.
     */
    private String showAgain(UUID id, CurrentUser user, Model model, HttpServletResponse response,
                             String otherForm) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        showRequest(id, user, model);
        model.addAttribute(otherForm, DecisionForm.blank());
        return "requests/show";
    }

    private static String act(UUID id, BindingResult errors, RedirectAttributes flash, String done, Runnable action) {
        if (errors.hasErrors()) {
            flash.addFlashAttribute("problem", "The form was incomplete; nothing was changed. Please try again.");
        } else {
            try {
                action.run();
                flash.addFlashAttribute("notice", done);
            } catch (RequestRuleViolation refused) {
                flash.addFlashAttribute("problem", refused.getMessage());
            } catch (RequestChangedMeanwhile | ObjectOptimisticLockingFailureException raced) {
                flash.addFlashAttribute("problem", CHANGED_MEANWHILE);
            }
        }
        return "redirect:/requests/" + id;
    }
}
