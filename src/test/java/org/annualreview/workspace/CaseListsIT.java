package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ADMINISTRATOR;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.annualreview.testing.ServedWorkspace.LIVERPOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.Visitor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A council's case lists of a year (complaints received, decisions made, compliance outcomes and their recommendations),
 * downloaded from the workspace over the real server, on H2 and on PostgreSQL: its own before publication, as a
 * workbook and as CSV; another council's not found; any council's for staff; as many rows as the figures count; no
 * cell a spreadsheet would run as a formula. The sample records' 2023-24 is published only in 2099.
 */
class CaseListsIT extends OnEachDatabase {

    static final List<String> SHEETS = List.of("complaints received", "decisions made", "compliance outcomes", "recommendations");
    static final Map<String, List<String>> HEADINGS = Map.of(
            "received", List.of("case_reference", "received_on", "service_area", "decided_on", "decided_in_year", "outcome"),
            "decisions", List.of("case_reference", "received_on", "decided_on", "service_area", "outcome", "detailed_investigation",
                    "satisfactory_remedy", "public_report_on"),
            "compliance", List.of("case_reference", "compliance_outcome", "last_due_on", "recommendations"),
            "recommendations", List.of("case_reference", "number", "due_on", "compliance_outcome", "compliance_recorded_on", "recommendation"));

    static String workbookOf(String code, String year) {
        return "/workspace/organisations/" + code + "/case-lists/" + year + ".xlsx";
    }

    static String csvOf(String code, String year, String list) {
        return "/workspace/organisations/" + code + "/case-lists/" + year + "/" + list + ".csv";
    }

