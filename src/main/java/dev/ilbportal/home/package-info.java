/** The home page, the plain "not built yet" page and other pages that belong to no feature. */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = { "identity", "web", "provisioning" })
package dev.ilbportal.home;
