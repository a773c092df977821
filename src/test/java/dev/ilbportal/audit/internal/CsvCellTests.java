package dev.ilbportal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV cells never run as spreadsheet formulas, and dropping one leading apostrophe gives back every stored value. */
class CsvCellTests {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted"})
    void formulaLikeValuesGetALeadingApostropheThatTheVerifierDrops(String value) {
        String cell = CsvCell.of(value);
        assertThat(cell).startsWith("\"'");
        String unquoted = cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
        assertThat(unquoted.substring(1)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Riley Rao", "{\"a\":1}", "request.submitted", "1a2b"})
    void ordinaryValuesAreOnlyQuoted(String value) {
        assertThat(CsvCell.of(value)).isEqualTo("\"" + value.replace("\"", "\"\"") + "\"");
    }
}
