package dev.ilbportal.requests.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

/**
 * What one of the request page's action forms posts: the version of the request the person saw, the revision and
 * plan hash they decide on, and, where the decision needs one, a reason.
 */
public record DecisionForm(
        @NotNull(groups = {Default.class, DecisionForm.NeedsReason.class}) Long version,
        Integer revision,
        String planHash,
        @NotBlank(groups = NeedsReason.class, message = REASON_REQUIRED)
        @Size(max = 2000, groups = NeedsReason.class, message = "Keep the reason under 2,000 characters.")
        @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", groups = NeedsReason.class,
                message = "The reason contains a control character (NUL, for example); remove it.")
        String reason) {

    static final String REASON_REQUIRED = "A reason is required: say why, in words the requester and auditors "
            + "will read.";

    /** The validation group of decisions that must say why: rejections and overrides. */
    public interface NeedsReason {
    }

    static DecisionForm blank() {
        return new DecisionForm(null, null, null, null);
    }

    int revisionNumber() {
        return revision == null ? 0 : revision;
    }
}
