package dev.ilbportal.verification;

/** One check's outcome with what it looked at, from where, what it saw and how long it took. */
public record CheckResult(CheckName check, Outcome outcome, String target, String vantage, String detail,
                          long durationMillis) {
}
