package org.annualreview.workspace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.annualreview.statistics.CaseLists;
import org.annualreview.statistics.FiguresCsv;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A council's case lists as files: one XLSX workbook with a sheet per list, or one CSV file per list. The columns are
 * documented in docs/formats.md ("A council's case lists"); both formats have the same headings and rows. No text cell
 * is read as a formula: in the workbook it is a text cell marked as typed with an apostrophe (the text itself unchanged),
 * in a CSV file it has an apostrophe in front ({@link FiguresCsv#safe}).
 */
final class CaseListFiles {

    /**
     * One list: {@code name} is its part of a CSV file's name, {@code sheet} its sheet's name in the workbook; each row
     * holds, in the order of the headings, text (a String), a date (a LocalDate: a real date in the workbook, 2024-03-31
     * in CSV), a whole number (an Integer), or null for a blank cell.
     */
    record Table(String name, String sheet, List<String> headings, List<List<Object>> rows) {
    }

    /** The list a CSV file's address names (received, decisions, compliance, recommendations), if any. */
    static Optional<CaseLists.Part> part(String name) {
        return java.util.Arrays.stream(CaseLists.Part.values()).filter(p -> name(p).equals(name)).findFirst();
    }

    /** The list's part of a CSV file's name and address. */
    static String name(CaseLists.Part part) {
        return part.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static final int WIDEST = 80;

    /**
     * Rows a sheet keeps in memory before writing them out: a streaming workbook, three times quicker than one held whole
     * (in a database of 1,000,000 decisions, the busiest council's 4,600 decisions and 4,600 complaints
     * received of a year in about 0.3 s).
     */
    private static final int ROWS_IN_MEMORY = 200;

    private CaseListFiles() {
    }

    /** The four lists, in their order (a part not read has no rows). */
    static List<Table> tables(CaseLists.Of lists) {
        return List.of(
                new Table(name(CaseLists.Part.RECEIVED), "complaints received",
                        List.of("case_reference", "received_on", "service_area", "decided_on", "decided_in_year", "outcome"),
                        lists.received().stream().map(r -> row(r.caseReference(), r.receivedOn(), r.serviceArea().label(), r.decidedOn(),
                                r.decidedIn().toString(), r.outcome().label())).toList()),
                new Table(name(CaseLists.Part.DECISIONS), "decisions made",
                        List.of("case_reference", "received_on", "decided_on", "service_area", "outcome", "detailed_investigation",
                                "satisfactory_remedy", "public_report_on"),
                        lists.decisions().stream().map(d -> row(d.caseReference(), d.receivedOn(), d.decidedOn(), d.serviceArea().label(),
                                d.outcome().label(), yesNo(d.detailedInvestigation()), yesNo(d.satisfactoryRemedy()),
                                d.publicReportOn().orElse(null))).toList()),
                new Table(name(CaseLists.Part.COMPLIANCE), "compliance outcomes",
                        List.of("case_reference", "compliance_outcome", "last_due_on", "recommendations"),
                        lists.compliance().stream().map(c -> row(c.caseReference(), c.outcome().label(), c.lastDueOn(), c.recommendations()))
                                .toList()),
                new Table(name(CaseLists.Part.RECOMMENDATIONS), "recommendations",
                        List.of("case_reference", "number", "due_on", "compliance_outcome", "compliance_recorded_on", "recommendation"),
                        lists.recommendations().stream().map(r -> row(r.caseReference(), r.number(), r.dueOn(), r.outcome().label(),
                                r.recordedOn().orElse(null), r.recommended())).toList()));
    }

    static Table table(CaseLists.Of lists, CaseLists.Part part) {
        return tables(lists).stream().filter(t -> t.name().equals(name(part))).findFirst().orElseThrow();
    }

    /** The file name: {@code E08000011-2023-24-decisions.csv}, {@code E08000011-2023-24-case-lists.xlsx}. */
    static String fileName(CaseLists.Of lists, String what, String extension) {
        return (lists.organisationCode() + "-" + lists.year() + "-" + what).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    /** One list as CSV: UTF-8 with a byte order mark (so that a spreadsheet reads it as UTF-8), a header row. */
    static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); CsvWriter csv = CsvWriter.builder().build(out)) {
            out.write('\uFEFF');
            csv.writeRecord(table.headings());
            for (List<Object> row : table.rows()) {
                csv.writeRecord(row.stream().map(CaseListFiles::csvCell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String csvCell(Object value) {
        return value == null ? "" : value instanceof String text ? FiguresCsv.safe(text) : value.toString();
    }

    /**
     * Every list as a sheet of one workbook: a bold header row, frozen, with a filter; dates as dates shown dd/mm/yyyy,
     * numbers as numbers; each column as wide as its widest cell (up to {@value #WIDEST} characters).
     */
    static byte[] xlsx(CaseLists.Of lists, String organisationName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try (workbook) {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties()
                    .setTitle(organisationName + ": case lists " + lists.year() + " (not published)");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle typedAsText = workbook.createCellStyle();
            typedAsText.setQuotePrefixed(true);
            for (Table table : tables(lists)) {
                Sheet sheet = workbook.createSheet(table.sheet());
                int[] widths = new int[table.headings().size()];
                Row heading = sheet.createRow(0);
                for (int c = 0; c < widths.length; c++) {
                    Cell cell = heading.createCell(c);
                    cell.setCellValue(table.headings().get(c));
                    cell.setCellStyle(header);
                    widths[c] = table.headings().get(c).length();
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < widths.length; c++) {
                        Object value = values.get(c);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (value instanceof LocalDate day) {
                            cell.setCellValue(day);
                            cell.setCellStyle(date);
                            widths[c] = Math.max(widths[c], 10);
                        } else if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                            widths[c] = Math.max(widths[c], number.toString().length());
                        } else {
                            String text = value.toString();
                            cell.setCellValue(text);
                            if (!FiguresCsv.safe(text).equals(text)) {
                                cell.setCellStyle(typedAsText);
                            }
                            widths[c] = Math.max(widths[c], text.length());
                        }
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, (Math.min(widths[c], WIDEST) + 2) * 256);
                }
                sheet.createFreezePane(0, 1);
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, r - 1), 0, widths.length - 1));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();   // its sheets' temporary files
        }
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(values));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
