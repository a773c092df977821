package dev.ilbportal.web.api;

/**
 * One field's problem in a Problem Details body ({@code errors}): the field as the wizard names it (for example
 * {@code ports[1].sourcePort}) and the message the wizard shows beside it.
 */
public record FieldProblem(String field, String message) {
}
