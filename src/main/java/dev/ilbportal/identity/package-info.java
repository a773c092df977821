/** Who is signed in: OIDC login, roles and teams from the groups claim, and the security rules for every URL. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.ilbportal.identity;
