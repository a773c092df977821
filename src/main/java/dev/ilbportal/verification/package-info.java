/**
 * Proves, with real connections, that an internal load balancer is reachable from inside its network and not from
 * outside, and keeps proving it: checks, vantage points, schedules and drift.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verification",
        allowedDependencies = { "civo", "civo :: model", "kubernetes", "provisioning", "identity", "web", "shared" })
package dev.ilbportal.verification;
