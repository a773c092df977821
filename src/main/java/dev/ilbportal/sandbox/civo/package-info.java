/**
 * The Civo API simulator: an in-process HTTP server that speaks Civo's API over a seeded world, with a network model
 * whose load balancers accept real TCP connections, so the portal can run, be demoed and be tested without Civo.
 */
package dev.ilbportal.sandbox.civo;
