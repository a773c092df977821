package dev.ilbportal.requests.web;

import dev.ilbportal.requests.RequestRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The requests module's one error mapping, for the wizard, the list and the approval pages: a transition the
 * request's state does not allow is a 409 page with the rule's message; nothing changed.
 */
@ControllerAdvice(basePackages = "dev.ilbportal.requests")
class RequestsErrors {

    @ExceptionHandler(RequestRuleViolation.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String refused(RequestRuleViolation violation, Model model) {
        model.addAttribute("reason", violation.getMessage());
        return "requests/refused";
    }
}
