/** The pages around signing in and out, and the signed-in person on every page's model. */
package dev.ilbportal.identity.web;
