package dev.ilbportal.identity;

import java.util.Locale;

/** The four things a person can be in the portal; granted through groups of the identity provider. */
public enum PortalRole {

    REQUESTER("Requester", "Request internal load balancers for your teams and follow them to the end."),
    APPROVER("Approver", "Approve or reject the requests of others, one revision at a time."),
    AUDITOR("Auditor", "Read everything: inventory, timelines, verification history and the audit log."),
    ADMIN("Admin", "Change settings, retry or cancel failed provisioning, force verifications.");

    private final String title;
    private final String purpose;

    PortalRole(String title, String purpose) {
        this.title = title;
        this.purpose = purpose;
    }

    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    /** The Spring Security authority that stands for this role, e.g. {@code ROLE_APPROVER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The name used in {@code hasRole(..)} expressions. */
    public String roleName() {
        return name();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
