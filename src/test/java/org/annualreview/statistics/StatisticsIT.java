package org.annualreview.statistics;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.annualreview.imports.Imports;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The figures of 2023-24 for a small register whose every count is known, with decoys just outside the
 * year (31 March 2023, 1 April 2024) and in other organisations that must not be counted.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class StatisticsIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    static final String KNOWSLEY = "E08000011";
    static final String LIVERPOOL = "E08000012";
    static final String ALLERDALE = "E07000026";
    static final String CUMBERLAND = "E06000063";
    static final String CARE_PROVIDER = "CP-1";
    static final Instant NOW = Instant.parse("2024-07-01T09:00:00Z");

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Statistics statistics;
    Imports imports;

    @BeforeEach
    void recordTheYear() {
        database = TestDatabase.start(databaseKind);
        statistics = new Statistics(database.dataSource(), Clock.fixed(NOW, ZoneId.of("Europe/London")));
        imports = new Imports(database.dataSource(), event -> statistics.markAllStale());
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation(LIVERPOOL, "Liverpool City Council", "Metropolitan Borough")
                .organisation(ALLERDALE, "Allerdale Borough Council", "District Council", "1974-04-01", "2023-03-31")
                .organisation(CUMBERLAND, "Cumberland Council", "Unitary Council", "2023-04-01", "")
                .organisation(CARE_PROVIDER, "Example Care Homes Ltd", "Care provider")
                .population(KNOWSLEY, 2019, 100_000)          // decoy: older estimate
                .population(KNOWSLEY, 2023, 155_134)
                .population(KNOWSLEY, 2024, 999_999)          // decoy: later estimate
                .population(LIVERPOOL, 2020, 496_770)         // only an older one: the latest earlier is used
                .decision(aDecision("K0").about(KNOWSLEY).upheld().decidedOn("2023-03-31").publicReport("2023-03-31", "Decoy report"))
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2023-04-01").in("Adult care services"))
                .decision(aDecision("K2").about(KNOWSLEY).upheld().withRemedy().decidedOn("2023-06-15"))
                .decision(aDecision("K3").about(KNOWSLEY).upheld().decidedOn("2023-09-01").publicReport("2023-10-01", "A report"))
                .decision(aDecision("K4").about(KNOWSLEY).notUpheld().decidedOn("2023-11-20"))
                .decision(aDecision("K5").about(KNOWSLEY).outcome("Closed after initial enquiries").decidedOn("2023-12-01"))
                .decision(aDecision("K6").about(KNOWSLEY).outcome("Referred back for local resolution").decidedOn("2024-01-05"))
                .decision(aDecision("K7").about(KNOWSLEY).outcome("Advice given").decidedOn("2024-02-05"))
                .decision(aDecision("K8").about(KNOWSLEY).upheld().decidedOn("2024-03-31"))
                .decision(aDecision("K9").about(KNOWSLEY).upheld().decidedOn("2024-04-01"))
                .decision(aDecision("L1").about(LIVERPOOL).upheld().decidedOn("2023-05-01"))
                .decision(aDecision("L2").about(LIVERPOOL).notUpheld().decidedOn("2023-05-02"))
                .decision(aDecision("L3").about(LIVERPOOL).notUpheld().decidedOn("2023-05-03"))
                .decision(aDecision("A1").about(ALLERDALE).upheld().decidedOn("2022-10-10"))
                .decision(aDecision("P1").about(CARE_PROVIDER).upheld().withRemedy().decidedOn("2023-08-08"))
                .recommendation("K0", 1, "2023-03-31", "complied", "2023-03-30")
                .recommendation("K1", 1, "2023-05-01", "complied", "2023-04-28")
                .recommendation("K1", 2, "2023-06-01", "complied late", "2023-07-01")
                .recommendation("K2", 1, "2024-03-31", "not complied", "2024-04-10")
                .recommendation("K3", 1, "2024-01-01", "pending", "")
                .recommendation("K8", 1, "2024-04-30", "complied", "2024-04-29")
                .serviceImprovement("K0", 1, "Completed")
                .serviceImprovement("K1", 1, "Agreed")
                .serviceImprovement("K1", 2, "Completed")
                .enquiry("K1", 1, KNOWSLEY, "2023-04-03", "2023-05-02", "", "2023-05-01")
                .enquiry("K2", 1, KNOWSLEY, "2023-05-01", "2023-05-30", "2023-06-15", "2023-06-10")
                .enquiry("K3", 1, KNOWSLEY, "2023-06-01", "2023-06-30", "2023-07-14", "2023-07-20")
                .enquiry("K4", 1, KNOWSLEY, "2023-08-01", "2023-08-30", "", "")
                .enquiry("K0", 1, KNOWSLEY, "2023-03-30", "2023-04-28", "", "2023-05-30")
                .enquiry("K9", 1, KNOWSLEY, "2024-03-20", "2024-04-17", "", "")
                .enquiry("L1", 1, LIVERPOOL, "2023-04-10", "2023-05-09", "", "2023-06-01")
                .training(KNOWSLEY, "Children's social care complaint handling", "2023-10-12", 14)
                .training(KNOWSLEY, "Effective complaint handling", "2024-04-02", 20)
                .importInto(imports);
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    OrganisationFigures knowsley() {
        return statistics.figures(YEAR).of(KNOWSLEY).orElseThrow();
    }

    @Nested
    class ForOneCouncil {

        @Test
        void complaintsAndEnquiriesAreSplitAsTheOmbudsmanReportsThem() {
            OrganisationFigures k = knowsley();
            assertThat(k.complaintsAndEnquiries()).isEqualTo(8);
            assertThat(k.notForUs()).isEqualTo(2);
            assertThat(k.assessedAndClosed()).isEqualTo(1);
            assertThat(k.investigated()).isEqualTo(5);
            assertThat(k.notForUs() + k.assessedAndClosed() + k.investigated()).isEqualTo(k.complaintsAndEnquiries());
        }

        @Test
        void upheldRateIsShareOfDetailedInvestigationsDecidedInTheYear() {
            assertThat(knowsley().upheld()).isEqualTo(new org.annualreview.shared.Rate(4, 5));
            assertThat(Shown.upheld(knowsley().upheld())).isEqualTo("80%");
        }

        @Test
        void upheldPerHundredThousandUsesTheMidYearEstimateOfTheReportingYear() {
            assertThat(knowsley().population()).contains(new OrganisationFigures.Population(2023, 155_134));
            assertThat(knowsley().upheldPerHundredThousand().oneDecimal()).contains(new BigDecimal("2.6"));
        }

        @Test
        void perHundredThousandDividesByTheEstimateStaffChoseForTheYearUntilTheyGoBackToTheRule() {
            statistics.chooseEstimate(YEAR, java.util.OptionalInt.of(2024), "Ann Analyst", "the ombudsman's published figure fits mid-2024");

            assertThat(knowsley().population()).contains(new OrganisationFigures.Population(2024, 999_999));
            assertThat(statistics.figures(YEAR).of(LIVERPOOL).orElseThrow().population()).as("its latest before mid-2024")
                    .contains(new OrganisationFigures.Population(2020, 496_770));
            assertThat(statistics.chosenEstimate(YEAR)).hasValueSatisfying(c -> assertThat(c.midYear()).isEqualTo(2024));
            assertThat(statistics.figures(YEAR.previous()).of(KNOWSLEY).orElseThrow().population()).as("another year keeps the rule")
                    .contains(new OrganisationFigures.Population(2019, 100_000));

            statistics.chooseEstimate(YEAR, java.util.OptionalInt.empty(), "Ann Analyst", "back to the middle of the year");
            assertThat(knowsley().population()).contains(new OrganisationFigures.Population(2023, 155_134));
            assertThat(statistics.chosenEstimate(YEAR)).isEmpty();
        }

        @Test
        void anEstimateIsNotChosenWithoutAReasonOrFromAfterTheYear() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statistics.chooseEstimate(YEAR, java.util.OptionalInt.of(2022), "Ann", " "))
                    .hasMessageContaining("reason");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statistics.chooseEstimate(YEAR, java.util.OptionalInt.of(2030), "Ann", "why"))
                    .hasMessageContaining("no mid-2030 estimate can stand for 2023-24");
            assertThat(statistics.chosenEstimate(YEAR)).isEmpty();
            assertThat(knowsley().population()).contains(new OrganisationFigures.Population(2023, 155_134));
        }

        @Test
        void codeFailuresAreTheShareOfDetailedInvestigationsWithAFailureFoundEachCaseOnce() throws Exception {
            new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("code")))
                    .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "stage-1-late"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "not-signposted"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K4", "provision", "acknowledgement-late"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K5", "provision", "stage-2-not-offered"))   // not investigated
                    .importInto(imports);

            OrganisationFigures k = knowsley();
            assertThat(KeyStatistic.CODE_FAILURES.count(k)).as("K1 (two provisions, once) and K4").isEqualTo(2);
            assertThat(KeyStatistic.CODE_FAILURES.outOf(k)).as("the detailed investigations").isEqualTo(5);
            assertThat(KeyStatistic.CODE_FAILURES.shown(k)).isEqualTo("40%");
            Explanation e = statistics.explain(YEAR, KNOWSLEY, Measure.CODE_FAILURES);
            assertThat(e.numerator()).containsExactly("K1", "K4");
            assertThat(e.denominator()).containsExactly("K1", "K2", "K3", "K4", "K8");
            assertThat(KeyStatistic.CODE_FAILURES.appliesTo(YEAR)).as("published from 2026-27 only").isFalse();
            assertThat(KeyStatistic.of(YEAR)).doesNotContain(KeyStatistic.CODE_FAILURES);
            assertThat(KeyStatistic.of(ReportingYear.parse("2026-27"))).contains(KeyStatistic.CODE_FAILURES);
        }

        @Test
        void eachProvisionCountsTheDetailedInvestigationsThatFailedItAndListsThem() throws Exception {
            new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("code")))
                    .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "stage-1-late"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "not-signposted"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K4", "provision", "stage-1-late"))
                    .row("code-failures", RecordFiles.cells("case_reference", "K5", "provision", "stage-1-late"))   // not investigated
                    .importInto(imports);

            CodeFindings findings = statistics.codeFindings(YEAR);
            CodeFindings.Council k = findings.of(KNOWSLEY);
            assertThat(k.failures()).extracting(f -> f.provision().code() + " " + f.cases())
                    .as("most cases first; K5 was not investigated").containsExactly("stage-1-late 2", "not-signposted 1");
            assertThat(k.cases("acknowledgement-late")).isZero();
            assertThat(statistics.casesFailing(YEAR, KNOWSLEY, "stage-1-late")).containsExactly("K1", "K4");
            assertThat(findings.provisions()).extracting(CodeFindings.Provision::code).as("the vocabulary, by label")
                    .containsExactly("acknowledgement-late", "stage-2-not-offered", "not-signposted", "stage-1-late", "stage-2-late");
            assertThat(findings.of("E99999999")).isEqualTo(CodeFindings.Council.NONE);
        }

        @Test
        void satisfactoryRemedyIsShareOfUpheldDecisions() {
            assertThat(knowsley().satisfactoryRemedy()).isEqualTo(new org.annualreview.shared.Rate(1, 4));
        }

        @Test
        void complianceCountsEachCaseDueInTheYearOnceOverAllItsRecommendationsWithLateAsComplied() {
            OrganisationFigures k = knowsley();
            assertThat(k.complianceByCase()).isTrue();
            assertThat(k.compliance()).as("K1 (complied and complied late: late) of K1 and K2 (not complied); K3 pending")
                    .isEqualTo(new org.annualreview.shared.Rate(1, 2));
            assertThat(k.compliedOnTime()).isZero();
            assertThat(k.compliedLate()).isEqualTo(1);
            assertThat(k.notComplied()).isEqualTo(1);
            assertThat(k.compliancePending()).isEqualTo(1);
            assertThat(k.recommendationsComplied()).as("per recommendation, for staff: K1 #1").isEqualTo(1);
            assertThat(k.recommendationsCompliedLate()).isEqualTo(1);
            assertThat(k.recommendationsNotComplied()).isEqualTo(1);
            assertThat(k.recommendationsPending()).isEqualTo(1);
        }

        @Test
        void aCaseFallsDueWithItsLastRecommendationAndTakesTheWorstOfTheirOutcomes() {
            new RecordFiles(directory)
                    .decision(aDecision("K11").about(KNOWSLEY).upheld().decidedOn("2023-02-01"))
                    .recommendation("K11", 1, "2023-03-01", "complied", "2023-02-20")       // due in 2022-23
                    .recommendation("K11", 2, "2023-04-20", "complied", "2023-04-19")       // the last: due in 2023-24
                    .decision(aDecision("K12").about(KNOWSLEY).upheld().decidedOn("2023-05-01"))
                    .recommendation("K12", 1, "2023-06-01", "complied", "2023-05-30")
                    .recommendation("K12", 2, "2023-06-01", "complied late", "2023-06-20")
                    .recommendation("K12", 3, "2023-07-01", "not complied", "2023-08-01")
                    .decision(aDecision("K13").about(KNOWSLEY).upheld().decidedOn("2023-05-01"))
                    .recommendation("K13", 1, "2023-06-01", "not complied", "2023-08-01")
                    .recommendation("K13", 2, "2023-07-01", "pending", "")
                    .importInto(imports);

            OrganisationFigures k = knowsley();
            assertThat(k.compliedOnTime()).as("K11").isEqualTo(1);
            assertThat(k.compliedLate()).as("K1").isEqualTo(1);
            assertThat(k.notComplied()).as("K2, and K12 with one of three not complied").isEqualTo(2);
            assertThat(k.compliancePending()).as("K3, and K13 while one is pending").isEqualTo(2);
            assertThat(k.compliance()).isEqualTo(new org.annualreview.shared.Rate(2, 4));
            assertThat(statistics.explain(YEAR, KNOWSLEY, Measure.COMPLIANCE).denominator()).containsExactly("K1", "K11", "K12", "K2");

            OrganisationFigures before = statistics.figures(YEAR.previous()).of(KNOWSLEY).orElseThrow();
            assertThat(before.compliance()).as("K0 alone: K11 is counted once, in the year of its last recommendation")
                    .isEqualTo(new org.annualreview.shared.Rate(1, 1));
            assertThat(before.recommendationsComplied()).as("K0 #1 and K11 #1, per recommendation").isEqualTo(2);
        }

        @Test
        void enquiriesAreLateWhenAnsweredAfterTheirDeadlineOrUnansweredPastItByTheYearEnd() {
            OrganisationFigures k = knowsley();
            assertThat(k.lateEnquiries()).isEqualTo(new org.annualreview.shared.Rate(2, 5));
            assertThat(k.extendedEnquiries()).isEqualTo(2);
            assertThat(k.lateAfterExtension()).as("K3: extended to 14 July, answered 20 July; K2 answered within its extension")
                    .isEqualTo(1);
        }

        @Test
        void publicReportsServiceImprovementsAndTrainingCountOnlyTheYear() {
            OrganisationFigures k = knowsley();
            assertThat(k.publicReports()).isEqualTo(1);
            assertThat(k.serviceImprovements()).isEqualTo(2);
            assertThat(k.trainingCourses()).isEqualTo(1);
            assertThat(k.trainingAttendees()).isEqualTo(14);
        }

        @Test
        void decisionsAreBrokenDownByOutcomeAndServiceArea() {
            OrganisationFigures k = knowsley();
            assertThat(k.outcomes().get(org.annualreview.decisions.Outcome.UPHELD)).isEqualTo(4);
            assertThat(k.outcomes().get(org.annualreview.decisions.Outcome.ADVICE_GIVEN)).isEqualTo(1);
            assertThat(k.serviceAreas().get(org.annualreview.decisions.ServiceArea.ADULT_CARE_SERVICES)).isEqualTo(1);
            assertThat(k.serviceAreas().get(org.annualreview.decisions.ServiceArea.HOUSING)).isEqualTo(7);
        }

        @Test
        void aCouncilWithNothingToDivideByShowsWordsNotNumbers() {
            OrganisationFigures cumberland = statistics.figures(YEAR).of(CUMBERLAND).orElseThrow();
            assertThat(cumberland.upheld().isDefined()).isFalse();
            assertThat(Shown.upheld(cumberland.upheld())).isEqualTo("no investigations");
            assertThat(Shown.compliance(cumberland.compliance())).isEqualTo("no recommendations due for compliance");
            assertThat(Shown.satisfactoryRemedy(cumberland.satisfactoryRemedy())).isEqualTo("no upheld complaints");
            assertThat(Shown.perHundredThousand(cumberland.upheldPerHundredThousand())).isEqualTo("no population estimate");
            OrganisationFigures liverpool = statistics.figures(YEAR).of(LIVERPOOL).orElseThrow();
            assertThat(Shown.compliance(liverpool.compliance())).isEqualTo("no recommendations due for compliance");
        }
    }

    @Nested
    class WhoIsInTheYear {

        @Test
        void everyCouncilThatExistedAndEveryOtherBodyWithRecordsIsListed() {
            assertThat(statistics.figures(YEAR).organisations()).extracting(OrganisationFigures::code)
                    .containsExactlyInAnyOrder(KNOWSLEY, LIVERPOOL, CUMBERLAND, CARE_PROVIDER);
        }

        @Test
        void anAbolishedCouncilAppearsInItsLastYearOnly() {
            assertThat(statistics.figures(YEAR.previous()).of(ALLERDALE)).isPresent();
            assertThat(statistics.figures(YEAR.previous()).of(CUMBERLAND)).isEmpty();
        }
    }

    @Nested
    class AveragesOfSimilarAuthorities {

        @Test
        void pooledAveragesCountEveryCaseOfTheTypeTogether() {
            TypeAverage mets = statistics.figures(YEAR).averageFor(OrganisationKind.METROPOLITAN_BOROUGH, AverageMethod.POOLED).orElseThrow();
            assertThat(mets.councils()).isEqualTo(2);
            assertThat(KeyStatistic.UPHELD.shownAverage(mets, "")).isEqualTo("63%");          // 5 of 8 = 62.5
            assertThat(KeyStatistic.UPHELD_PER_100000.shownAverage(mets, Shown.NO_POPULATION)).isEqualTo("0.8"); // 5 per 651,904
            assertThat(KeyStatistic.COMPLIANCE.shownAverage(mets, "")).isEqualTo("50%");      // 1 of 2 cases
            assertThat(KeyStatistic.SATISFACTORY_REMEDY.shownAverage(mets, "")).isEqualTo("20%"); // 1 of 5
        }

        @Test
        void meanAveragesWeighEveryCouncilTheSameAndLeaveOutThoseWithNoRate() {
            TypeAverage mets = statistics.figures(YEAR).averageFor(OrganisationKind.METROPOLITAN_BOROUGH, AverageMethod.MEAN_OF_COUNCILS)
                    .orElseThrow();
            assertThat(KeyStatistic.UPHELD.shownAverage(mets, "")).isEqualTo("57%");          // (80 + 33.3) / 2
            assertThat(KeyStatistic.UPHELD_PER_100000.shownAverage(mets, Shown.NO_POPULATION)).isEqualTo("1.4"); // (2.58 + 0.20) / 2
            assertThat(KeyStatistic.COMPLIANCE.shownAverage(mets, "")).isEqualTo("50%");      // Liverpool has none due: left out
            assertThat(KeyStatistic.SATISFACTORY_REMEDY.shownAverage(mets, "")).isEqualTo("13%"); // (25 + 0) / 2 = 12.5
        }

        @Test
        void otherBodiesHaveNoTypeAverage() {
            assertThat(statistics.figures(YEAR).averages(AverageMethod.POOLED)).doesNotContainKey(OrganisationKind.CARE_PROVIDER);
        }
    }

    @Nested
    class Explanations {

        @Test
        void upheldListsTheCasesOfNumeratorAndDenominatorAndNoDecoys() {
            Explanation e = statistics.explain(YEAR, KNOWSLEY, Measure.UPHELD);
            assertThat(e.numerator()).containsExactly("K1", "K2", "K3", "K8");
            assertThat(e.denominator()).containsExactly("K1", "K2", "K3", "K4", "K8");
        }

        @Test
        void complianceListsEachCaseCountedAndByRecommendationEachRecommendation() {
            Explanation e = statistics.explain(YEAR, KNOWSLEY, Measure.COMPLIANCE);
            assertThat(e.numerator()).containsExactly("K1");
            assertThat(e.denominator()).containsExactly("K1", "K2");
            Explanation detail = statistics.explain(YEAR, KNOWSLEY, Measure.COMPLIANCE_BY_RECOMMENDATION);
            assertThat(detail.numerator()).containsExactly("K1 #1", "K1 #2");
            assertThat(detail.denominator()).containsExactly("K1 #1", "K1 #2", "K2 #1");
        }

        @Test
        void everyExplanationCountsWhatTheSnapshotCounted() {
            OrganisationFigures k = knowsley();
            for (Measure measure : Measure.values()) {
                Explanation e = statistics.explain(YEAR, KNOWSLEY, measure);
                long stored = measure.numerator().stream().mapToLong(k::count).sum();
                assertThat(e.numerator()).as(measure.code()).hasSize((int) stored);
                long storedDenominator = measure.denominator().stream().mapToLong(k::count).sum();
                assertThat(e.denominator()).as(measure.code()).hasSize((int) storedDenominator);
            }
        }

        @Test
        void perHundredThousandNamesThePopulationEstimateUsed() {
            Explanation e = statistics.explain(YEAR, KNOWSLEY, Measure.UPHELD_PER_100000);
            assertThat(e.population()).contains(new OrganisationFigures.Population(2023, 155_134));
        }
    }

    @Nested
    class TheSnapshot {

        @Test
        void isStoredOnceAndReadBackByAnyReader() {
            YearFigures first = statistics.figures(YEAR);
            Statistics anotherReader = new Statistics(database.dataSource(), Clock.fixed(NOW.plusSeconds(3600), ZoneId.of("UTC")));
            YearFigures second = anotherReader.figures(YEAR);
            assertThat(second.computedAt()).isEqualTo(first.computedAt());
            assertThat(second.of(KNOWSLEY).orElseThrow().upheld()).isEqualTo(first.of(KNOWSLEY).orElseThrow().upheld());
        }

        @Test
        void isRecomputedAfterAnImportChangedTheRecords() {
            assertThat(knowsley().upheld()).isEqualTo(new org.annualreview.shared.Rate(4, 5));
            new RecordFiles(directory).decision(aDecision("K10").about(KNOWSLEY).upheld().decidedOn("2023-12-12")).importInto(imports);
            assertThat(knowsley().upheld()).isEqualTo(new org.annualreview.shared.Rate(5, 6));
        }

        @Test
        void aDecisionImportedAgainUnderAnotherCouncilTakesItsRecommendationsAndServiceImprovementsWithIt() {
            assertThat(knowsley().compliedOnTime() + knowsley().compliedLate()).isEqualTo(1);   // K1 (#1 and #2)
            assertThat(knowsley().serviceImprovements()).isEqualTo(2);
            new RecordFiles(directory).decision(aDecision("K1").about(LIVERPOOL).upheld().decidedOn("2023-04-01")).importInto(imports);

            OrganisationFigures liverpool = statistics.figures(YEAR).of(LIVERPOOL).orElseThrow();
            assertThat(liverpool.compliedLate()).isEqualTo(1);         // K1: #1 complied, #2 late
            assertThat(liverpool.recommendationsComplied()).isEqualTo(1);       // K1 #1
            assertThat(liverpool.recommendationsCompliedLate()).isEqualTo(1);   // K1 #2
            assertThat(liverpool.serviceImprovements()).isEqualTo(2);  // K1 #1 and #2
            assertThat(knowsley().compliedOnTime() + knowsley().compliedLate()).isZero();
            assertThat(knowsley().notComplied()).isEqualTo(1);         // K2's stays
            assertThat(knowsley().serviceImprovements()).isZero();
        }

        @Test
        void aDecisionImportedAgainInAnotherYearTakesItsServiceImprovementsToThatYear() {
            new RecordFiles(directory).decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2024-04-02")).importInto(imports);

            assertThat(knowsley().serviceImprovements()).isZero();
            assertThat(statistics.figures(YEAR.next()).of(KNOWSLEY).orElseThrow().serviceImprovements()).isEqualTo(2);
        }

        @Test
        void yearsWithDecisionsRunFromTheFirstDecisionToTheLast() {
            assertThat(statistics.yearsWithDecisions()).extracting(ReportingYear::toString)
                    .containsExactly("2022-23", "2023-24", "2024-25");
            assertThat(statistics.latestYear()).contains(YEAR);   // 2024-25 has not ended on 1 July 2024
            assertThat(Optional.of(statistics.figures(YEAR).year())).contains(YEAR);
        }
    }

    @Nested
    class UnderConcurrency {

        /** A clock a second later at each reading, so that each computation of a snapshot stamps a time of its own. */
        static final class TickingClock extends Clock {
            private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public ZoneId getZone() {
                return ZoneId.of("Europe/London");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.plusSeconds(seconds.incrementAndGet());
            }
        }

        @org.junit.jupiter.api.RepeatedTest(3)
        void eightReadersRightAfterAChangeGetTheSameFiguresComputedOnceAndNoError() throws Exception {
            Statistics shared = new Statistics(database.dataSource(), new TickingClock());
            shared.figures(YEAR);
            shared.markAllStale();   // as an import does

            java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            try {
                java.util.List<java.util.concurrent.Future<YearFigures>> read = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    read.add(readers.submit(() -> {
                        start.await();
                        return shared.figures(YEAR);
                    }));
                }
                start.countDown();
                java.util.Set<Instant> computedAt = new java.util.HashSet<>();
                for (java.util.concurrent.Future<YearFigures> each : read) {
                    YearFigures figures = each.get();   // an error in any reader fails here
                    assertThat(figures.of(KNOWSLEY).orElseThrow().upheld().numerator()).isEqualTo(4);
                    computedAt.add(figures.computedAt());
                }
                assertThat(computedAt).as("computed once, the others reading what it stored").hasSize(1);
            } finally {
                readers.shutdownNow();
            }
        }
    }
}
