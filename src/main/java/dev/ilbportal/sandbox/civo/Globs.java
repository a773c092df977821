package dev.ilbportal.sandbox.civo;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/** Glob patterns where {@code *} matches any run of characters (slashes too) and everything else is literal. */
final class Globs {

    private Globs() {
    }

    static boolean matches(String glob, String text) {
        StringJoiner regex = new StringJoiner(".*");
        for (String part : glob.split("\\*", -1)) {
            regex.add(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), text);
    }
}
