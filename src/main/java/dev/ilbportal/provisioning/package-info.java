/**
 * Carries an approved request to an available internal load balancer through durable, resumable jobs, and keeps the
 * inventory of what it built.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Provisioning",
        allowedDependencies = { "civo", "civo :: model", "kubernetes", "requests", "identity", "web", "shared" })
package dev.ilbportal.provisioning;
