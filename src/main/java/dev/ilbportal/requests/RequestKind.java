package dev.ilbportal.requests;

/** What an approved request makes happen: a new internal load balancer, or the removal of one. */
public enum RequestKind {
    PROVISION("New internal load balancer"),
    DECOMMISSION("Decommission");

    private final String title;

    RequestKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
