/**
 * Requests for internal load balancers: the wizard's drafts, submitted revisions, and the approval workflow that
 * ties every decision to one revision of the plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requests",
        allowedDependencies = { "identity", "civo", "civo :: model", "kubernetes", "web", "shared" })
package dev.ilbportal.requests;
