package org.annualreview.cli;

import static org.annualreview.cli.TextTable.Align.LEFT;
import static org.annualreview.cli.TextTable.Align.RIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The tables `stats` prints: columns as wide as their widest cell, whatever words a cell holds. */
class TextTableTest {

    @Test
    void aCellOfWordsWidensItsColumnAndMovesNoOther() {
        String table = TextTable.of(LEFT, LEFT, LEFT)
                .row("Key statistics", "", "Average of Metropolitan Boroughs")
                .row("Complaints upheld", "67% (2 of 3)", "75%")
                .row("Compliance with recommendations", "no recommendations due for compliance", "100%")
                .toString();

        assertThat(table).isEqualTo("""
                Key statistics                                                          Average of Metropolitan Boroughs
                Complaints upheld                67% (2 of 3)                           75%
                Compliance with recommendations  no recommendations due for compliance  100%
                """);
    }

    @Test
    void numbersLineUpOnTheRightAndNoLineEndsInSpaces() {
        String table = TextTable.of(LEFT, RIGHT, LEFT)
                .row("Organisation", "Dealt with", "Compliance")
                .row("Knowsley Metropolitan Borough Council", "1,234", "")
                .row("Liverpool City Council", "7", "none due")
                .toString();

        assertThat(table).isEqualTo("""
                Organisation                           Dealt with  Compliance
                Knowsley Metropolitan Borough Council       1,234
                Liverpool City Council                          7  none due
                """);
    }

    @Test
    void anIndentStartsEveryLine() {
        java.io.StringWriter text = new java.io.StringWriter();
        TextTable.of(LEFT, RIGHT).row("Upheld", "2").row("Not upheld", "13").print(new java.io.PrintWriter(text, true), "  ");

        assertThat(text.toString()).isEqualTo("  Upheld       2\n  Not upheld  13\n");
    }

    @Test
    void aRowOfTheWrongLengthIsAMistake() {
        assertThatThrownBy(() -> TextTable.of(LEFT, RIGHT).row("one")).hasMessage("a row of 1 cells in a table of 2 columns");
    }
}
