/** The contract every module's events follow, so that each action lands in the audit trail the same way. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.ilbportal.shared;
