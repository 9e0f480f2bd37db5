package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.annualreview.decisions.ComplianceOutcome;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.CaseLists;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.Measure;
import org.junit.jupiter.api.Test;

/** The cases a figure's page lists, from its explanation and the organisation's case lists. */
class CasesCountedTest {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");

    static CaseLists.Decided decided(String reference, String on, Outcome outcome) {
        return new CaseLists.Decided(reference, LocalDate.parse(on).minusMonths(3), LocalDate.parse(on), ServiceArea.HOUSING, outcome,
                true, false, Optional.empty());
    }

    static final CaseLists.Of LISTS = new CaseLists.Of("E08000011", YEAR, List.of(),
            List.of(decided("C3", "2023-05-01", Outcome.UPHELD), decided("C1", "2023-09-01", Outcome.NOT_UPHELD),
                    decided("C2", "2023-05-01", Outcome.UPHELD), decided("DECOY", "2023-06-01", Outcome.ADVICE_GIVEN)),
            List.of(new CaseLists.ComplianceCase("R1", ComplianceOutcome.COMPLIED_LATE, LocalDate.parse("2023-10-02"), 2),
                    new CaseLists.ComplianceCase("R2", ComplianceOutcome.NOT_COMPLIED, LocalDate.parse("2023-07-14"), 1),
                    new CaseLists.ComplianceCase("PENDING", ComplianceOutcome.PENDING, LocalDate.parse("2024-03-01"), 1)),
            List.of());

    @Test
    void aRateListsEveryCaseOfItsDenominatorEarliestFirstEachMarkedWhetherItsNumeratorCountsIt() {
        Explanation upheld = new Explanation(YEAR, null, Measure.UPHELD, List.of("C2", "C3"), List.of("C1", "C2", "C3"), Optional.empty());

        assertThat(CasesCounted.of(upheld, LISTS, false)).containsExactly(
                new CasesCounted.Case("C2", LocalDate.parse("2023-05-01"), "Housing", "Upheld", 0, true),
                new CasesCounted.Case("C3", LocalDate.parse("2023-05-01"), "Housing", "Upheld", 0, true),
                new CasesCounted.Case("C1", LocalDate.parse("2023-09-01"), "Housing", "Not upheld", 0, false));
        assertThat(CasesCounted.of(upheld, LISTS, true)).extracting(CasesCounted.Case::reference).containsExactly("C2", "C3");
    }

    @Test
    void complianceListsItsCasesByTheDayTheirLastRecommendationFellDueWithTheirOutcome() {
        Explanation compliance = new Explanation(YEAR, null, Measure.COMPLIANCE, List.of("R1"), List.of("R1", "R2"), Optional.empty());

        assertThat(CasesCounted.of(compliance, LISTS, false)).containsExactly(
                new CasesCounted.Case("R2", LocalDate.parse("2023-07-14"), "", "Not complied", 1, false),
                new CasesCounted.Case("R1", LocalDate.parse("2023-10-02"), "", "Complied late", 2, true));
    }

    @Test
    void aFigurePerHundredThousandListsWhatItCounts() {
        Explanation perHundredThousand = new Explanation(YEAR, null, Measure.UPHELD_PER_100000, List.of("C3", "C2"), List.of(), Optional.empty());

        assertThat(CasesCounted.of(perHundredThousand, LISTS, false)).extracting(CasesCounted.Case::reference).containsExactly("C2", "C3");
    }

    @Test
    void everyKeyStatisticHasWordsForItsCasesAndARateAColumnForThoseCounted() {
        Arrays.stream(KeyStatistic.values()).forEach(s -> {
            CasesCounted.Words words = CasesCounted.words(s);
            assertThat(words.all()).as(s.code()).isNotBlank();
            assertThat(words.counted()).as(s.code()).isNotBlank();
            assertThat(words.column().isEmpty()).as(s.code()).isEqualTo(!s.measure().isRate());
        });
    }
}
