package dev.ilbportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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

    @Test
    void theExportNeutralisesAnActorNameThatLooksLikeAFormulaWithoutChangingItsHash() {
        AuditEvent event = new AuditEvent(7, Instant.parse("2026-03-01T10:15:30Z"), "mallory", "=cmd|' /C calc'!A0",
                "REQUESTER", "request.submitted", "request", "r-1", "payments", "r-1", null, null, null, "{}",
                AuditChain.GENESIS, null);
        String hash = AuditChain.hashOf(event);

        String line = AuditExport.csv(event);
        assertThat(line).contains(",\"'=cmd|' /C calc'!A0\",");
        assertThat(AuditChain.hashOf(event)).as("hashes are over the stored value").isEqualTo(hash);
    }
}
