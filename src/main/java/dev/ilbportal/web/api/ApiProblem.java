package dev.ilbportal.web.api;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the API's Problem Details (RFC 9457); field problems go in {@code errors}, sorted by field. */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    public static ProblemDetail invalid(String detail, Collection<FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setProperty("errors", errors.stream()
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList());
        return problem;
    }

    /** The problems by field, as the wizard's services report them. */
    public static ProblemDetail invalid(String detail, Map<String, String> byField) {
        return invalid(detail, byField.entrySet().stream()
                .map(entry -> new FieldProblem(entry.getKey(), entry.getValue())).toList());
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String detail) {
        return response(of(status, detail));
    }

    static List<FieldProblem> one(String field, String message) {
        return List.of(new FieldProblem(field, message));
    }
}
