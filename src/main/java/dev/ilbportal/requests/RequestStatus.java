package dev.ilbportal.requests;

/** Where a request stands: a draft only its team sees, then waiting for decisions, then one final outcome. */
public enum RequestStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    EXPIRED;

    public boolean isOpen() {
        return this == DRAFT || this == SUBMITTED;
    }

    public boolean isFinal() {
        return !isOpen();
    }
}
