package dev.ilbportal.audit.internal;

/**
 * A CSV cell that a spreadsheet shows and never runs: a value starting with {@code = + - @}, a tab or a carriage
 * return (what spreadsheets take for a formula) gets a leading apostrophe, and so does one that already starts with an
 * apostrophe, so that "drop one leading apostrophe" restores every value exactly (docs/audit-integrity.md "CSV").
 * Only the CSV view changes: hashes are computed over the stored values.
 */
public final class CsvCell {

    private CsvCell() {
    }

    /** The value quoted per RFC 4180 and neutralised; null (absent) stays an empty cell. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder cell = new StringBuilder(value.length() + 4).append('"');
        if (needsApostrophe(value)) {
            cell.append('\'');
        }
        return cell.append(value.replace("\"", "\"\"")).append('"').toString();
    }

    public static boolean needsApostrophe(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\'';
    }
}
