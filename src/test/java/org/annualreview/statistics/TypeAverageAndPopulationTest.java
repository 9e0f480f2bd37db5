package org.annualreview.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeAverageAndPopulationTest {

    static OrganisationFigures council(String code, long investigated, long upheld, long remedies, long residents) {
        return new OrganisationFigures(code, code, OrganisationKind.DISTRICT_COUNCIL,
                residents == 0 ? Optional.empty() : Optional.of(new OrganisationFigures.Population(2023, residents)),
                Map.of(Tally.INVESTIGATED, investigated, Tally.UPHELD, upheld, Tally.SATISFACTORY_REMEDIES, remedies),
                Map.of(), Map.of());
    }

    @Test
    void pooledAndMeanDifferWhenCouncilsDifferInSize() {
        // A large council upholds 10 of 100, a small one 1 of 1: pooled 11 of 101 = 11%, mean (10 + 100) / 2 = 55%.
        List<OrganisationFigures> councils = List.of(council("BIG", 100, 10, 0, 500_000), council("SMALL", 1, 1, 0, 50_000));
        assertThat(KeyStatistic.UPHELD.shownAverage(TypeAverage.of(OrganisationKind.DISTRICT_COUNCIL, AverageMethod.POOLED, councils), ""))
                .isEqualTo("11%");
        assertThat(KeyStatistic.UPHELD.shownAverage(TypeAverage.of(OrganisationKind.DISTRICT_COUNCIL, AverageMethod.MEAN_OF_COUNCILS, councils), ""))
                .isEqualTo("55%");
    }

    @Test
    void aTypeWhereNoCouncilHadInvestigationsHasNoAverage() {
        List<OrganisationFigures> councils = List.of(council("A", 0, 0, 0, 90_000), council("B", 0, 0, 0, 80_000));
        for (AverageMethod method : AverageMethod.values()) {
            TypeAverage average = TypeAverage.of(OrganisationKind.DISTRICT_COUNCIL, method, councils);
            assertThat(average.upheld()).as(method.code()).isEmpty();
            assertThat(average.satisfactoryRemedy()).as(method.code()).isEmpty();
            assertThat(KeyStatistic.UPHELD.shownAverage(average, Shown.NO_INVESTIGATIONS)).isEqualTo("no investigations");
        }
    }

    @Test
    void pooledPerHundredThousandLeavesOutCouncilsWithoutAPopulation() {
        // 3 upheld among 300,000 residents, plus a council with 5 upheld and no population estimate.
        List<OrganisationFigures> councils = List.of(council("A", 4, 3, 0, 300_000), council("B", 5, 5, 0, 0));
        TypeAverage pooled = TypeAverage.of(OrganisationKind.DISTRICT_COUNCIL, AverageMethod.POOLED, councils);
        assertThat(KeyStatistic.UPHELD_PER_100000.shownAverage(pooled, Shown.NO_POPULATION)).isEqualTo("1.0");
    }

    @ParameterizedTest(name = "for {0} with estimates {1} the mid-{2} one is used")
    @CsvSource({
            "2023-24, '2020,2023,2024', 2023",   // the estimate for the middle of the year itself
            "2023-24, '2020,2021', 2021",        // else the latest earlier one
            "2023-24, '2025,2026', 2025",        // else the earliest later one
            "2019-20, '2019', 2019"
    })
    void thePopulationEstimateIsTheOneForTheMiddleOfTheYearOrTheNearestEarlier(String year, String midYears, int chosen) {
        TreeMap<Integer, Long> estimates = new TreeMap<>();
        for (String midYear : midYears.split(",")) {
            estimates.put(Integer.parseInt(midYear), 1000L * Integer.parseInt(midYear));
        }
        assertThat(FiguresCalculator.populationFor(estimates, ReportingYear.parse(year)))
                .contains(new OrganisationFigures.Population(chosen, 1000L * chosen));
    }

    @Test
    void withoutEstimatesThereIsNoPopulation() {
        assertThat(FiguresCalculator.populationFor(new TreeMap<>(), ReportingYear.parse("2023-24"))).isEmpty();
        assertThat(FiguresCalculator.populationFor(null, ReportingYear.parse("2023-24"))).isEmpty();
    }
}
