package org.annualreview.imports;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TableContents;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ImportsIT {

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Imports imports;
    List<Object> events;
    RecordFiles files;

    @BeforeEach
    void startDatabase() {
        database = TestDatabase.start(databaseKind);
        events = new ArrayList<>();
        imports = new Imports(database.dataSource(), events::add);
        files = new RecordFiles(directory);
        files.organisation("E08000011", "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation("E08000012", "Liverpool City Council", "Metropolitan Borough")
                .importInto(imports);
        events.clear();
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    ImportReport importFiles(Path... paths) {
        return imports.importFiles(List.of(paths), Optional.empty(), ImportProgress.NONE);
    }

    Path write(String name, String content) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Nested
    class WhenTheFilesAreValid {

        @Test
        void importsEverySampleFileAndReportsThemInsertedThenUnchanged() throws Exception {
            List<Path> samples;
            try (Stream<Path> list = Files.list(Path.of("docs/samples"))) {
                samples = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
            }
            ImportReport first = imports.importFiles(samples, Optional.empty(), ImportProgress.NONE);
            assertThat(first.problems()).isEmpty();
            assertThat(first.sources()).hasSize(RecordType.values().length);
            // Knowsley and Liverpool were already there, and the Complaint Handling Code's five provisions come with the database
            assertThat(first.inserted()).isEqualTo(first.rows() - 2 - 5);
            assertThat(first.unchanged()).isEqualTo(5);
            assertThat(first.updated()).isEqualTo(2);                  // the samples give them a region and dates

            var before = TableContents.of(database.dataSource());
            ImportReport second = imports.importFiles(samples, Optional.empty(), ImportProgress.NONE);
            assertThat(second.succeeded()).isTrue();
            assertThat(second.inserted()).isZero();
            assertThat(second.updated()).isZero();
            assertThat(second.unchanged()).isEqualTo(first.rows());
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }

        @Test
        void aChangedRowIsReportedUpdatedAndTheOthersUnchanged() {
            files.decision(aDecision("C1").upheld()).decision(aDecision("C2").notUpheld()).importInto(imports);
            ImportReport again = files.decision(aDecision("C1").upheld().withRemedy()).decision(aDecision("C2").notUpheld())
                    .decision(aDecision("C3")).importInto(imports);
            assertThat(again.inserted()).isEqualTo(1);
            assertThat(again.updated()).isEqualTo(1);
            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(new org.springframework.jdbc.core.JdbcTemplate(database.dataSource())
                    .queryForObject("select satisfactory_remedy from decision where case_reference = 'C1'", Boolean.class)).isTrue();
        }

        @Test
        void aBlankDetailedInvestigationIsTakenFromTheOutcome() {
            files.decision(aDecision("C1").upheld()).decision(aDecision("C2").outcome("advice given")).importInto(imports);
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(database.dataSource());
            assertThat(jdbc.queryForObject("select detailed_investigation from decision where case_reference = 'C1'", Boolean.class)).isTrue();
            assertThat(jdbc.queryForObject("select detailed_investigation from decision where case_reference = 'C2'", Boolean.class)).isFalse();
        }

        @Test
        void aSuccessfulImportAnnouncesWhichRecordsItChanged() {
            files.decision(aDecision("C1")).importInto(imports);
            assertThat(events).containsExactly(new RecordsImported(java.util.EnumSet.of(RecordType.DECISIONS)));
        }

        @Test
        void anImportThatChangedNothingAnnouncesNothing() {
            files.decision(aDecision("C1")).importInto(imports);
            events.clear();
            files.decision(aDecision("C1")).importInto(imports);
            assertThat(events).isEmpty();
        }

        @Test
        void csvWithAByteOrderMarkAndUkDatesIsRead() throws Exception {
            Path file = directory.resolve("decisions.csv");
            Files.write(file, ("\uFEFFcase_reference,organisation_code,service_area,received_date,decision_date,outcome\n"
                    + "C1,E08000011,housing,01/04/2023,31/03/2024,upheld\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ImportReport report = importFiles(file);
            assertThat(report.problems()).isEmpty();
            assertThat(report.inserted()).isEqualTo(1);
        }
    }

    @Nested
    class WhenAFileHasProblems {

        Map<String, List<String>> before;

        @BeforeEach
        void rememberTheDatabase() {
            files.decision(aDecision("EXISTING").upheld()).importInto(imports);
            before = TableContents.of(database.dataSource());
            events.clear();
        }

        void assertNothingChanged() {
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
            assertThat(events).isEmpty();
        }

        ImportReport refused(Path... paths) {
            ImportReport report = importFiles(paths);
            assertThat(report.succeeded()).as("import should be refused").isFalse();
            assertNothingChanged();
            return report;
        }

        @Test
        void importRejectsWholeFileWhenOneRowHasUnknownOrganisation() {
            files.decision(aDecision("C1")).decision(aDecision("C2").about("E99999999")).decision(aDecision("C3"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).extracting(Problem::toString)
                    .containsExactly("decisions.csv, row 3, column organisation_code: unknown organisation 'E99999999': "
                            + "add it to the register (organisations) first");
        }

        @Test
        void importRejectsWholeFileWhenOneRowHasUnknownOutcome() {
            files.decision(aDecision("C1")).decision(aDecision("C2").outcome("partly upheld"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(3);
                assertThat(p.column()).isEqualTo("outcome");
                assertThat(p.reason()).startsWith("unknown outcome 'partly upheld': expected one of Upheld, Not upheld");
            });
        }

        @Test
        void importRejectsABadDate() {
            files.decision(aDecision("C1").with("decision_date", "31/02/2024"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.column()).isEqualTo("decision_date");
                assertThat(p.reason()).contains("'31/02/2024' is not a date");
            });
        }

        @Test
        void importRejectsADecisionBeforeItsComplaintWasReceived() {
            files.decision(aDecision("C1").receivedOn("2023-10-01").with("decision_date", "2023-09-30"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.column()).isEqualTo("decision_date");
                assertThat(p.reason()).contains("before the complaint was received");
            });
        }

        @Test
        void importRejectsADuplicateReferenceInsideTheFile() {
            files.decision(aDecision("C1")).decision(aDecision("C2")).decision(aDecision("C1"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).extracting(Problem::toString)
                    .containsExactly("decisions.csv, row 4, column case_reference: duplicate case_reference C1 inside the file (first on row 2)");
        }

        @Test
        void importRejectsAFileWithoutARequiredColumn() throws Exception {
            Path file = write("decisions.csv", "case_reference,organisation_code,service_area,received_date,outcome\n"
                    + "C1,E08000011,Housing,2023-04-01,Upheld\n");
            ImportReport report = refused(file);
            assertThat(report.problems()).extracting(Problem::toString)
                    .containsExactly("decisions.csv, row 1, column decision_date: missing column: decisions must have it");
        }

        @Test
        void importRejectsAFileThatIsNotUtf8() throws Exception {
            Path file = directory.resolve("decisions.csv");
            Files.write(file, ("case_reference,organisation_code,service_area,received_date,decision_date,outcome\n"
                    + "C1,E08000011,Housing,2023-04-01,2023-05-01,Upheld\n"
                    + "C2,E08000011,Housing,2023-04-01,2023-05-01,Upheld – café\n").getBytes(Charset.forName("windows-1252")));
            ImportReport report = refused(file);
            assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("not UTF-8"));
        }

        @Test
        void oneBadFileStopsEveryFileOfTheRun() throws Exception {
            Path good = write("training-totals.csv", "reporting_year,workshops,people_reached\n2023-24,126,1700\n");
            files.decision(aDecision("C1").outcome("nonsense"));
            Path bad = files.write().get(0);
            refused(good, bad);
        }

        @Test
        void aBadRowInAnEarlierFileIsTheOnlyProblemNotEveryLaterReferenceToItsRun() throws Exception {
            Path populations = write("populations.csv", "organisation_code,mid_year,residents\nE08000011,2023,lots\n");
            files.decision(aDecision("C1").upheld()).recommendation("C1", 1, "2023-10-01", "complied", "2023-09-30")
                    .serviceImprovement("C1", 1, "Agreed");
            List<Path> all = new ArrayList<>(files.write());
            all.add(populations);
            ImportReport report = imports.importFiles(all, Optional.empty(), ImportProgress.NONE);
            assertThat(report.problems()).extracting(Problem::toString)
                    .containsExactly("populations.csv, row 2, column residents: 'lots' is not a whole number");
            assertNothingChanged();
        }

        @Test
        void aRecordInTwoFilesOfOneImportIsRefusedNamingBoth() throws Exception {
            Path first = write("training-totals-a.csv", "reporting_year,workshops,people_reached\n2022-23,120,1500\n2023-24,126,1700\n");
            Path second = write("training-totals-b.csv", "reporting_year,workshops,people_reached\n2023-24,130,1800\n");
            ImportReport report = refused(first, second);
            assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                    "training-totals-b.csv, row 2, column reporting_year: the same reporting_year is also in training-totals-a.csv, row 3:"
                            + " a record may be in only one file of an import");
        }

        @Test
        void everyProblemTheDatabaseChecksFindIsCountedBeyondTheCap() {
            for (int i = 0; i < 150; i++) {
                files.row("populations", RecordFiles.cells("organisation_code", "E9" + String.format("%07d", i), "mid_year", "2023",
                        "residents", "1000"));
            }
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).hasSize(Imports.PROBLEM_CAP);
            assertThat(report.problemCount()).isEqualTo(150);
        }

        @Test
        void aDateWithAnImpossibleYearOrBeforeTheOmbudsmanIsAProblemOfItsCell() {
            files.decision(aDecision("C1").receivedOn("2023-01-01").with("decision_date", "14/06/0223"))
                    .decision(aDecision("C2").receivedOn("1973-01-01").with("decision_date", "1973-05-01"));
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                    "decisions.csv, row 2, column decision_date: '14/06/0223' has an impossible year: write 2024-03-31 or 31/03/2024",
                    "decisions.csv, row 3, column decision_date: 1973-05-01 is before the ombudsman's first reporting year (1 April 1974)");
        }

        @Test
        void anInvisibleControlCharacterInTextIsRefusedOnEveryDatabase() throws Exception {
            Path training = write("training.csv", "organisation_code,course,delivered_date,attendees\nE08000011,Bad\u0000course,2023-10-12,14\n");
            ImportReport report = refused(training);
            assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                    "training.csv, row 2, column course: holds an invisible control character (such as a NUL byte): retype the cell");
        }

        @Test
        void headingProblemsNameTheRowTheHeadingIsOn() throws Exception {
            Path populations = write("populations.csv", "\n\norganisation_code,mid_year,resident\nE08000011,2023,1000\n");
            ImportReport report = refused(populations);
            assertThat(report.problems()).extracting(Problem::toString).contains(
                    "populations.csv, row 3, column residents: missing column: populations must have it");
        }

        @Test
        void problemsAreListedUpToTheCapAndTheRestCounted() {
            for (int i = 0; i < Imports.PROBLEM_CAP + 25; i++) {
                files.decision(aDecision("C" + i).outcome("nonsense"));
            }
            ImportReport report = refused(files.write().toArray(Path[]::new));
            assertThat(report.problems()).hasSize(Imports.PROBLEM_CAP);
            assertThat(report.problemCount()).isEqualTo(Imports.PROBLEM_CAP + 25);
            assertThat(report.unlistedProblems()).isEqualTo(25);
        }
    }
}
