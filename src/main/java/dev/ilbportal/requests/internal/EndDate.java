package dev.ilbportal.requests.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The optional end date a request asks for, as typed: blank means none; otherwise an ISO date after today and no
 * further ahead than {@code portal.requests.max-lifetime}. The problem is said in words for the field.
 *
 * @param date    the end date, or null when none was asked for
 * @param problem what is wrong with what was typed, or null
 */
public record EndDate(LocalDate date, String problem) {

    /** Reads what was typed in the end-date field, against today and the longest lifetime allowed. */
    public static EndDate parse(String typed, LocalDate today, java.time.Duration maxLifetime) {
        if (typed == null || typed.isBlank()) {
            return new EndDate(null, null);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return new EndDate(null, "Enter the end date as YYYY-MM-DD, for example " + today.plusMonths(6) + ".");
        }
        if (!date.isAfter(today)) {
            return new EndDate(null, "The end date must be after today (" + today + ").");
        }
        LocalDate latest = today.plusDays(maxLifetime.toDays());
        if (date.isAfter(latest)) {
            return new EndDate(null, "The end date can be at most " + maxLifetime.toDays() + " days ahead: "
                    + latest + " at the latest.");
        }
        return new EndDate(date, null);
    }
}
