/** How notifications work inside: the outbox, the dispatcher and its channels, webhooks, people and their pages. */
package dev.ilbportal.notifications.internal;
