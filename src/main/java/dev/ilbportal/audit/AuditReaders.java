package dev.ilbportal.audit;

import dev.ilbportal.identity.CurrentUser;
import dev.ilbportal.identity.PortalRole;

/**
 * Who reads the audit trail, for its pages and the API alike: auditors only, not even admins, so that nobody who can
 * change things reads their own trail unseen.
 */
public final class AuditReaders {

    public static final PortalRole ROLE = PortalRole.AUDITOR;

    private AuditReaders() {
    }

    public static boolean mayRead(CurrentUser user) {
        return user.has(ROLE);
    }
}
