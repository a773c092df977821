/**
 * Tells people and teams' systems what happened, by email and signed webhooks, through a durable outbox so that a
 * notification commits with the change that caused it and a slow receiver never holds the change up. This package
 * is the module's API (kinds, channels, events, the webhook signature, settings); the rest is nested in
 * {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "identity", "requests", "provisioning", "verification", "audit", "web", "shared" })
package dev.ilbportal.notifications;
