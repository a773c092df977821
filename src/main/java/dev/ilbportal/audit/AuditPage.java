package dev.ilbportal.audit;

import java.util.List;

/**
 * One page of the audit log, newest first, with the keyset cursors to the neighbouring pages (null when there is
 * none), so that paging stays fast however long the trail grows.
 */
public record AuditPage(List<AuditEvent> events, Long newerThan, Long olderThan) {

    public static final int SIZE = 50;
}
