/**
 * Who is signed in: OIDC login, roles and teams from the groups claim, and the security rules for every URL. This
 * package is the module's API (the current user, roles, URL rules, events); the rest is nested in {@code internal}
 * and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.ilbportal.identity;
