package dev.ilbportal.web.api;

import dev.ilbportal.web.NotFoundException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The API's errors as Problem Details, for {@link PortalApi} controllers only (pages keep their HTML error views).
 * Bad input of any shape (malformed JSON, wrong types, unknown enum values, numbers out of range) is a 422 with the
 * field named, never a 500. Modules add their own refusals (409, 412) in advices ordered before this one.
 */
@RestControllerAdvice(annotations = PortalApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException missing) {
        return ApiProblem.response(HttpStatus.NOT_FOUND, "Not found, or not yours to see.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return ApiProblem.response(HttpStatus.FORBIDDEN, denied.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException raced) {
        return ApiProblem.response(HttpStatus.PRECONDITION_FAILED,
                "Someone changed this meanwhile; read it again (its ETag changed) and retry.");
    }

    @ExceptionHandler(dev.ilbportal.web.InputRefusedException.class)
    ResponseEntity<ProblemDetail> refusedInput(dev.ilbportal.web.InputRefusedException refused) {
        return ApiProblem.response(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException invalid) {
        log.info("API input refused: {}", shortened(invalid.getMessage()));
        return ApiProblem.response(ApiProblem.invalid("The input was not accepted.",
                List.of(new FieldProblem("body", "A value is not acceptable here."))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("API request failed", failure);
        return ApiProblem.response(HttpStatus.INTERNAL_SERVER_ERROR, "The portal failed; nothing was changed by "
                + "this request unless its response said so.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String message = "The body is not valid JSON of the expected shape.";
        if (unreadable.getCause() instanceof JacksonException jackson) {
            String path = pathOf(jackson);
            if (!path.isEmpty()) {
                field = path;
                message = "This value has the wrong type, is out of range or is not one of the allowed values.";
            }
        }
        return ResponseEntity.unprocessableContent().body(ApiProblem.invalid("The body could not be read.",
                List.of(new FieldProblem(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage())).toList();
        return ResponseEntity.unprocessableContent().body(ApiProblem.invalid("Some fields are not valid.", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.unprocessableContent().body(ApiProblem.invalid("Some parameters are not valid.",
                errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
        return ResponseEntity.unprocessableContent().body(ApiProblem.invalid("A parameter has the wrong type.",
                List.of(new FieldProblem(field, "This value has the wrong type."))));
    }

    /** The JSON path of a value Jackson could not bind, as {@code ports[1].sourcePort}. */
    static String pathOf(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
