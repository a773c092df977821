/** The typed client of Civo's API: records for every body, Civo's errors as exceptions, retries and rate limits. */
@org.springframework.modulith.ApplicationModule(displayName = "Civo")
package dev.ilbportal.civo;
