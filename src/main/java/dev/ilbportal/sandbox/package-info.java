/** The sandbox that lets the portal run without outside services: embedded PostgreSQL and an embedded OIDC provider. */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox")
package dev.ilbportal.sandbox;
