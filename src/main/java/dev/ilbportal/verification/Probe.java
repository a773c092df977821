package dev.ilbportal.verification;

/**
 * What one connection attempt saw.
 *
 * @param reach      whether it connected, was refused, timed out, had no route, or could not be tried
 * @param detail     words for people
 * @param httpStatus the status of an HTTP GET after connecting, when one was asked for and answered
 */
public record Probe(Reach reach, String detail, Integer httpStatus) {

    /**
     * How a connection attempt ended. {@code UNTRUSTED} is a remote agent's answer that was unsigned or whose
     * signature did not match: it is thrown away, never read.
     */
    public enum Reach { CONNECTED, REFUSED, TIMED_OUT, UNROUTABLE, ERROR, UNTRUSTED }

    public boolean connected() {
        return reach == Reach.CONNECTED;
    }
}