    @Test
    void aCouncilUserDownloadsItsOwnUnpublishedCaseListsAsOneWorkbookWithASheetPerList() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);

        HttpResponse<byte[]> answer = council.getBytes(workbookOf(KNOWSLEY, "2023-24"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"E08000011-2023-24-case-lists.xlsx\"");
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactlyElementsOf(SHEETS);
            List<String> names = List.of("received", "decisions", "compliance", "recommendations");
            for (int i = 0; i < SHEETS.size(); i++) {
                Sheet sheet = workbook.getSheetAt(i);
                assertThat(texts(sheet.getRow(0))).as(sheet.getSheetName()).containsExactlyElementsOf(HEADINGS.get(names.get(i)));
                assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).as("a bold header").isTrue();
                assertThat(sheet.getPaneInformation().isFreezePane()).as("the header row frozen").isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(sheet.getColumnWidth(0)).as("the case reference's column as wide as its cells").isGreaterThanOrEqualTo(16 * 256);
            }

            Row decision = rowOf(workbook.getSheet("decisions made"), "SAMPLE-23-0002").orElseThrow();
            assertThat(decision.getCell(1).getCellType()).as("a date is a date").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(decision.getCell(1))).isTrue();
            assertThat(decision.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 3, 1));
            assertThat(new DataFormatter().formatCellValue(decision.getCell(2))).isEqualTo("20/09/2023");
            assertThat(texts(decision).subList(3, 7)).containsExactly("Education and children's services", "Upheld", "yes", "yes");
            assertThat(decision.getCell(7)).as("no public report").isNull();

            Sheet received = workbook.getSheet("complaints received");
            assertThat(rowOf(received, "SAMPLE-23-0003")).as("received 12 May 2023").isPresent();
            assertThat(rowOf(received, "SAMPLE-23-0002")).as("received 1 March 2023, in 2022-23").isEmpty();
            assertThat(texts(rowOf(received, "SAMPLE-23-0003").orElseThrow()).subList(4, 6)).containsExactly("2023-24", "Not upheld");

            Row compliance = rowOf(workbook.getSheet("compliance outcomes"), "SAMPLE-23-0001").orElseThrow();
            assertThat(compliance.getCell(1).getStringCellValue()).as("one complied, one complied late").isEqualTo("Complied late");
            assertThat(compliance.getCell(2).getLocalDateTimeCellValue().toLocalDate()).as("its last recommendation's due date")
                    .isEqualTo(LocalDate.of(2023, 9, 14));
            assertThat(compliance.getCell(3).getNumericCellValue()).isEqualTo(2.0);
            Sheet recommendations = workbook.getSheet("recommendations");
            List<String> ofTheCase = new ArrayList<>();
            recommendations.forEach(row -> {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("SAMPLE-23-0001")) {
                    ofTheCase.add((int) row.getCell(1).getNumericCellValue() + " " + row.getCell(3).getStringCellValue());
                }
            });
            assertThat(ofTheCase).containsExactly("1 Complied", "2 Complied late");
            assertThat(recommendations.getColumnWidth(5)).as("the recommendation's words, up to 80 characters wide").isBetween(40 * 256, 82 * 256);
        }
        assertThat(council.get("/workspace/letters").body()).as("linked from the council's letters").contains(workbookOf(KNOWSLEY, "2023-24"));
    }

    @Test
    void aCouncilUserDownloadsEachOfItsOwnListsAsCsv() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);
        String figures = council.get("/workspace/organisations/" + KNOWSLEY + "/figures/2023-24").body();

        for (String list : HEADINGS.keySet()) {
            assertThat(figures).as("linked from the figures page").contains(csvOf(KNOWSLEY, "2023-24", list));
            HttpResponse<String> answer = council.get(csvOf(KNOWSLEY, "2023-24", list));
            assertThat(answer.statusCode()).as(list).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(answer.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"E08000011-2023-24-" + list + ".csv\"");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(answer.body()).as("a byte order mark, for spreadsheets").startsWith("\uFEFF");
            assertThat(csv(answer.body()).get(0)).containsExactlyElementsOf(HEADINGS.get(list));
        }
        assertThat(csv(council.get(csvOf(KNOWSLEY, "2023-24", "decisions")).body())).contains(List.of("SAMPLE-23-0004", "2023-08-30", "2023-09-05",
                "Planning and development", "Referred back for local resolution", "no", "no", ""));
        assertThat(csv(council.get(csvOf(KNOWSLEY, "2023-24", "received")).body())).contains(List.of("SAMPLE-23-0005", "2023-07-03",
                "Highways and transport", "2023-10-17", "2023-24", "Closed after initial enquiries"));
        assertThat(csv(council.get(csvOf(KNOWSLEY, "2023-24", "compliance")).body())).contains(List.of("SAMPLE-23-0001", "Complied late",
                "2023-09-14", "2"));
    }

    @Test
    void aCouncilUserAskingForAnotherCouncilsListsFindsNothingAndTheAnonymousAreSentToSignIn() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);
        HttpResponse<String> none = council.get(workbookOf("E99999999", "2023-24"));
        assertThat(none.statusCode()).as("an organisation that does not exist").isEqualTo(404);

        for (String path : List.of(workbookOf(LIVERPOOL, "2023-24"), csvOf(LIVERPOOL, "2023-24", "decisions"),
                csvOf(LIVERPOOL.toLowerCase(), "2023-24", "compliance"), workbookOf(LIVERPOOL, "2022-23"))) {
            HttpResponse<String> answer = council.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as("the same answer as for nothing: " + path).isEqualTo(none.body()).doesNotContain("SAMPLE-23-0006");
            assertThat(answer.headers().firstValue("Content-Disposition")).isEmpty();
        }
        assertThat(council.get(csvOf(KNOWSLEY, "2023-24", "letters")).statusCode()).as("a list that does not exist").isEqualTo(404);
        assertThat(council.get(workbookOf(KNOWSLEY, "1999-00")).statusCode()).as("a year without decisions").isEqualTo(404);

        Visitor anyone = workspace.visitor();
        for (String path : List.of(workbookOf(KNOWSLEY, "2023-24"), csvOf(KNOWSLEY, "2023-24", "received"))) {
            HttpResponse<String> answer = anyone.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(Visitor.location(answer)).endsWith("/login");
        }
    }

    @Test
    void staffDownloadAnyCouncilsListsFromItsFiguresPageAndTheLetters() throws Exception {
        for (String who : List.of(ANALYST, ADMINISTRATOR)) {
            Visitor staff = workspace.signedIn(who);
            assertThat(staff.get("/workspace/letters?year=2023-24").body()).as(who + ": linked from the letters").contains(workbookOf(LIVERPOOL, "2023-24"));
            String figures = staff.get("/workspace/organisations/" + LIVERPOOL + "/figures/2023-24").body();
            assertThat(figures).contains(workbookOf(LIVERPOOL, "2023-24"), csvOf(LIVERPOOL, "2023-24", "decisions"));

            HttpResponse<byte[]> workbook = staff.getBytes(workbookOf(LIVERPOOL, "2023-24"));
            assertThat(workbook.statusCode()).as(who).isEqualTo(200);
            assertThat(workbook.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"E08000012-2023-24-case-lists.xlsx\"");
            try (Workbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
                Row decision = rowOf(opened.getSheet("decisions made"), "SAMPLE-23-0006").orElseThrow();
                assertThat(decision.getCell(7).getLocalDateTimeCellValue().toLocalDate()).as("its public report").isEqualTo(LocalDate.of(2024, 3, 14));
            }
            HttpResponse<String> csv = staff.get(csvOf(LIVERPOOL, "2023-24", "decisions"));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv(csv.body())).extracting(row -> row.get(0)).contains("SAMPLE-23-0006", "SAMPLE-23-0007").doesNotContain("SAMPLE-23-0001");
        }
    }

    /**
     * Knowsley's case SAMPLE-23-0101 has a recommendation due in 2022-23 and one in 2023-24: it is one case of 2023-24's
     * compliance, listed with both its recommendations, and none of 2022-23's.
     */
    @Test
    void theDecisionsAndComplianceListsHaveAsManyRowsAsTheYearsFiguresCount() throws Exception {
        Path directory = Files.createTempDirectory("case-lists");
        Path decisions = Files.writeString(directory.resolve("decisions-more.csv"),
                "case_reference,organisation_code,service_area,received_date,decision_date,outcome\n"
                        + "SAMPLE-23-0101,E08000011,Housing,2022-11-01,2023-01-20,Upheld\n");
        Path recommendations = Files.writeString(directory.resolve("recommendations-more.csv"),
                "case_reference,number,recommendation,due_date,compliance_outcome,compliance_date\n"
                        + "SAMPLE-23-0101,1,Apologise,2023-03-01,complied,2023-02-20\n"
                        + "SAMPLE-23-0101,2,Repair the roof,2023-05-01,not complied,2023-05-10\n");
        assertThat(workspace.cli("import", decisions.toString(), recommendations.toString()).exitCode()).isZero();
        Visitor analyst = workspace.signedIn(ANALYST);

        int compared = 0;
        for (String year : List.of("2022-23", "2023-24")) {
            JsonNode figures = JsonMapper.builder().build().readTree(workspace.cli("stats", "--year", year, "--format", "json").out());
            for (JsonNode organisation : figures.get("organisations")) {
                String code = organisation.get("code").asString();
                JsonNode compliance = organisation.get("compliance");
                long cases = compliance.get("compliedOnTime").asLong() + compliance.get("compliedLate").asLong()
                        + compliance.get("notComplied").asLong() + compliance.get("pending").asLong();
                assertThat(rows(analyst, code, year, "decisions")).as(code + " " + year + ": complaints and enquiries dealt with")
                        .isEqualTo(organisation.get("complaintsAndEnquiries").get("total").asLong());
                assertThat(rows(analyst, code, year, "compliance")).as(code + " " + year + ": cases in compliance").isEqualTo(cases);
                compared++;
            }
        }
        assertThat(compared).as("every organisation of both years").isGreaterThan(4);

        List<List<String>> compliance2324 = csv(analyst.get(csvOf(KNOWSLEY, "2023-24", "compliance")).body());
        assertThat(compliance2324).contains(List.of("SAMPLE-23-0101", "Not complied", "2023-05-01", "2"));
        assertThat(csv(analyst.get(csvOf(KNOWSLEY, "2022-23", "compliance")).body())).extracting(row -> row.get(0)).doesNotContain("SAMPLE-23-0101");
        assertThat(csv(analyst.get(csvOf(KNOWSLEY, "2023-24", "recommendations")).body()))
                .contains(List.of("SAMPLE-23-0101", "1", "2023-03-01", "Complied", "2023-02-20", "Apologise"),
                        List.of("SAMPLE-23-0101", "2", "2023-05-01", "Not complied", "2023-05-10", "Repair the roof"));
    }

    @Test
    void aCellThatASpreadsheetWouldReadAsAFormulaIsWrittenAsText() throws Exception {
        Path directory = Files.createTempDirectory("case-lists");
        List<String> formulas = List.of("=HYPERLINK(\"https://example.com\",\"Refund\")", "+44 151 443 3000 to be called back",
                "-2 days' pay refunded", "@SUM(1,2) reviewed");
        StringBuilder file = new StringBuilder("case_reference,number,recommendation,due_date,compliance_outcome,compliance_date\n");
        for (int i = 0; i < formulas.size(); i++) {
            file.append("SAMPLE-23-0006,").append(i + 2).append(",\"").append(formulas.get(i).replace("\"", "\"\"")).append("\",2024-02-11,complied,2024-02-09\n");
        }
        Path recommendations = Files.writeString(directory.resolve("recommendations-formulas.csv"), file.toString());
        assertThat(workspace.cli("import", recommendations.toString()).exitCode()).isZero();
        Visitor analyst = workspace.signedIn(ANALYST);

        String csv = analyst.get(csvOf(LIVERPOOL, "2023-24", "recommendations")).body();
        List<String> words = csv(csv).stream().filter(row -> row.get(0).equals("SAMPLE-23-0006")).map(row -> row.get(5)).toList();
        assertThat(words).containsAll(formulas.stream().map(f -> "'" + f).toList()).contains("Recalculate the council tax reduction and refund any overpayment");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(analyst.getBytes(workbookOf(LIVERPOOL, "2023-24")).body()))) {
            List<String> seen = new ArrayList<>();
            workbook.getSheet("recommendations").forEach(row -> {
                Cell cell = row.getCell(5);
                if (row.getRowNum() > 0 && formulas.contains(cell.getStringCellValue())) {
                    assertThat(cell.getCellType()).as(cell.getStringCellValue()).isEqualTo(CellType.STRING);
                    assertThat(cell.getCellStyle().getQuotePrefixed()).as("typed as text: " + cell.getStringCellValue()).isTrue();
                    seen.add(cell.getStringCellValue());
                }
            });
            assertThat(seen).as("the words themselves, unchanged").containsExactlyInAnyOrderElementsOf(formulas);
        }
    }

    private static long rows(Visitor visitor, String code, String year, String list) throws Exception {
        HttpResponse<String> answer = visitor.get(csvOf(code, year, list));
        assertThat(answer.statusCode()).as(code + " " + year + " " + list).isEqualTo(200);
        return csv(answer.body()).size() - 1;
    }

    private static List<List<String>> csv(String text) throws Exception {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        }
    }

    private static Optional<Row> rowOf(Sheet sheet, String caseReference) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && caseReference.equals(row.getCell(0).getStringCellValue())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        row.forEach(cell -> texts.add(formatter.formatCellValue(cell)));
        return texts;
    }
}
