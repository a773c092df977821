package dev.ilbportal.requests.internal;

/** A spec as the aggregate keeps it: its JSON, plus the region and name that lists and queries need. */
public record SpecSnapshot(String json, String region, String name) {
}
