package dev.ilbportal.requests;

/** A plan as it is frozen into a revision: its canonical JSON and the SHA-256 of that JSON. */
public record SubmittedPlan(String json, String hash) {
}
