package dev.ilbportal.provisioning.web;

import dev.ilbportal.provisioning.internal.JobStateConflict;
import dev.ilbportal.requests.RequestRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The provisioning module's one error mapping: an action its state does not allow (retry of a job that did not fail,
 * abandon of a finished one, a decommission that is refused) is a 409 page that says why; nothing changed.
 */
@ControllerAdvice(basePackageClasses = ProvisioningErrors.class)
class ProvisioningErrors {

    @ExceptionHandler({JobStateConflict.class, RequestRuleViolation.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(RuntimeException refusal, Model model) {
        model.addAttribute("reason", refusal.getMessage());
        return "provisioning/refused";
    }
}
