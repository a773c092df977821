package dev.ilbportal.requests.approval;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * One request waiting in the approval queue, as its row shows it.
 *
 * @param changedFields for a revision after the first: how many fields differ from the revision before; else 0
 */
public record QueueEntry(UUID id, String name, String team, String region, String requesterName,
                         ZonedDateTime submittedAt, Duration waiting, int revision, int changedFields) {

    /** Whether the approver should look at a diff: this is a resubmission. */
    public boolean isResubmission() {
        return revision > 1;
    }

    /** How long it has waited, to the hour, in words. */
    public String waitingText() {
        long days = waiting.toDays();
        long hours = waiting.toHoursPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + waiting.toMinutesPart() + " min";
        }
        return Math.max(0, waiting.toMinutes()) + " min";
    }
}
