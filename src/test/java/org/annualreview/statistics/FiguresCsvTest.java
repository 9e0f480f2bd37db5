package org.annualreview.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresCsvTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+44 council|'+44 council",
        "-1|'-1",
        "@SUM(A1)|'@SUM(A1)",
        "Knowsley Metropolitan Borough Council|Knowsley Metropolitan Borough Council",
        "St Helens = good|St Helens = good"})
    void aCellASpreadsheetWouldTakeForAFormulaIsWrittenAsText(String cell, String written) {
        assertThat(FiguresCsv.safe(cell)).isEqualTo(written);
    }
}
