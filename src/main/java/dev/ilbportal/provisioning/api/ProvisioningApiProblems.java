package dev.ilbportal.provisioning.api;

import dev.ilbportal.provisioning.internal.JobStateConflict;
import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.web.api.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Provisioning's refusals in the API: a job or load balancer in a state that does not allow the action is 409. */
@RestControllerAdvice(basePackageClasses = ProvisioningApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProvisioningApiProblems {

    @ExceptionHandler({JobStateConflict.class, RequestRuleViolation.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException refusal) {
        return ApiProblem.response(HttpStatus.CONFLICT, refusal.getMessage());
    }
}
