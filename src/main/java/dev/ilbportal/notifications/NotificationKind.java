package dev.ilbportal.notifications;

import java.util.Locale;

/** What a notification is about; people choose per kind which ones they receive. */
public enum NotificationKind {

    REQUEST_SUBMITTED("A request waits for approval", "Sent to approvers when a request is submitted."),
    EXPIRY_REMINDER("A request is about to expire", "Sent to approvers shortly before an undecided request expires."),
    REQUEST_APPROVED("Your request was approved", "Sent to the requester when the last approval is in."),
    REQUEST_REJECTED("Your request was rejected", "Sent to the requester, with the approver's reason."),
    PROVISIONED("Your load balancer is ready", "Sent to the requester when provisioning finished."),
    PROVISIONING_FAILED("Provisioning failed", "Sent to the requester and to admins when provisioning fails."),
    DRIFTED("A load balancer drifted", "Sent to the load balancer's team and admins when it fails verification."),
    RECOVERED("A load balancer recovered", "Sent to the load balancer's team and admins when it passes again.");

    private final String title;
    private final String description;

    NotificationKind(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The name in webhook bodies, e.g. {@code request_submitted}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
