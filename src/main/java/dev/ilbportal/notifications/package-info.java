/**
 * Tells people and teams' systems what happened, by email and signed webhooks, through a durable outbox so that a
 * notification commits with the change that caused it and a slow receiver never holds the change up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = { "identity", "requests", "provisioning", "verification", "web" })
package dev.ilbportal.notifications;
