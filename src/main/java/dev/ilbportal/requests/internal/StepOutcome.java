package dev.ilbportal.requests.internal;

import java.util.UUID;

/**
 * What saving one wizard step came to: saved (with the request's id), or refused with the problems by field, or
 * not checked because Civo did not answer. Input is never lost: the page re-renders what was typed.
 *
 * @param requestId    the saved request, or null when nothing was saved
 * @param problems     the step's problems by field (empty when saved)
 * @param civoFailure  why Civo-backed rules could not run, or null
 */
public record StepOutcome(UUID requestId, SpecProblems problems, String civoFailure) {

    static StepOutcome saved(UUID requestId) {
        return new StepOutcome(requestId, new SpecProblems(), null);
    }

    public static StepOutcome refused(SpecProblems problems) {
        return new StepOutcome(null, problems, null);
    }

    static StepOutcome civoDidNotAnswer(String reason) {
        return new StepOutcome(null, new SpecProblems(), "Civo did not answer: " + reason
                + ". Your input is kept; try again.");
    }

    public boolean isSaved() {
        return requestId != null;
    }
}
