package dev.ilbportal.requests.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The approval policy.
 *
 * @param approvalsNeeded how many different approvers must approve the same revision
 * @param expiry          how long a submitted request waits for its decision before it expires
 * @param expiryCheck     how often the expiry job looks for requests that are due
 * @param restoreWithoutApproval whether a firewall restore whose plan only deletes ingress rules is approved by
 *                        policy at once (audited as such); a re-attach of the firewall always waits for an approver
 */
@Validated
@ConfigurationProperties("portal.requests")
public record RequestsProperties(
        @DefaultValue("1") @Min(1) @Max(10) int approvalsNeeded,
        @DefaultValue("7d") @NotNull Duration expiry,
        @DefaultValue("5m") @NotNull Duration expiryCheck,
        @DefaultValue("false") boolean restoreWithoutApproval) {

    /** The name of the policy that lets pure rule removals through, as the audit trail shows it. */
    public static final String RESTORE_WITHOUT_APPROVAL = "portal.requests.restore-without-approval";
}
