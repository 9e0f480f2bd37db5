package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.annualreview.testing.TableContents;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of problem a record file can have, beyond those in ImportsIT: each is reported by file, row,
 * column and reason, and leaves the database exactly as it was. The database starts with the samples in
 * docs/samples imported, so that rows can refer to them (Allerdale was abolished on 31 March 2023,
 * Cumberland created on 1 April 2023).
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ImportProblemsIT {

    static final Path SAMPLES = Path.of("docs/samples");

    static final String DECISION_HEADINGS = "case_reference,organisation_code,service_area,received_date,decision_date,outcome";
    static final String RECOMMENDATION_HEADINGS = "case_reference,number,recommendation,due_date,compliance_outcome,compliance_date";
    static final String ENQUIRY_HEADINGS = "case_reference,number,organisation_code,sent_date,due_date,extended_to,answered_date,complete";
    static final String ORGANISATION_HEADINGS = "code,name,short_name,kind,parent_code,region,start_date,end_date,replaced_by,latitude,longitude";

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Imports imports;
    List<Object> events;
    Map<String, List<String>> before;

    @BeforeEach
    void startDatabaseWithTheSamples() {
        database = TestDatabase.start(databaseKind);
        events = new ArrayList<>();
        imports = new Imports(database.dataSource(), events::add);
        ImportReport samples = importFiles(samples());
        assertThat(samples.problems()).as("the samples import").isEmpty();
        before = TableContents.of(database.dataSource());
        events.clear();
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    static List<Path> samples() {
        try (Stream<Path> list = Files.list(SAMPLES)) {
            return list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ImportReport importFiles(List<Path> files) {
        return imports.importFiles(files, Optional.empty(), ImportProgress.NONE);
    }

    Path write(String name, String... lines) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    /** Imports the files, expects them refused with nothing changed, and returns the problems as the command prints them. */
    List<String> problemsOf(Path... files) {
        ImportReport report = importFiles(List.of(files));
        assertThat(report.succeeded()).as("the import should be refused").isFalse();
        assertThat(report.sources()).as("nothing is reported imported").isEmpty();
        assertThat(TableContents.of(database.dataSource())).as("the database is unchanged").isEqualTo(before);
        assertThat(events).as("no change is announced").isEmpty();
        return report.problems().stream().map(Problem::toString).toList();
    }

    ImportReport imported(List<Path> files, Optional<RecordType> type) {
        ImportReport report = imports.importFiles(files, type, ImportProgress.NONE);
        assertThat(report.problems()).as("the import should succeed").isEmpty();
        return report;
    }

    @Nested
    class HeadingRow {

        @Test
        void anUnknownColumnIsRefusedListingTheColumnsAllowed() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",council_name",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,Knowsley");
            assertThat(problemsOf(file)).containsExactly("decisions.csv, row 1, column council_name: unknown column: decisions have the columns "
                    + "case_reference, organisation_code, service_area, received_date, decision_date, outcome, detailed_investigation, "
                    + "satisfactory_remedy, public_report_date, public_report_title, complaint_handling_code_finding");
        }

        @Test
        void aColumnHeadingTwiceIsRefusedEvenInAnotherCase() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",Outcome",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,Upheld");
            assertThat(problemsOf(file)).containsExactly("decisions.csv, row 1, column Outcome: the column appears twice");
        }

        @Test
        void headingsAreReadInAnyCaseWithSpacesForUnderscores() throws Exception {
            Path file = write("training-totals.csv", "Reporting Year, WORKSHOPS ,People reached", "2024-25,130,1800");
            assertThat(imported(List.of(file), Optional.empty()).inserted()).isEqualTo(1);
        }

        @Test
        void aTrailingColumnWithNoHeadingAndNoCellsIsIgnored() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",", "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,");
            assertThat(imported(List.of(file), Optional.empty()).inserted()).isEqualTo(1);
        }
    }

    @Nested
    class Cells {

        @Test
        void anEmptyRequiredCellIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS,
                    "C1,E08000011,,2023-04-03,2023-09-01,Not upheld",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,  ");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column service_area: is empty: every row needs one",
                    "decisions.csv, row 3, column outcome: is empty: every row needs one");
        }

        @Test
        void aRowWithMoreCellsThanHeadingsIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS,
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,Upheld,yes",
                    "C3,E08000011,Housing,2023-04-03,2023-09-01,Upheld,,,");
            assertThat(problemsOf(file)).containsExactly("decisions.csv, row 3: the row has 7 cells but the heading row only 6");
        }

        @Test
        void textLongerThanItsColumnAllowsIsRefused() throws Exception {
            String title = "A".repeat(301);
            String reference = "SAMPLE-2023-24-0001-0002-0003-0004";
            Path file = write("decisions.csv", DECISION_HEADINGS + ",public_report_date,public_report_title",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Upheld,2023-10-01," + title,
                    reference + ",E08000011,Housing,2023-04-03,2023-09-01,Upheld,,");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column public_report_title: is 301 characters long; at most 300 fit",
                    "decisions.csv, row 3, column case_reference: '" + reference + "' is longer than 30 characters");
        }

        @Test
        void aContactWithABadEmailAddressIsRefused() throws Exception {
            Path file = write("contacts.csv", "organisation_code,role,email",
                    "E08000012,chief executive,chief.executive(at)liverpool.sample.invalid",
                    "E08000012,leader,leader@liverpool",
                    "E08000012,monitoring officer,mo@liverpool.sample.invalid",
                    "E08000012,monitoring officer,\"mo@x.example,x\"",
                    "E08000012,chair of scrutiny,Chair <chair@liverpool.sample.invalid>");
            assertThat(problemsOf(file)).containsExactly(
                    "contacts.csv, row 2, column email: 'chief.executive(at)liverpool.sample.invalid' is not an email address",
                    "contacts.csv, row 3, column email: 'leader@liverpool' is not an email address",
                    "contacts.csv, row 5, column email: 'mo@x.example,x' is not one email address: it is a list (a comma or semicolon);"
                            + " write one address, one contact a row",
                    "contacts.csv, row 6, column email: 'Chair <chair@liverpool.sample.invalid>' is not an email address alone:"
                            + " write only the address, without the name");
        }

        @Test
        void aPopulationThatIsNotAWholeNumberIsRefused() throws Exception {
            Path file = write("populations.csv", "organisation_code,mid_year,residents",
                    "E08000012,2024,about 500k",
                    "E08000012,2025,\"501,234\"");
            assertThat(problemsOf(file)).containsExactly("populations.csv, row 2, column residents: 'about 500k' is not a whole number");
        }

        @Test
        void anUnknownOrganisationKindIsRefusedListingTheKinds() throws Exception {
            Path file = write("organisations.csv", "code,name,kind", "E06000064,Westmorland and Furness Council,Unitary authority");
            assertThat(problemsOf(file)).containsExactly("organisations.csv, row 2, column kind: unknown kind 'Unitary authority': "
                    + "expected one of County Council, District Council, Metropolitan Borough, Unitary Council, London Borough, "
                    + "Care provider, Fire and rescue authority, National park authority, Transport authority, Combined authority, "
                    + "Police and crime body, Parish or town council, Other body");
        }
    }

    @Nested
    class Decisions {

        @Test
        void aSatisfactoryRemedyIsRefusedOnADecisionThatWasNotUpheld() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",satisfactory_remedy",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,yes",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,Advice given,yes",
                    "C3,E08000011,Housing,2023-04-03,2023-09-01,Upheld,yes");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column satisfactory_remedy: a satisfactory remedy by the organisation is recorded only on "
                            + "upheld decisions, and this one is 'Not upheld'",
                    "decisions.csv, row 3, column satisfactory_remedy: a satisfactory remedy by the organisation is recorded only on "
                            + "upheld decisions, and this one is 'Advice given'");
        }

        @Test
        void aDetailedInvestigationContradictingTheOutcomeIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",detailed_investigation",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Upheld,no",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,Closed after initial enquiries,yes",
                    "C3,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,yes",
                    "C4,E08000011,Housing,2023-04-03,2023-09-01,Advice given,no");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column detailed_investigation: 'Upheld' decisions end a detailed investigation: "
                            + "write yes or leave it blank",
                    "decisions.csv, row 3, column detailed_investigation: only upheld and not upheld decisions end a detailed "
                            + "investigation: write no or leave it blank");
        }

        @Test
        void aNotUpheldDecisionWithoutADetailedInvestigationIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",detailed_investigation",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,no");
            assertThat(problemsOf(file)).containsExactly("decisions.csv, row 2, column detailed_investigation: 'Not upheld' decisions "
                    + "end a detailed investigation: write yes or leave it blank");
        }

        @Test
        void aPublicReportNeedsBothItsDateAndItsTitle() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",public_report_date,public_report_title",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Upheld,,Delay in housing repairs",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,Upheld,2023-10-01,");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column public_report_date: a public report needs its date",
                    "decisions.csv, row 3, column public_report_title: a public report needs its title");
        }

        @Test
        void aDecisionAboutACouncilAfterItWasAbolishedOrBeforeItWasCreatedIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS,
                    "C1,E07000026,Housing,2023-01-03,2023-04-01,Not upheld",     // Allerdale's last day was 31 March 2023
                    "C2,E06000063,Housing,2023-01-03,2023-03-31,Not upheld",     // Cumberland's first day was 1 April 2023
                    "C3,E06000063,Housing,2023-01-03,2023-04-01,Not upheld");
            assertThat(problemsOf(file)).containsExactly(
                    "decisions.csv, row 2, column organisation_code: organisation 'E07000026' did not exist on the decision date: "
                            + "record the decision against the body that did",
                    "decisions.csv, row 3, column organisation_code: organisation 'E06000063' did not exist on the decision date: "
                            + "record the decision against the body that did");
        }

        @Test
        void aDecisionOnACouncilsLastOrFirstDayIsAccepted() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS,
                    "C1,E07000026,Housing,2023-01-03,2023-03-31,Not upheld",
                    "C2,E06000063,Housing,2023-01-03,2023-04-01,Not upheld");
            assertThat(imported(List.of(file), Optional.empty()).inserted()).isEqualTo(2);
        }

        @Test
        void anEndDateBeforeDecisionsAlreadyRecordedIsRefused() throws Exception {
            Path file = write("organisations.csv", ORGANISATION_HEADINGS,
                    "E08000011,Knowsley Metropolitan Borough Council,Knowsley,Metropolitan Borough,,North West,1974-04-01,2023-03-31,,53.43,-2.84");
            ImportReport report = importFiles(List.of(file));
            assertThat(report.succeeded()).as("the import should be refused").isFalse();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("organisations.csv");
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.column()).isEqualTo("end_date");
            });
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }
    }

    @Nested
    class Recommendations {

        @Test
        void aRecommendationForAnUnknownCaseIsRefused() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0003,1,Apologise,2023-12-02,pending,",
                    "SAMPLE-99-0001,1,Apologise,2023-12-02,pending,");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 3, column case_reference: unknown case reference 'SAMPLE-99-0001': import its decision first");
        }

        @Test
        void compliedAfterTheDueDateIsRefusedAsNotLate() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0001,3,Pay £150,2023-07-14,complied,2023-07-20");
            assertThat(problemsOf(file)).containsExactly("recommendations.csv, row 2, column compliance_outcome: "
                    + "complied on 2023-07-20, after the due date 2023-07-14: record it as complied late");
        }

        @Test
        void compliedLateByTheDueDateIsRefused() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0001,3,Pay £150,2023-07-14,complied late,2023-07-14",
                    "SAMPLE-23-0001,4,Pay £150,2023-07-14,complied late,2023-07-01");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 2, column compliance_outcome: complied on 2023-07-14, by the due date 2023-07-14: "
                            + "record it as complied",
                    "recommendations.csv, row 3, column compliance_outcome: complied on 2023-07-01, by the due date 2023-07-14: "
                            + "record it as complied");
        }

        @Test
        void aPendingRecommendationWithAComplianceDateIsRefused() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0008,1,Refund the care fees charged for the missed visits,2024-05-28,pending,2024-05-20");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 2, column compliance_date: a pending recommendation has no compliance date yet");
        }

        @Test
        void aRecordedOutcomeWithoutItsDateIsRefused() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0008,1,Refund the care fees charged for the missed visits,2024-05-28,not complied,");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 2, column compliance_date: 'Not complied' needs the date it was recorded");
        }
    }

    @Nested
    class Enquiries {

        @Test
        void anAnswerDatedBeforeTheEnquiryWasSentIsRefused() throws Exception {
            Path file = write("enquiries.csv", ENQUIRY_HEADINGS, "SAMPLE-23-0007,1,E08000012,2023-06-01,2023-06-30,,2023-05-31,yes");
            assertThat(problemsOf(file)).containsExactly("enquiries.csv, row 2, column answered_date: "
                    + "the answer is dated before the enquiry was sent (2023-05-31 is before 2023-06-01)");
        }

        @Test
        void anExtensionThatDoesNotMoveTheDeadlineIsRefused() throws Exception {
            Path file = write("enquiries.csv", ENQUIRY_HEADINGS,
                    "SAMPLE-23-0007,1,E08000012,2023-06-01,2023-06-30,2023-06-30,2023-07-05,yes",
                    "SAMPLE-23-0007,2,E08000012,2023-06-01,2023-06-30,2023-06-15,2023-07-05,yes",
                    "SAMPLE-23-0007,3,E08000012,2023-06-01,2023-06-30,2023-07-01,2023-07-05,yes");
            assertThat(problemsOf(file)).containsExactly(
                    "enquiries.csv, row 2, column extended_to: an extension must move the deadline past the due date 2023-06-30",
                    "enquiries.csv, row 3, column extended_to: an extension must move the deadline past the due date 2023-06-30");
        }

        @Test
        void anUnansweredEnquiryCannotBeCompleteOrIncomplete() throws Exception {
            Path file = write("enquiries.csv", ENQUIRY_HEADINGS, "SAMPLE-23-0007,1,E08000012,2023-06-01,2023-06-30,,,no");
            assertThat(problemsOf(file)).containsExactly(
                    "enquiries.csv, row 2, column complete: only an answered enquiry can be complete or incomplete");
        }
    }

    @Nested
    class WholeFiles {

        @Test
        void aFileWhoseNameDoesNotTellItsRecordsIsRefused() throws Exception {
            Path file = write("notes.csv", "reporting_year,workshops,people_reached", "2024-25,130,1800");
            assertThat(problemsOf(file)).containsExactly("notes.csv: cannot tell which records the file holds: name it after them "
                    + "(organisations, populations, contacts, code-provisions, decisions, recommendations, service-improvements, "
                    + "code-failures, enquiries, training, training-totals, code-self-assessments, code-failure-notices, "
                    + "such as decisions-2023-24.csv)");
        }

        @Test
        void namingTheRecordTypeImportsAFileWhoseNameDoesNotTellIt() throws Exception {
            Path file = write("notes.csv", "reporting_year,workshops,people_reached", "2024-25,130,1800");
            ImportReport report = imported(List.of(file), Optional.of(RecordType.TRAINING_TOTALS));
            assertThat(report.sources()).singleElement().satisfies(s -> {
                assertThat(s.source()).isEqualTo("notes.csv");
                assertThat(s.type()).isEqualTo(RecordType.TRAINING_TOTALS);
                assertThat(s.inserted()).isEqualTo(1);
            });
        }

        @Test
        void anEmptyFileIsRefused() throws Exception {
            Path file = directory.resolve("decisions.csv");
            Files.write(file, new byte[0]);
            assertThat(problemsOf(file)).containsExactly("decisions.csv: the file is empty: it needs a heading row");
        }

        @Test
        void aMissingFileIsRefused() {
            Path file = directory.resolve("decisions-2024-25.csv");
            assertThat(problemsOf(file)).containsExactly("decisions-2024-25.csv: no such file: " + file);
        }

        @Test
        void anOldXlsWorkbookIsRefusedSayingHowToSaveIt() throws Exception {
            Path file = directory.resolve("records.xls");
            try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(file)) {
                workbook.createSheet("decisions");
                workbook.write(out);
            }
            assertThat(problemsOf(file)).containsExactly("records.xls: old .xls workbooks are not read: save it as .xlsx, or each sheet as CSV UTF-8");
        }

        @Test
        void aQuoteInsideAnUnquotedCellIsRefusedAsBadCsv() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0003,1,\"Apologise\" and pay,2023-12-02,pending,");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 2: a quote mark (\") inside a cell that does not start with one: put the whole cell"
                            + " in quotes and double the quote marks inside it (\"He said \"\"no\"\"\")");
        }

        @Test
        void aWindows1252FileIsRefusedAtTheRowAndColumnOfItsFirstBytesThatAreNotUtf8() throws Exception {
            Path file = directory.resolve("recommendations.csv");
            Files.write(file, String.join("\r\n", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0003,1,\"Apologise.\r\nPay 100 pounds.\",2023-12-02,pending,",
                    "SAMPLE-23-0003,2,Pay \u00a3100 \u2013 promptly,2023-12-02,pending,", "").getBytes(java.nio.charset.Charset.forName("windows-1252")));
            assertThat(problemsOf(file)).containsExactly("recommendations.csv, row 3, column recommendation: the file is not UTF-8 text:"
                    + " the byte A3 here is not UTF-8 (\"\u00a3\" in Windows-1252): save it as \"CSV UTF-8\"");
        }

        @Test
        void bytesThatAreNotUtf8FarIntoAFileAreReportedWhereTheyAre() throws Exception {
            List<String> lines = new ArrayList<>(List.of(DECISION_HEADINGS));
            for (int i = 1; i < 5000; i++) {
                lines.add("C" + i + ",E08000011,Housing,2023-04-03,2023-09-01,Not upheld");
            }
            lines.add("C5000,E08000011,Housing,2023-04-03,2023-09-01,Upheld");
            lines.add("C5001,E08000011,Housing,2023-04-03,2023-09-01,Upheld \u2013 late");
            Path file = directory.resolve("decisions.csv");
            Files.write(file, (String.join("\n", lines) + "\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
            assertThat(Files.size(file)).as("well past the first buffers read").isGreaterThan(200_000);
            assertThat(problemsOf(file)).containsExactly("decisions.csv, row 5002, column outcome: the file is not UTF-8 text:"
                    + " the byte 96 here is not UTF-8 (\"\u2013\" in Windows-1252): save it as \"CSV UTF-8\"");
        }

        @Test
        void aCellLongerThanAnyColumnTakesIsRefusedAsTooLongAtItsRowAndColumn() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0003,1,Apologise,2023-12-02,pending,",
                    "SAMPLE-23-0003,2,\"" + "Pay, and apologise. ".repeat(1_000_000) + "\",2023-12-02,pending,");
            assertThat(Files.size(file)).as("a cell of 20 MB").isGreaterThan(20_000_000);
            assertThat(problemsOf(file)).containsExactly("recommendations.csv, row 3, column recommendation: the cell is too long:"
                    + " more than 1,000,000 characters, the most a cell may hold (a quote mark (\") that opens a cell and is never closed"
                    + " makes the rest of the file one cell)");
        }

        @Test
        void aQuoteThatIsNeverClosedIsRefused() throws Exception {
            Path file = write("decisions.csv", DECISION_HEADINGS + ",complaint_handling_code_finding",
                    "C1,E08000011,Housing,2023-04-03,2023-09-01,Upheld,\"The council did not acknowledge the complaint",
                    "C2,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,",
                    "C3,E08000011,Housing,2023-04-03,2023-09-01,Not upheld,");
            ImportReport report = importFiles(List.of(file));
            assertThat(report.succeeded()).as("the import should be refused, not read as %s", report.sources()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.row()).isEqualTo(2);
                assertThat(p.reason()).containsIgnoringCase("quote");
            });
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }

        @Test
        void rowsAreNumberedAsASpreadsheetShowsThemEvenAfterACellWithALineBreak() throws Exception {
            Path file = write("recommendations.csv", RECOMMENDATION_HEADINGS,
                    "SAMPLE-23-0003,1,\"Apologise.\nPay £100.\",2023-12-02,pending,",
                    "SAMPLE-23-0003,2,Train staff,2023-12-32,pending,");
            assertThat(problemsOf(file)).containsExactly(
                    "recommendations.csv, row 3, column due_date: '2023-12-32' is not a date: write 2024-03-31 or 31/03/2024");
        }

        @Test
        void aProblemInAnEarlierFileStopsTheValidLaterFiles() throws Exception {
            Path organisations = write("organisations.csv", ORGANISATION_HEADINGS,
                    "E08000011,Knowsley Council,Knowsley,Metropolitan Borough,,North West,1974-04-01,,,53.43,-2.84",
                    "E08000012,Liverpool City Council,Liverpool,Metropolitan Borough,,North West,1974-04-01,1974-03-31,,53.41,-2.96");
            Path decisions = write("decisions.csv", DECISION_HEADINGS, "C1,E08000011,Housing,2023-04-03,2023-09-01,Not upheld");
            Path totals = write("training-totals.csv", "reporting_year,workshops,people_reached", "2024-25,130,1800");
            assertThat(problemsOf(totals, decisions, organisations)).containsExactly(
                    "organisations.csv, row 3, column end_date: the end date is before the start date (1974-03-31 is before 1974-04-01)");
        }

        @Test
        void rowsReferringToAnEarlierRefusedFileAreNotReportedUnknown() throws Exception {
            Path organisations = write("organisations.csv", "code,name,kind,start_date",
                    "E06000064,Westmorland and Furness Council,Unitary Council,2023-04-01",
                    "E06000065,North Yorkshire Council,Unitary authority,2023-04-01");
            Path decisions = write("decisions.csv", DECISION_HEADINGS,
                    "C1,E06000064,Housing,2023-04-03,2023-09-01,Not upheld",
                    "C2,E06000064,Housing,2023-04-03,2023-09-01,Upheld");
            assertThat(problemsOf(organisations, decisions)).singleElement()
                    .asString().startsWith("organisations.csv, row 3, column kind: unknown kind 'Unitary authority'");
        }
    }

    @Nested
    class ImportingAgain {

        @ParameterizedTest(name = "{0}")
        @EnumSource(RecordType.class)
        void reimportingASampleFileLeavesEveryRowUnchanged(RecordType type) {
            Path sample = SAMPLES.resolve(type.fileName() + ".csv");
            ImportReport report = imported(List.of(sample), Optional.empty());
            assertThat(report.sources()).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(type);
                assertThat(s.rows()).isPositive();
                assertThat(s.inserted()).isZero();
                assertThat(s.updated()).isZero();
                assertThat(s.unchanged()).isEqualTo(s.rows());
            });
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }

        @Test
        void reimportingAllTheSamplesLeavesEveryFileUnchanged() {
            ImportReport report = imported(samples(), Optional.empty());
            assertThat(report.sources()).extracting(SourceSummary::type).containsExactly(RecordType.values());
            assertThat(report.sources()).allSatisfy(s -> {
                assertThat(s.inserted()).as(s.source()).isZero();
                assertThat(s.updated()).as(s.source()).isZero();
                assertThat(s.unchanged()).as(s.source()).isEqualTo(s.rows());
            });
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }

        @Test
        void anOrganisationWithANewNameIsCountedUpdatedAndTheOthersUnchanged() throws Exception {
            String register = Files.readString(SAMPLES.resolve("organisations.csv"))
                    .replace("Knowsley Metropolitan Borough Council", "Knowsley Council");
            Path file = directory.resolve("organisations.csv");
            Files.writeString(file, register);
            ImportReport report = imported(List.of(file), Optional.empty());
            assertThat(report.inserted()).isZero();
            assertThat(report.updated()).isEqualTo(1);
            assertThat(report.unchanged()).isEqualTo(4);
            assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select name from organisation where code = 'E08000011'",
                    String.class)).isEqualTo("Knowsley Council");
            assertThat(events).containsExactly(new RecordsImported(java.util.EnumSet.of(RecordType.ORGANISATIONS)));
        }

        @Test
        void aRowReplacesTheWholeRecordSoABlankCellOrAMissingColumnClearsAValue() throws Exception {
            Path file = write("organisations.csv", "code,name,short_name,kind,start_date",
                    "E08000011,Knowsley Metropolitan Borough Council,,Metropolitan Borough,1974-04-01");
            assertThat(imported(List.of(file), Optional.empty()).updated()).isEqualTo(1);
            assertThat(new JdbcTemplate(database.dataSource()).queryForList(
                    "select short_name, region, latitude from organisation where code = 'E08000011'")).singleElement()
                    .satisfies(row -> assertThat(row.values()).containsOnlyNulls());
        }
    }

    @Nested
    class ComplaintHandlingCode {

        @Test
        void theSamplesCodeRecordsAreImportedWithTheirDecisionsOrganisationAndYearCopied() {
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            assertThat(jdbc.queryForList("select case_reference || ' ' || provision || ' ' || organisation_code || ' ' || reporting_year"
                    + " from code_failure order by 1", String.class)).containsExactly(
                    "SAMPLE-23-0001 not-signposted E08000011 2023-24", "SAMPLE-23-0001 stage-1-late E08000011 2023-24",
                    "SAMPLE-23-0002 acknowledgement-late E08000011 2023-24");
            assertThat(jdbc.queryForObject("select count(*) from code_provision", Long.class)).as("the five shipped, imported again unchanged")
                    .isEqualTo(5);
            assertThat(jdbc.queryForObject("select reporting_year from code_failure_notice", String.class)).isEqualTo("2023-24");
            assertThat(importFiles(samples()).sources()).as("imported again").allSatisfy(source ->
                    assertThat(source.inserted() + source.updated()).as(source.toString()).isZero());
        }

        @Test
        void aFailureOfAnUnknownProvisionOrCaseIsRefusedByRowAndColumn() throws Exception {
            Path file = write("code-failures.csv", "case_reference,provision",
                    "SAMPLE-23-0003,stage-1-late",
                    "SAMPLE-23-0003,answered-rudely",
                    "NO-SUCH-CASE,stage-2-late");
            assertThat(problemsOf(file)).containsExactlyInAnyOrder(
                    "code-failures.csv, row 3, column provision: unknown Complaint Handling Code provision 'answered-rudely': add it to the provisions (code-provisions) first",
                    "code-failures.csv, row 4, column case_reference: unknown case reference 'NO-SUCH-CASE': import its decision first");
        }

        @Test
        void aNewProvisionImportedInTheSameRunCanBeNamedAtOnce() throws Exception {
            Path provisions = write("code-provisions.csv", "code,label", "remedy-not-offered,No remedy offered at stage 1");
            Path failures = write("code-failures.csv", "case_reference,provision", "SAMPLE-23-0003,remedy-not-offered");
            assertThat(imported(List.of(failures, provisions), Optional.empty()).inserted()).isEqualTo(2);
        }

        @Test
        void aProvisionCodeIsWordsJoinedByHyphens() throws Exception {
            Path file = write("code-provisions.csv", "code,label", "Stage 3 late,Stage 3 answered late");
            assertThat(problemsOf(file)).containsExactly("code-provisions.csv, row 2, column code: 'Stage 3 late' is not a provision code: "
                    + "lower case letters and digits joined by hyphens, such as stage-1-late");
        }

        @Test
        void aSelfAssessmentFoundNeedsItsDateAndOneNotFoundHasNone() throws Exception {
            String headings = "organisation_code,reporting_year,self_assessment_found,self_assessment_date,self_assessment_address,"
                    + "annual_report_found,annual_report_date,annual_report_address,governance_response_found,governance_response_date";
            Path file = write("code-self-assessments.csv", headings,
                    "E08000011,2026-27,yes,,https://example.gov.uk/sa,no,,,no,",
                    "E08000012,2026-27,no,,,no,,https://example.gov.uk/report,yes,",
                    "E99999999,2026-27,no,,,no,,,no,");
            assertThat(problemsOf(file)).containsExactly(
                    "code-self-assessments.csv, row 2, column self_assessment_date: the self-assessment was found: give the date it was published",
                    "code-self-assessments.csv, row 3, column annual_report_found: the annual complaints report has a date or address but is "
                            + "recorded as not found: say yes, or leave them empty",
                    "code-self-assessments.csv, row 3, column governance_response_date: the governance body's response was found: give the "
                            + "date it was published",
                    "code-self-assessments.csv, row 4, column organisation_code: unknown organisation 'E99999999': add it to the register "
                            + "(organisations) first");
        }
    }
}
