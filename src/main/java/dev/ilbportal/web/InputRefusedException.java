package dev.ilbportal.web;

/**
 * A parameter no page sends and the portal will not pass on (to the database, for one: PostgreSQL refuses NUL in
 * text); shown as a 400 page with this message. Nothing was changed.
 */
public class InputRefusedException extends RuntimeException {

    public InputRefusedException(String message) {
        super(message);
    }

    /** Refuses a parameter holding NUL or another control character. */
    public static void ifControlCharacters(String parameter, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw new InputRefusedException("The filter \"" + parameter + "\" contains a control character (NUL, "
                    + "for example); remove it and search again. Nothing was changed.");
        }
    }
}
