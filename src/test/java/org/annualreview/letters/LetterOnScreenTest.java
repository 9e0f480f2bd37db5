package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.annualreview.shared.ReportingYear;
import org.junit.jupiter.api.Test;

class LetterOnScreenTest {

    private static final String KEPT = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\" />\n<style>table.chart th { width: 55mm; }</style>\n"
            + "</head>\n<body><p>Dear Chief Executive</p></body>\n</html>\n";

    @Test
    void aKeptLetterIsShownWithAViewportAndNarrowScreenStylesAfterItsOwnAndItsWordsUnchanged() {
        String shown = letter(KEPT).htmlForScreens();

        assertThat(shown).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
        assertThat(shown.indexOf("@media screen and (max-width: 40em)")).as("after the letter's own styles, to override them")
                .isGreaterThan(shown.indexOf("table.chart th { width: 55mm; }"));
        assertThat(shown.substring(shown.indexOf("</head>"))).isEqualTo(KEPT.substring(KEPT.indexOf("</head>")));
        assertThat(letter(KEPT).html()).as("the letter as kept").isEqualTo(KEPT);
    }

    @Test
    void aLetterThatHasItsOwnViewportIsShownAsKept() {
        String own = KEPT.replace("<head>", "<head><meta name=\"viewport\" content=\"width=device-width\" />");

        assertThat(letter(own).htmlForScreens()).isEqualTo(own);
    }

    private static Letters.Letter letter(String html) {
        return new Letters.Letter("E08000011", ReportingYear.parse("2025-26"), 1, 1, "Dear Chief Executive", html, new byte[0]);
    }
}
