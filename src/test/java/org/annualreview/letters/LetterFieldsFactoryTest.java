package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fields a letter is written from, as worked out from the records. */
class LetterFieldsFactoryTest {

    @ParameterizedTest(name = "{0} workshops against {1}: change {2}, difference {3}, {4}, {5} more")
    @CsvSource(delimiter = '|', textBlock = """
            118 | 71  | 47  | 47 | more                | 47
            118 | 130 | -12 | 12 | fewer               | 0
            118 | 118 | 0   | 0  | the same number of  | 0
            0   | 71  | -71 | 71 | fewer               | 0
            """)
    void theSchemesWorkshopsAreComparedWithLastYearsAndFewerIsNeverANegativeIncrease(long workshops, long lastYear, long change,
            long difference, String moreOrFewer, long more) {
        LetterFields.Scheme scheme = LetterFieldsFactory.scheme(new LetterFieldsFactory.SchemeTotals(workshops, 1_432, OptionalLong.of(lastYear)));

        assertThat(scheme.workshopsLastYear()).isEqualTo(lastYear);
        assertThat(scheme.workshopsChange()).isEqualTo(change);
        assertThat(scheme.workshopsDifference()).isEqualTo(difference);
        assertThat(scheme.moreOrFewer()).isEqualTo(moreOrFewer);
        assertThat(scheme.moreWorkshopsThanLastYear()).isEqualTo(more);
    }

    @org.junit.jupiter.api.Test
    void withoutLastYearsTotalsNoComparisonIsMadeUpFromThisYearsAlone() {
        LetterFields.Scheme scheme = LetterFieldsFactory.scheme(new LetterFieldsFactory.SchemeTotals(118, 1_432, OptionalLong.empty()));

        assertThat(scheme.workshops()).isEqualTo(118);
        assertThat(scheme.moreWorkshopsThanLastYear()).as("not 118 more").isZero();
        assertThat(scheme.workshopsChange()).isZero();
        assertThat(scheme.moreOrFewer()).isEmpty();
    }
}
