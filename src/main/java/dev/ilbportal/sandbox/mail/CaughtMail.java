package dev.ilbportal.sandbox.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail the sandbox caught, with its body cut into text and links so the page can make the links clickable. */
record CaughtMail(String to, String subject, Instant sentAt, List<Segment> body) {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    /** A piece of a mail body: plain text, or a link. */
    record Segment(String text, boolean link) {
    }

    static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                segments.add(new Segment(text.substring(at, matcher.start()), false));
            }
            segments.add(new Segment(matcher.group(), true));
            at = matcher.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false));
        }
        return segments;
    }
}
