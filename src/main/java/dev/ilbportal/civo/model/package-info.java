/** The bodies Civo's API sends and receives, as records other modules may use (and the sandbox may serve). */
@org.springframework.modulith.NamedInterface("model")
package dev.ilbportal.civo.model;
