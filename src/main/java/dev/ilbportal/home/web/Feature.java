package dev.ilbportal.home.web;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each role can do in the portal, as the home page and navigation show it; each feature links to its own page,
 * which checks the role again on the server.
 */
public enum Feature {

    NEW_REQUEST("new-request", "/requests/new", "Request an internal load balancer",
            "A three-step wizard: firewall, load balancer, review. The plan shows the exact Civo calls.",
            EnumSet.of(PortalRole.REQUESTER)),
    TEAM_REQUESTS("team-requests", "/requests", "Your teams' requests",
            "Drafts, submitted requests and their progress, for every team you belong to.",
            EnumSet.of(PortalRole.REQUESTER)),
    APPROVAL_QUEUE("approval-queue", "/approvals", "Approval queue",
            "Requests waiting for a decision, oldest first, with what changed since the last revision.",
            EnumSet.of(PortalRole.APPROVER)),
    INVENTORY("inventory", "/inventory", "Internal load balancers",
            "Every internal load balancer with its status and last verification.",
            EnumSet.of(PortalRole.REQUESTER, PortalRole.AUDITOR, PortalRole.ADMIN)),
    AUDIT_LOG("audit-log", "/audit", "Audit log",
            "Every action, hash-chained: filter, read timelines, export and check the chain.",
            EnumSet.of(PortalRole.AUDITOR)),
    ADMINISTRATION("administration", "/admin/provisioning", "Administration",
            "Failed provisioning to retry or abandon, and jobs under way.",
            EnumSet.of(PortalRole.ADMIN));

    private final String slug;
    private final String path;
    private final String title;
    private final String description;
    private final Set<PortalRole> roles;

    Feature(String slug, String path, String title, String description, Set<PortalRole> roles) {
        this.slug = slug;
        this.path = path;
        this.title = title;
        this.description = description;
        this.roles = roles;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Set<PortalRole> roles() {
        return roles;
    }

    /** The short label in the navigation bar, so the bar fits a laptop screen. */
    public String navLabel() {
        return switch (this) {
            case NEW_REQUEST -> "New request";
            case TEAM_REQUESTS -> "Requests";
            case APPROVAL_QUEUE -> "Approvals";
            case INVENTORY -> "Load balancers";
            case AUDIT_LOG -> "Audit log";
            case ADMINISTRATION -> "Administration";
        };
    }

    /** Where the feature's page lives. */
    public String path() {
        return path;
    }

    public boolean isOpenTo(CurrentUser user) {
        return roles.stream().anyMatch(user::has);
    }

    public static List<Feature> openTo(CurrentUser user) {
        return Arrays.stream(values()).filter(feature -> feature.isOpenTo(user)).toList();
    }
}
