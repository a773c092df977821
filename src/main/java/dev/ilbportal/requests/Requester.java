package dev.ilbportal.requests;

import dev.ilbportal.identity.CurrentUser;

/** Who did something to a request, as recorded on it: stable subject plus the name shown to people. */
public record Requester(String subject, String displayName) {

    public static Requester of(CurrentUser user) {
        return new Requester(user.subject(), user.displayName());
    }
}
