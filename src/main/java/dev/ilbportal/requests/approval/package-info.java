/**
 * The approval side of requests: the request page with its decisions, the approvers' queue, and the spec diff that
 * shows what changed between revisions.
 */
package dev.ilbportal.requests.approval;
