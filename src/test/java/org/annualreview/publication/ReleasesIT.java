package org.annualreview.publication;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.annualreview.decisions.Decisions;
import org.annualreview.imports.Imports;
import org.annualreview.letters.LetterLayout;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.Measure;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Releases made while others act at the same moment, on H2 and PostgreSQL: two administrators publishing at once make
 * one release 1; imports racing revisions never leave a release whose figures disagree with the records it froze.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ReleasesIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    static final String KNOWSLEY = "E08000011";
    static final Letters.Actor ADMINISTRATOR = new Letters.Actor("Ann Admin", true);

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Statistics statistics;
    Organisations organisations;
    Letters letters;
    Imports imports;
    Releases releases;

    @BeforeEach
    void aYearWithEveryLetterApproved() {
        database = TestDatabase.start(databaseKind);
        statistics = new Statistics(database.dataSource(), Clock.systemUTC());
        organisations = new Organisations(database.dataSource());
        letters = new Letters(database.dataSource(), statistics, organisations, Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
        imports = new Imports(database.dataSource(), event -> statistics.markAllStale());
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation("E08000012", "Liverpool City Council", "Metropolitan Borough")
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2023-05-01"))
                .decision(aDecision("K2").about(KNOWSLEY).notUpheld().decidedOn("2023-06-01"))
                .decision(aDecision("L1").about("E08000012").upheld().decidedOn("2023-07-01"))
                .importInto(imports);
        letters.loadTemplate(YEAR, Path.of("templates/2023-24.md"));
        letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        releases = new Releases(database.dataSource(), statistics, letters, new Decisions(database.dataSource()), organisations, Clock.systemUTC());
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aCouncilWhoseLetterIsUnapprovedOrUnsentHoldsPublicationBackUntilAnAdministratorExceptsIt() {
        assertThat(releases.readiness(YEAR).missing()).containsExactly(
                "2 councils have letters awaiting approval (Knowsley Metropolitan Borough Council, Liverpool City Council)");
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        assertThatThrownBy(() -> releases.publish(YEAR, ADMINISTRATOR)).isInstanceOf(Releases.Refused.class)
                .hasMessageContaining("2 councils have approved letters not yet sent");
        assertThatThrownBy(() -> releases.recordException(YEAR, organisations.byCode(KNOWSLEY).orElseThrow(), "none", new Letters.Actor("Alex", false)))
                .as("an analyst").isInstanceOf(Releases.Refused.class);
        releases.recordException(YEAR, organisations.byCode(KNOWSLEY).orElseThrow(), "no contact on file", ADMINISTRATOR);
        assertThat(releases.readiness(YEAR).missing()).containsExactly("1 council has an approved letter not yet sent (Liverpool City Council)");
        assertThatThrownBy(() -> releases.publish(YEAR, new Letters.Actor("Alex", false))).isInstanceOf(Releases.Refused.class)
                .hasMessageContaining("administrator");
        assertThat(releases.of(YEAR)).isEmpty();
    }

    @Test
    void twoAdministratorsPublishingAtTheSameMomentMakeOneReleaseAndTheOtherIsToldWhy() throws Exception {
        exceptEveryCouncil();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Release>> tries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tries.add(two.submit(() -> {
                together.await();
                return releases.publish(YEAR, ADMINISTRATOR);
            }));
        }
        int published = 0;
        List<String> refused = new ArrayList<>();
        for (Future<Release> attempt : tries) {
            try {
                assertThat(attempt.get().number()).isEqualTo(1);
                published++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(Releases.Refused.class);
                refused.add(e.getCause().getMessage());
            }
        }
        two.shutdown();
        assertThat(published).isEqualTo(1);
        assertThat(refused).singleElement().asString().contains("2023-24 was published");
        assertThat(releases.of(YEAR)).singleElement().extracting(Release::kind).isEqualTo(Release.Kind.publication);
    }

    @Test
    void importsRacingRevisionsNeverLeaveAReleaseWhoseFiguresDisagreeWithTheRecordsItFroze() throws Exception {
        exceptEveryCouncil();
        releases.publish(YEAR, ADMINISTRATOR);
        ExecutorService two = Executors.newFixedThreadPool(2);
        int rounds = 6;
        Future<?> importing = two.submit(() -> {
            for (int i = 0; i < rounds; i++) {
                Path folder = java.nio.file.Files.createDirectories(directory.resolve("round-" + i));
                new RecordFiles(folder).decision(aDecision("R" + i).about(KNOWSLEY).upheld().decidedOn("2023-09-0" + (i + 1))).importInto(imports);
            }
            return null;
        });
        Future<?> revising = two.submit(() -> {
            for (int i = 0; i < rounds; i++) {
                releases.revise(YEAR, "round " + i, ADMINISTRATOR);
            }
            return null;
        });
        importing.get();
        revising.get();
        two.shutdown();
        releases.revise(YEAR, "after every import", ADMINISTRATOR);
        List<Release> all = releases.of(YEAR);
        assertThat(all).hasSize(rounds + 2);
        for (Release release : all) {
            YearFigures figures = releases.figures(release);
            Explanation upheld = statistics.explainReleased(figures, release.id(), KNOWSLEY, Measure.UPHELD);
            var knowsley = figures.of(KNOWSLEY).orElseThrow();
            assertThat(upheld.numerator()).as("release " + release.number() + ": upheld as counted = as frozen")
                    .hasSize((int) knowsley.upheld().numerator());
            assertThat(upheld.denominator()).as("release " + release.number()).hasSize((int) knowsley.upheld().denominator());
        }
        assertThat(releases.figures(all.get(all.size() - 1)).of(KNOWSLEY).orElseThrow().upheld().numerator())
                .as("the last revision, after every import").isEqualTo(1 + rounds);
    }

    @Test
    void aReleaseFrozenBeforeComplianceWasCountedPerCaseKeepsItsFiguresAndListsTheRecommendationsItCounted() throws Exception {
        new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("recommendations")))
                .recommendation("K1", 1, "2023-06-01", "complied", "2023-05-30")
                .recommendation("K1", 2, "2023-07-01", "not complied", "2023-08-01")
                .importInto(imports);
        exceptEveryCouncil();
        Release release = releases.publish(YEAR, ADMINISTRATOR);
        assertThat(releases.figures(release).of(KNOWSLEY).orElseThrow().compliance()).as("per case: K1 not complied")
                .isEqualTo(new org.annualreview.shared.Rate(0, 1));
        // as the migration to per-case compliance (V22) leaves a release frozen before it: no per-case counts
        new org.springframework.jdbc.core.JdbcTemplate(database.dataSource()).update("update release_figures set cases_complied = null,"
                + " cases_complied_late = null, cases_not_complied = null, cases_compliance_pending = null where release_id = ?", release.id());
        Releases afterTheMigration = new Releases(database.dataSource(), statistics, letters, new Decisions(database.dataSource()), organisations,
                Clock.systemUTC());

        var published = afterTheMigration.figures(release);
        var knowsley = published.of(KNOWSLEY).orElseThrow();
        assertThat(knowsley.complianceByCase()).isFalse();
        assertThat(knowsley.compliance()).as("as published: K1 #1 of K1 #1 and #2").isEqualTo(new org.annualreview.shared.Rate(1, 2));
        assertThat(org.annualreview.statistics.FiguresDocument.of(published, published.organisations(), org.annualreview.statistics.AverageMethod.POOLED, false)
                .toString()).contains("unit=recommendation");
        var explained = statistics.explainReleased(published, release.id(), KNOWSLEY, Measure.COMPLIANCE);
        assertThat(explained.numerator()).containsExactly("K1 #1");
        assertThat(explained.denominator()).containsExactly("K1 #1", "K1 #2");
        assertThat(explained.measure()).isEqualTo(Measure.COMPLIANCE_BY_RECOMMENDATION);
        assertThat(afterTheMigration.differingFromRelease(YEAR)).as("the working figures count the case").contains("Knowsley Metropolitan Borough Council");
    }

    @Test
    void aReleaseListsTheCasesItsComplianceCountedOverAllTheirRecommendationsEvenThoseDueInAnEarlierYear() throws Exception {
        new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("spanning")))
                .decision(aDecision("K0").about(KNOWSLEY).upheld().decidedOn("2023-01-10"))
                .recommendation("K0", 1, "2023-03-01", "not complied", "2023-03-20")      // due in 2022-23
                .recommendation("K0", 2, "2023-05-01", "complied", "2023-04-30")          // the last: due in 2023-24
                .importInto(imports);
        exceptEveryCouncil();
        Release release = releases.publish(YEAR, ADMINISTRATOR);

        var knowsley = releases.figures(release).of(KNOWSLEY).orElseThrow();
        assertThat(knowsley.compliance()).as("K0 not complied, over both").isEqualTo(new org.annualreview.shared.Rate(0, 1));
        var explained = statistics.explainReleased(releases.figures(release), release.id(), KNOWSLEY, Measure.COMPLIANCE);
        assertThat(explained.denominator()).containsExactly("K0");
        assertThat(explained.numerator()).as("as the figure counted it").isEmpty();
    }

    void exceptEveryCouncil() {
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        for (String code : releases.councilsOf(YEAR)) {
            releases.recordException(YEAR, organisations.byCode(code).orElseThrow(), "no contact on file", ADMINISTRATOR);
        }
    }
}
