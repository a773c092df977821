package dev.ilbportal.notifications;

/** How a notification travels: a mail to a person, or a signed HTTP call to a team's (or the global) webhook. */
public enum Channel {
    EMAIL,
    WEBHOOK
}
