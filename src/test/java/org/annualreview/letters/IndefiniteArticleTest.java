package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code {{ course | withArticle }}}: "a" or "an" as the next word sounds, not as it is spelt. */
class IndefiniteArticleTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            an | effective complaint handling course
            a  | children's social care complaint handling course
            an | adult social care course
            an | Effective Complaint Handling course
            an | hour
            an | honest answer
            an | honour
            a  | hotel
            a  | university
            a  | unique remedy
            a  | user
            a  | usual delay
            a  | European body
            an | unimportant fault
            an | uninformed decision
            an | unusual case
            an | umbrella
            a  | one-off payment
            a  | once-a-year review
            an | onerous duty
            an | MP
            an | MPs' briefing
            an | LGSCO course
            an | NHS trust
            an | HR team
            an | FBI
            an | A
            a  | B
            an | x-ray
            a  | UK council
            a  | SEND tribunal
            a  | STAR survey
            a  | CQC inspection
            an | ICO decision
            an | 8
            an | 8-week deadline
            an | 80% share
            an | 800
            an | 11
            an | 11th
            an | 18
            an | 18.5 per 100,000
            an | "11,000"
            an | "18,400"
            an | "8,000"
            a  | 1
            a  | 110
            a  | "1,100"
            a  | 12
            a  | 180
            a  | 2
            an | "'effective' course"
            """)
    void picksAOrAnByTheSoundOfTheFollowingWord(String article, String words) {
        assertThat(IndefiniteArticle.article(words)).isEqualTo(article);
        assertThat(new IndefiniteArticle().apply(words, null, null, null, 0)).isEqualTo(article + " " + words);
    }

    @org.junit.jupiter.api.Test
    void nothingGetsNoArticle() {
        assertThat(new IndefiniteArticle().apply("", null, null, null, 0)).isEqualTo("");
        assertThat(new IndefiniteArticle().apply(null, null, null, null, 0)).isEqualTo("");
        assertThat(new IndefiniteArticle().apply(8L, null, null, null, 0)).isEqualTo("an 8");
    }
}
