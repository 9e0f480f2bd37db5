package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A letter's plain text compared paragraph by paragraph, as staff compare two versions before approving. */
class TextChangeTest {

    static final String BEFORE = "17 July 2024\n\nBy email\n\nDear Chief Executive\n\nWe upheld 50% (2 of 4).\n\nThank you.\n\nYours\n\nThe Ombudsman";
    static final String AFTER = "17 July 2024\n\nBy email\n\nDear Chief Executive\n\nWe upheld 60% (3 of 5).\n\nThank you.\n\nYours\n\nThe Ombudsman";

    @Test
    void aChangedParagraphIsRemovedThenAddedWithOneUnchangedParagraphAboutItAndTheRestCountedWithoutBlankLines() {
        List<TextChange.Row> rows = TextChange.paragraphRows(BEFORE, AFTER);

        assertThat(rows).containsExactly(
                new TextChange.Row(TextChange.Kind.SKIPPED, 0, 0, "2 unchanged paragraphs"),
                new TextChange.Row(TextChange.Kind.UNCHANGED, 3, 3, "Dear Chief Executive"),
                new TextChange.Row(TextChange.Kind.REMOVED, 4, 0, "We upheld 50% (2 of 4)."),
                new TextChange.Row(TextChange.Kind.ADDED, 0, 4, "We upheld 60% (3 of 5)."),
                new TextChange.Row(TextChange.Kind.UNCHANGED, 5, 5, "Thank you."),
                new TextChange.Row(TextChange.Kind.SKIPPED, 0, 0, "2 unchanged paragraphs"));
    }

    @Test
    void theSameWordsLaidOutWithOtherBlankLinesAreNoChange() {
        assertThat(TextChange.paragraphRows(BEFORE, BEFORE.replace("\n\n", "\n\n\n"))).containsExactly(
                new TextChange.Row(TextChange.Kind.SKIPPED, 0, 0, "7 unchanged paragraphs"));
        assertThat(TextChange.paragraphs(BEFORE.replace("\n\n", "\n  \n"))).isEqualTo(TextChange.paragraphs(BEFORE));
    }

    @Test
    void theAuditLogStillComparesLineByLineWithThreeLinesAbout() {
        assertThat(TextChange.rows("a\nb\nc\nd\ne\nf", "a\nb\nc\nd\ne\nF")).first()
                .isEqualTo(new TextChange.Row(TextChange.Kind.SKIPPED, 0, 0, "2 unchanged lines"));
    }
}
