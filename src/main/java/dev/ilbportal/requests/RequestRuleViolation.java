package dev.ilbportal.requests;

/** An action the workflow does not allow in the request's present state, or for this person; nothing changed. */
public class RequestRuleViolation extends RuntimeException {

    public RequestRuleViolation(String message) {
        super(message);
    }
}
