package dev.ilbportal.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What a notification is about; people choose per kind which ones they receive. */
public enum NotificationKind {

    REQUEST_SUBMITTED("A request waits for approval", "Sent to approvers when a request is submitted."),
    EXPIRY_REMINDER("A request is about to expire", "Sent to approvers shortly before an undecided request expires."),
    REQUEST_APPROVED("Your request was approved", "Sent to the requester when the last approval is in."),
    REQUEST_REJECTED("Your request was rejected", "Sent to the requester, with the approver's reason."),
    PROVISIONED("Your load balancer is ready", "Sent to the requester when provisioning finished."),
    PROVISIONING_FAILED("Provisioning failed", "Sent to the requester and to admins when provisioning fails."),
    DRIFTED("A load balancer is exposed", "Sent to the load balancer's team and admins when verification finds it "
            + "exposed (a run failed), whatever came before."),
    STALE("A load balancer is stale", "Sent to the load balancer's team and admins when no run passed within twice "
            + "the interval."),
    RECOVERED("A load balancer recovered", "Sent to the load balancer's team and admins when it is proven again."),
    END_DATE_REMINDER("A load balancer reaches its end date soon", "Sent to the load balancer's team 7 days and 1 day "
            + "before the end date its request set; on that day the portal asks for its decommissioning."),
    PROBE_ANSWER_REFUSED("A probe agent's answer was refused", "Sent to admins when a remote probe agent's answer "
            + "is unsigned or its signature does not match."),
    /** Not for people: a signed audit checkpoint, sent to the global webhooks that subscribed to it. */
    AUDIT_CHECKPOINT("An audit checkpoint was signed", "Sent to global webhooks that subscribed to audit "
            + "checkpoints: the chain's head, signed with the portal's audit key.");

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

    /** The name in webhook bodies, e.g. {@code request_submitted}; {@code audit.checkpoint} for checkpoints. */
    public String key() {
        return this == AUDIT_CHECKPOINT ? "audit.checkpoint" : name().toLowerCase(Locale.ROOT);
    }

    /** Whether people receive this kind by mail and may switch it off; checkpoints go to webhooks only. */
    public boolean forPeople() {
        return this != AUDIT_CHECKPOINT;
    }

    /** The kinds people choose from on their notification settings. */
    public static List<NotificationKind> peopleChooseFrom() {
        return Arrays.stream(values()).filter(NotificationKind::forPeople).toList();
    }
}
