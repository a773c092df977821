package dev.ilbportal.requests.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The end date as typed: optional, an ISO date after today, no further than the configured maximum. */
class EndDateTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final Duration YEAR = Duration.ofDays(365);

    @Test
    void blankMeansNoEndDate() {
        assertThat(EndDate.parse("  ", TODAY, YEAR)).isEqualTo(new EndDate(null, null));
        assertThat(EndDate.parse(null, TODAY, YEAR)).isEqualTo(new EndDate(null, null));
    }

    @Test
    void acceptsTomorrowAndTheLastDayAllowed() {
        assertThat(EndDate.parse("2026-12-02", TODAY, YEAR).date()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(EndDate.parse(" 2027-12-01 ", TODAY, YEAR).date()).isEqualTo(LocalDate.of(2027, 12, 1));
    }

    @Test
    void refusesGarbageWithTheFormatToUse() {
        EndDate garbage = EndDate.parse("next tuesday", TODAY, YEAR);
        assertThat(garbage.date()).isNull();
        assertThat(garbage.problem()).isEqualTo("Enter the end date as YYYY-MM-DD, for example 2027-06-01.");
        assertThat(EndDate.parse("2027-02-30", TODAY, YEAR).problem()).startsWith("Enter the end date as");
        assertThat(EndDate.parse("2027-01-01\u0000", TODAY, YEAR).problem()).startsWith("Enter the end date as");
    }

    @Test
    void refusesTodayAndThePast() {
        assertThat(EndDate.parse("2026-12-01", TODAY, YEAR).problem())
                .isEqualTo("The end date must be after today (2026-12-01).");
        assertThat(EndDate.parse("1999-01-01", TODAY, YEAR).problem()).startsWith("The end date must be after today");
    }

    @Test
    void refusesADateBeyondTheMaximumLifetime() {
        assertThat(EndDate.parse("2027-12-02", TODAY, YEAR).problem())
                .isEqualTo("The end date can be at most 365 days ahead: 2027-12-01 at the latest.");
        assertThat(EndDate.parse("9999-12-31", TODAY, Duration.ofDays(30)).problem())
                .isEqualTo("The end date can be at most 30 days ahead: 2026-12-31 at the latest.");
    }
}
