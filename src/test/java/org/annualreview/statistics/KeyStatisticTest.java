package org.annualreview.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.organisations.OrganisationKind;
import org.junit.jupiter.api.Test;

class KeyStatisticTest {

    static OrganisationFigures council(String code, Map<Tally, Long> counts, Optional<OrganisationFigures.Population> population) {
        return new OrganisationFigures(code, code, OrganisationKind.METROPOLITAN_BOROUGH, population, counts, Map.of(), Map.of());
    }

    @Test
    void theTypeAveragesKeepTheirPublishedJsonFieldsAndCsvColumns() {
        assertThat(Arrays.stream(KeyStatistic.values()).map(KeyStatistic::averageField))
                .containsExactly("upheldPercent", "upheldPer100000", "compliancePercent", "satisfactoryRemedyPercent", "codeFailuresPercent");
        assertThat(Arrays.stream(KeyStatistic.values()).map(KeyStatistic::averageColumn))
                .containsExactly("type_upheld_percent", "type_upheld_per_100000", "type_compliance_percent", "type_satisfactory_remedy_percent",
                        "type_code_failures_percent");
    }

    @Test
    void eachStatisticIsWorkedOutFromItsMeasuresTalliesAndShownAtItsScale() {
        OrganisationFigures f = council("A", Map.of(Tally.UPHELD, 2L, Tally.INVESTIGATED, 3L, Tally.CASES_COMPLIED, 4L,
                Tally.CASES_COMPLIED_LATE, 1L, Tally.CASES_NOT_COMPLIED, 1L, Tally.COMPLIED, 9L),
                Optional.of(new OrganisationFigures.Population(2023, 155_134)));

        assertThat(KeyStatistic.UPHELD.shown(f)).isEqualTo("67%");
        assertThat(KeyStatistic.UPHELD.counts(f)).isEqualTo("2 upheld of 3 detailed investigations");
        assertThat(KeyStatistic.UPHELD_PER_100000.shown(f)).isEqualTo("1.3");
        assertThat(KeyStatistic.COMPLIANCE.shown(f)).as("5 of 6 cases; the 9 recommendations are detail").isEqualTo("83%");
        assertThat(KeyStatistic.COMPLIANCE.counts(f)).isEqualTo("5 complied of 6 cases due");
        assertThat(KeyStatistic.SATISFACTORY_REMEDY.shown(f)).as("a real 0%: none of 2 upheld").isEqualTo("0%");
    }

    @Test
    void withNothingToDivideByEachShowsItsOwnWordsNeverZeroPercent() {
        OrganisationFigures none = council("B", Map.of(), Optional.empty());
        for (KeyStatistic statistic : KeyStatistic.values()) {
            assertThat(statistic.exact(none)).as(statistic.code()).isEmpty();
            assertThat(statistic.shown(none)).as(statistic.code()).isEqualTo(statistic.whenUndefined()).doesNotContain("0%", "NaN");
        }
    }

    @Test
    void pooledAveragesAddTheCountsAndMeansLeaveOutCouncilsWithNothingToDivideBy() {
        OrganisationFigures a = council("A", Map.of(Tally.UPHELD, 1L, Tally.INVESTIGATED, 4L), Optional.of(new OrganisationFigures.Population(2023, 100_000)));
        OrganisationFigures b = council("B", Map.of(Tally.UPHELD, 3L, Tally.INVESTIGATED, 4L), Optional.empty());
        OrganisationFigures c = council("C", Map.of(), Optional.empty());
        TypeAverage pooled = TypeAverage.of(OrganisationKind.METROPOLITAN_BOROUGH, AverageMethod.POOLED, List.of(a, b, c));
        TypeAverage mean = TypeAverage.of(OrganisationKind.METROPOLITAN_BOROUGH, AverageMethod.MEAN_OF_COUNCILS, List.of(a, b, c));

        assertThat(KeyStatistic.UPHELD.shownAverage(pooled, "-")).isEqualTo("50%");                 // 4 of 8
        assertThat(KeyStatistic.UPHELD_PER_100000.shownAverage(pooled, "-")).as("only councils with an estimate").isEqualTo("1.0");
        assertThat(KeyStatistic.UPHELD.shownAverage(mean, "-")).isEqualTo("50%");                   // (25 + 75) / 2, C left out
        assertThat(KeyStatistic.COMPLIANCE.shownAverage(pooled, "none")).isEqualTo("none");
    }
}
