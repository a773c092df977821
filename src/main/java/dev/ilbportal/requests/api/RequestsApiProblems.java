package dev.ilbportal.requests.api;

import dev.ilbportal.requests.RequestRuleViolation;
import dev.ilbportal.requests.internal.RequestChangedMeanwhile;
import dev.ilbportal.web.api.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The requests API's refusals: a transition the state does not allow is 409, a change nobody saw is 412. */
@RestControllerAdvice(basePackageClasses = RequestsApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestsApiProblems {

    @ExceptionHandler(RequestRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RequestRuleViolation violation) {
        return ApiProblem.response(HttpStatus.CONFLICT, violation.getMessage());
    }

    @ExceptionHandler(RequestChangedMeanwhile.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(RequestChangedMeanwhile raced) {
        return ApiProblem.response(HttpStatus.PRECONDITION_FAILED, raced.getMessage());
    }
}
