/** How identity works inside: the security filter chain, group mapping, session lifetime and folded refusals. */
package dev.ilbportal.identity.internal;
