package dev.ilbportal.notifications.internal;

/** What a notification says about a request: its name and who asked for it. */
record RequestSummary(String name, String requesterSubject, String requesterName) {
}
