package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.annualreview.testing.TableContents;
import org.annualreview.testing.TestDatabase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * XLSX workbooks: one sheet per record type, read like the CSV files. docs/samples/records.xlsx holds the same
 * records as the CSV samples (SampleWorkbook writes it from them).
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class XlsxImportIT {

    static final String SHEETS = "organisations, populations, contacts, code-provisions, decisions, recommendations, "
            + "service-improvements, code-failures, enquiries, training, training-totals, code-self-assessments, code-failure-notices";

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Imports imports;
    List<Object> events;

    @BeforeEach
    void startDatabase() {
        database = TestDatabase.start(databaseKind);
        events = new ArrayList<>();
        imports = new Imports(database.dataSource(), events::add);
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    static List<Path> csvSamples() throws Exception {
        try (Stream<Path> list = Files.list(SampleWorkbook.SAMPLES)) {
            return list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    static ImportReport importInto(Imports imports, Path... files) {
        return imports.importFiles(List.of(files), Optional.empty(), ImportProgress.NONE);
    }

    ImportReport importFiles(Path... files) {
        return importInto(imports, files);
    }

    ImportReport imported(Path... files) {
        ImportReport report = importFiles(files);
        assertThat(report.problems()).as("the import should succeed").isEmpty();
        return report;
    }

    Path save(XSSFWorkbook workbook, String name) throws Exception {
        Path file = directory.resolve(name);
        SampleWorkbook.write(workbook, file);
        workbook.close();
        return file;
    }

    @Nested
    class TheSampleWorkbook {

        @Test
        void holdsTheSameRecordsAsTheCsvSamples() throws Exception {
            try (TestDatabase fromCsv = TestDatabase.start(databaseKind)) {
                ImportReport csv = importInto(new Imports(fromCsv.dataSource(), e -> { }), csvSamples().toArray(Path[]::new));
                assertThat(csv.problems()).isEmpty();

                ImportReport xlsx = imported(SampleWorkbook.WORKBOOK);

                assertThat(TableContents.of(database.dataSource())).isEqualTo(TableContents.of(fromCsv.dataSource()));
                assertThat(xlsx.rows()).isEqualTo(csv.rows());
                assertThat(xlsx.inserted()).as("all but the Code's five provisions, which come with the database").isEqualTo(csv.rows() - 5);
            }
        }

        @Test
        void isImportedSheetBySheetInDependencyOrder() {
            ImportReport report = imported(SampleWorkbook.WORKBOOK);
            assertThat(report.sources()).extracting(SourceSummary::source).containsExactly(
                    Stream.of(RecordType.values()).map(t -> "records.xlsx, sheet " + t.fileName()).toArray(String[]::new));
            assertThat(events).containsExactly(new RecordsImported(java.util.EnumSet.allOf(RecordType.class)));
        }

        @Test
        void importedAgainItLeavesEveryRowUnchanged() {
            imported(SampleWorkbook.WORKBOOK);
            Map<String, List<String>> before = TableContents.of(database.dataSource());
            ImportReport again = imported(SampleWorkbook.WORKBOOK);
            assertThat(again.sources()).hasSize(RecordType.values().length).allSatisfy(s -> {
                assertThat(s.inserted()).as(s.source()).isZero();
                assertThat(s.updated()).as(s.source()).isZero();
                assertThat(s.unchanged()).as(s.source()).isEqualTo(s.rows()).isPositive();
            });
            assertThat(TableContents.of(database.dataSource())).isEqualTo(before);
        }

        @Test
        void importedAfterTheCsvSamplesItLeavesEveryRowUnchanged() throws Exception {
            imported(csvSamples().toArray(Path[]::new));
            ImportReport report = imported(SampleWorkbook.WORKBOOK);
            assertThat(report.inserted()).isZero();
            assertThat(report.updated()).isZero();
            assertThat(report.unchanged()).isEqualTo(report.rows());
        }

        @Test
        void sheetsAreFoundByNameInAnyCaseAndOrder() throws Exception {
            XSSFWorkbook workbook = SampleWorkbook.fromCsv(SampleWorkbook.SAMPLES);
            workbook.setSheetName(workbook.getSheetIndex("decisions"), "Decisions 2023-24");
            workbook.setSheetName(workbook.getSheetIndex("organisations"), "Organisations");
            workbook.setSheetName(workbook.getSheetIndex("training-totals"), "Training totals");
            workbook.setSheetOrder("Organisations", workbook.getNumberOfSheets() - 1);   // the register last: still imported first
            ImportReport report = imported(save(workbook, "Annual review 2023-24.xlsx"));
            assertThat(report.sources()).extracting(SourceSummary::type).containsExactly(RecordType.values());
            assertThat(report.sources().get(0).source()).isEqualTo("Annual review 2023-24.xlsx, sheet Organisations");
        }
    }

    @Nested
    class DateCells {

        @BeforeEach
        void importTheRegister() {
            imported(SampleWorkbook.SAMPLES.resolve("organisations.csv"));
        }

        /** A training sheet with one course, its delivery date written into the cell by {@code date}. */
        Path trainingOn(java.util.function.BiConsumer<XSSFWorkbook, Cell> date) throws Exception {
            XSSFWorkbook workbook = new XSSFWorkbook();
            Sheet sheet = workbook.createSheet("training");
            Row headings = sheet.createRow(0);
            List<String> names = List.of("organisation_code", "course", "delivered_date", "attendees");
            for (int c = 0; c < names.size(); c++) {
                headings.createCell(c).setCellValue(names.get(c));
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("E08000011");
            row.createCell(1).setCellValue("Effective complaint handling");
            date.accept(workbook, row.createCell(2));
            row.createCell(3).setCellValue(12);
            return save(workbook, "training.xlsx");
        }

        Path trainingOn(LocalDate day, String format) throws Exception {
            return trainingOn((workbook, cell) -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                cell.setCellValue(day);
                cell.setCellStyle(style);
            });
        }

        LocalDate deliveredOn() {
            return new JdbcTemplate(database.dataSource()).queryForObject("select delivered_on from training_course", LocalDate.class);
        }

        @ParameterizedTest(name = "shown as {0}")
        @ValueSource(strings = {"dd/mm/yyyy", "d/m/yyyy", "m/d/yy", "mm/dd/yyyy", "yyyy-mm-dd", "d mmmm yyyy", "dddd, d mmmm yyyy",
                "d-mmm-yy", "mmm yyyy", "dd/mm/yyyy hh:mm", "[$-809]dd mmmm yyyy;@"})
        void aDateCellIsReadAsItsDateWhateverItsDisplayFormat(String format) throws Exception {
            imported(trainingOn(LocalDate.of(2024, 3, 5), format));
            assertThat(deliveredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        }

        @Test
        void aDateAndTimeCellIsReadAsItsDate() throws Exception {
            imported(trainingOn((workbook, cell) -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
                cell.setCellValue(java.time.LocalDateTime.of(2024, 3, 31, 23, 59));
                cell.setCellStyle(style);
            }));
            assertThat(deliveredOn()).isEqualTo(LocalDate.of(2024, 3, 31));
        }

        @ParameterizedTest(name = "text {0}")
        @ValueSource(strings = {"31/03/2024", "2024-03-31", "31/3/2024"})
        void aDateTypedAsTextIsReadLikeInACsvFile(String text) throws Exception {
            imported(trainingOn((workbook, cell) -> cell.setCellValue(text)));
            assertThat(deliveredOn()).isEqualTo(LocalDate.of(2024, 3, 31));
        }

        @Test
        void aDateInACellFormattedAsANumberIsRefusedShowingTheNumber() throws Exception {
            Path file = trainingOn((workbook, cell) -> cell.setCellValue(LocalDate.of(2024, 3, 31)));   // no date format: General
            ImportReport report = importFiles(file);
            assertThat(report.problems()).extracting(Problem::toString).containsExactly(
                    "training.xlsx, sheet training, row 2, column delivered_date: '45382' is not a date: write 2024-03-31 or 31/03/2024");
        }

        @Test
        void aWorkbookUsingThe1904DateSystemReadsTheRightDates() throws Exception {
            Path file = trainingOn((workbook, cell) -> {
                workbook.getCTWorkbook().getWorkbookPr().setDate1904(true);
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(SampleWorkbook.DATE_FORMAT));
                cell.setCellValue(LocalDate.of(2024, 3, 31));
                cell.setCellStyle(style);
            });
            imported(file);
            assertThat(deliveredOn()).isEqualTo(LocalDate.of(2024, 3, 31));
        }
    }

    @Nested
    class WhenAWorkbookHasProblems {

        Map<String, List<String>> before;

        @BeforeEach
        void importTheCsvSamples() throws Exception {
            imported(csvSamples().toArray(Path[]::new));
            before = TableContents.of(database.dataSource());
            events.clear();
        }

        /** The sample workbook with Knowsley renamed, so that a refused import would otherwise have changed something. */
        XSSFWorkbook samplesWithARenamedCouncil() throws Exception {
            XSSFWorkbook workbook = SampleWorkbook.fromCsv(SampleWorkbook.SAMPLES);
            Cell name = workbook.getSheet("organisations").getRow(1).getCell(1);
            assertThat(name.getStringCellValue()).isEqualTo("Knowsley Metropolitan Borough Council");
            name.setCellValue("Knowsley Council");
            return workbook;
        }

        List<String> problemsOf(Path file) {
            ImportReport report = importFiles(file);
            assertThat(report.succeeded()).as("the import should be refused").isFalse();
            assertThat(TableContents.of(database.dataSource())).as("the database is unchanged").isEqualTo(before);
            assertThat(events).as("no change is announced").isEmpty();
            return report.problems().stream().map(Problem::toString).toList();
        }

        @Test
        void aSheetWithAnUnknownNameIsRefusedNamingTheSheet() throws Exception {
            XSSFWorkbook workbook = samplesWithARenamedCouncil();
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("Checked by the casework team");
            assertThat(problemsOf(save(workbook, "records.xlsx"))).containsExactly(
                    "records.xlsx, sheet Notes: a sheet must be named after the records it holds: " + SHEETS);
        }

        @Test
        void aBadCellIsReportedWithItsSheetRowAndColumnHeading() throws Exception {
            XSSFWorkbook workbook = samplesWithARenamedCouncil();
            Sheet decisions = workbook.getSheet("decisions");
            decisions.getRow(2).getCell(5).setCellValue("Partly upheld");
            decisions.getRow(3).getCell(3).setCellValue("31/02/2023");
            assertThat(problemsOf(save(workbook, "records.xlsx"))).containsExactly(
                    "records.xlsx, sheet decisions, row 3, column outcome: unknown outcome 'Partly upheld': expected one of Upheld, "
                            + "Not upheld, Closed after initial enquiries, Advice given, Incomplete or invalid, Referred back for local resolution",
                    "records.xlsx, sheet decisions, row 4, column received_date: '31/02/2023' is not a date: write 2024-03-31 or 31/03/2024");
        }

        @Test
        void rowsAreNumberedAsTheSpreadsheetShowsThemPastEmptyRows() throws Exception {
            XSSFWorkbook workbook = samplesWithARenamedCouncil();
            Sheet training = workbook.getSheet("training");
            training.shiftRows(1, training.getLastRowNum(), 2);          // two empty rows under the headings
            training.getRow(4).getCell(3).setCellValue("fourteen");
            assertThat(problemsOf(save(workbook, "records.xlsx"))).containsExactly(
                    "records.xlsx, sheet training, row 5, column attendees: 'fourteen' is not a whole number");
        }

        @Test
        void aRuleBetweenCellsIsReportedWithTheSheetName() throws Exception {
            XSSFWorkbook workbook = samplesWithARenamedCouncil();
            workbook.getSheet("recommendations").getRow(1).getCell(4).setCellValue("complied late");
            assertThat(problemsOf(save(workbook, "records.xlsx"))).containsExactly(
                    "records.xlsx, sheet recommendations, row 2, column compliance_outcome: complied on 2023-07-10, by the due date "
                            + "2023-07-14: record it as complied");
        }

        @Test
        void aCsvFileNamedXlsxIsRefused() throws Exception {
            Path file = directory.resolve("records.xlsx");
            Files.writeString(file, "reporting_year,workshops,people_reached\n2024-25,130,1800\n");
            assertThat(problemsOf(file)).containsExactly(
                    "records.xlsx: not an XLSX workbook: open it in a spreadsheet and save it as .xlsx (Excel Workbook)");
        }

        @Test
        void anOldXlsWorkbookNamedXlsxIsRefused() throws Exception {
            Path file = directory.resolve("records.xlsx");
            try (var workbook = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(file)) {
                workbook.createSheet("training-totals");
                workbook.write(out);
            }
            assertThat(problemsOf(file)).containsExactly(
                    "records.xlsx: this is an old .xls workbook with an .xlsx name: save it as .xlsx, or each sheet as CSV UTF-8");
        }

        @Test
        void anEmptySheetIsRefusedLikeAnEmptyCsvFile() throws Exception {
            var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
            workbook.createSheet("training-totals");
            assertThat(problemsOf(save(workbook, "records.xlsx")))
                    .containsExactly("records.xlsx, sheet training-totals: the sheet is empty: it needs a heading row");
        }

        @Test
        void anEmptyFileNamedXlsxIsRefused() throws Exception {
            Path file = directory.resolve("records.xlsx");
            Files.write(file, new byte[0]);
            assertThat(problemsOf(file)).containsExactly("records.xlsx: the file is empty");
        }
    }
}
