/** The append-only, hash-chained audit trail of every action, and the auditor's pages: log, timelines, exports, chain check. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "identity", "requests", "verification", "web", "shared" })
package dev.ilbportal.audit;
