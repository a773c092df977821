package dev.ilbportal.requests;

/** What an approved request makes happen: a new internal load balancer, the removal of one, or
 * the restoring of its firewall. */
public enum RequestKind {
    PROVISION("New internal load balancer"),
    DECOMMISSION("Decommission"),
    /** Takes an exposed load balancer's firewall back to what was approved: offending rules deleted, or re-attached. */
    RESTORE_FIREWALL("Restore the firewall");

    private final String title;

    RequestKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
