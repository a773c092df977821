package dev.ilbportal.requests.web;

import dev.ilbportal.requests.internal.SpecProblems;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What the binder refused to put into a wizard form (a non-number in a number field): a message per field, read
 * from {@code messages.properties} ({@code typeMismatch.<field>}), and the text as typed, so the page shows "80a"
 * back beside its message while the form itself holds no made-up value.
 */
final class RefusedInput {

    private static final RefusedInput NONE = new RefusedInput(Map.of(), new SpecProblems());

    private final Map<String, String> typed;
    private final SpecProblems problems;

    private RefusedInput(Map<String, String> typed, SpecProblems problems) {
        this.typed = typed;
        this.problems = problems;
    }

    static RefusedInput none() {
        return NONE;
    }

    static RefusedInput of(BindingResult binding, MessageSource messages) {
        if (!binding.hasFieldErrors()) {
            return NONE;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        SpecProblems problems = new SpecProblems();
        for (FieldError error : binding.getFieldErrors()) {
            typed.put(error.getField(), error.getRejectedValue() == null ? "" : error.getRejectedValue().toString());
            problems.add(error.getField(), messages.getMessage(error, Locale.ENGLISH));
        }
        return new RefusedInput(Map.copyOf(typed), problems);
    }

    boolean isEmpty() {
        return typed.isEmpty();
    }

    /** The refused fields' messages first, then the rules' messages for every other field. */
    SpecProblems withRulesProblems(SpecProblems rules) {
        SpecProblems all = new SpecProblems();
        problems.byField().forEach(all::add);
        rules.byField().forEach(all::add);
        return all;
    }

    /** What the page shows in a field: the text as typed if the binder refused it, else the form's value. */
    public Object of(String field, Object current) {
        return typed.containsKey(field) ? typed.get(field) : current;
    }
}
