/**
 * The sandbox's mail catcher: an embedded SMTP server (GreenMail) that stands in for the mail server production
 * configures, and a page that shows what it caught. Part of the sandbox module, not of notifications, because the
 * notifications only know Spring's {@code JavaMailSender}; which server is behind it is the sandbox's business.
 */
package dev.ilbportal.sandbox.mail;
