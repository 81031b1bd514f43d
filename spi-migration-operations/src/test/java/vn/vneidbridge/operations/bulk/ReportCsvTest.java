package vn.vneidbridge.operations.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {

    @Test
    void aLineHoldsTheKeyTheOutcomeTheSortedFieldsAndTheTime() {
        assertThat(ReportCsv.line("L-42", "MISMATCH", List.of("FULL_NAME", "BIRTH_DATE"), 0))
                .isEqualTo("L-42,MISMATCH,BIRTH_DATE FULL_NAME,1970-01-01T00:00:00Z\r\n");
    }

    @Test
    void aKeyThatASpreadsheetWouldRunIsDefused() {
        assertThat(ReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ReportCsv.cell("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void theHeaderNamesNoPersonalDataColumn() {
        assertThat(ReportCsv.HEADER).doesNotContain("cccd").doesNotContain("name").doesNotContain("birth");
    }
}
