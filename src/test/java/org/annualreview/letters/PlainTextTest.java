package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.annualreview.letters.LetterLayout.PlainTextLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain text of a letter's (or an email's) Markdown: words only, with no mark of emphasis, underlining or HTML left. */
class PlainTextTest {

    private static String text(String markdown) {
        return PlainText.of(markdown, PlainTextLinks.TEXT_AND_ADDRESS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            our interactive map, <u>Your council's performance</u>, on 24 July. => our interactive map, Your council's performance, on 24 July.
            <b>Bold</b>, <strong>strong</strong>, <em>stressed</em> and <i>italic</i> words. => Bold, strong, stressed and italic words.
            <U>Shouted</U> and <u class="x">classed</u> tags. => Shouted and classed tags.
            A comment<!-- for staff only --> goes. => A comment goes.
            **24 July 2026** and __24 July 2026__, *stressed* and _stressed_. => 24 July 2026 and 24 July 2026, stressed and stressed.
            <u>**Both**</u> at once. => Both at once.
            """)
    void underlinedAndBoldWordsArePlainWords(String markdown, String text) {
        assertThat(text(markdown)).isEqualTo(text + "\n");
    }

    @Test
    void aLineBreakTagIsANewLine() {
        assertThat(text("Mr Reeves<br>Chief Executive<br/>Liverpool City Council")).isEqualTo("Mr Reeves\nChief Executive\nLiverpool City Council\n");
    }

    @Test
    void boldLeavesNoAsterisksInAListItemAHeadingOrAPipeTable() {
        assertThat(text("""
                ## The **key** figures

                - **Complaints upheld**: 80%
                - *Compliance*: <u>100%</u>

                | Statistic | **Figure** |
                |---|---|
                | **Upheld** | <b>80%</b> |
                """)).isEqualTo("""
                The key figures

                - Complaints upheld: 80%
                - Compliance: 100%

                | Statistic | Figure | |---|---| | Upheld | 80% |
                """);
    }

    @Test
    void aBlockOfHtmlIsItsWordsARowToALine() {
        assertThat(text("""
                Before.

                <table>
                <tr><th>Statistic</th><th>Figure</th></tr>
                <tr><td><u>Upheld</u></td><td><strong>80%</strong></td></tr>
                </table>

                <div><em>After</em></div>
                """)).isEqualTo("Before.\n\nStatistic Figure\nUpheld 80%\n\nAfter\n");
    }

    @Test
    void boldRightAfterAFieldLeavesNoAsterisks() {
        LetterTemplate template = LetterTemplate.compile("t.md", """
                ---
                letter-date: 22 July
                signatory: Michael King
                ---
                We upheld **{{ upheld.shown }}** (**{{ upheld.count }} of {{ upheld.outOf }}**) and publish on **{{ letter.publicationDate }}**.

                {% for course in training.courses %}
                - **{{ course }}**{% if loop.last %}.{% endif %}
                {% endfor %}
                """);

        String markdown = template.render(SampleFields.liverpool(SampleFields.allOnTime(), List.of("Complaint handling", "Reviews")));

        assertThat(text(markdown)).isEqualTo("We upheld 65% (13 of 20) and publish on 29 July 2020.\n\n- Complaint handling\n- Reviews.\n");
    }

    @Test
    void linksAreTheirWordsWithTheAddressOrTheWordsAloneAsTheSettingSays() {
        String markdown = "See [Your council's performance](https://www.lgo.org.uk/your-councils-performance), "
                + "<https://www.lgo.org.uk/training>, [training@lgo.org.uk](mailto:training@lgo.org.uk) and [the annex](#annex).";

        assertThat(PlainText.of(markdown, PlainTextLinks.TEXT_AND_ADDRESS)).isEqualTo("See Your council's performance "
                + "(https://www.lgo.org.uk/your-councils-performance), https://www.lgo.org.uk/training, training@lgo.org.uk and the annex.\n");
        assertThat(PlainText.of(markdown, PlainTextLinks.TEXT)).isEqualTo("See Your council's performance, "
                + "https://www.lgo.org.uk/training, training@lgo.org.uk and the annex.\n");
    }

    @Test
    void theLinkSettingIsWrittenAsTheDocsSay() {
        assertThat(PlainTextLinks.parse("text-and-address")).isEqualTo(PlainTextLinks.TEXT_AND_ADDRESS);
        assertThat(PlainTextLinks.parse(" Text ")).isEqualTo(PlainTextLinks.TEXT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlainTextLinks.parse("words"))
                .hasMessageContaining("write text-and-address or text");
    }
}
