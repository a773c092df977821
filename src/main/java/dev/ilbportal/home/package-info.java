/** The home page and the navigation: what each role can do, and where to go for it. It offers no API. */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = { "identity", "web", "provisioning" })
package dev.ilbportal.home;
