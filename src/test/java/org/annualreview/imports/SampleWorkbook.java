package org.annualreview.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Writes docs/samples/records.xlsx from the CSV samples beside it: one sheet per record type, in the order
 * they are imported, dates as real date cells shown dd/mm/yyyy, numbers as number cells, everything else as
 * text. Run it after changing a CSV sample, from the project directory:
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.annualreview.imports.SampleWorkbook
 * </pre>
 * Tests use {@link #fromCsv(Path)} to start from the samples and spoil one thing.
 */
final class SampleWorkbook {

    static final Path SAMPLES = Path.of("docs/samples");
    static final Path WORKBOOK = SAMPLES.resolve("records.xlsx");
    static final String DATE_FORMAT = "dd/mm/yyyy";
    private static final Instant FIXED = Instant.parse("2024-07-01T09:00:00Z");
    private static final long FIXED_TIME = FIXED.toEpochMilli();

    private SampleWorkbook() {
    }

    public static void main(String[] args) throws IOException {
        Path samples = args.length > 0 ? Path.of(args[0]) : SAMPLES;
        Path target = args.length > 1 ? Path.of(args[1]) : samples.resolve("records.xlsx");
        try (XSSFWorkbook workbook = fromCsv(samples)) {
            write(workbook, target);
        }
        System.out.println("Wrote " + target);
    }

    /** A workbook with a sheet for every record type that has a CSV sample in the directory. */
    static XSSFWorkbook fromCsv(Path directory) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(FIXED)));
        workbook.getProperties().getCoreProperties().setCreator("annual-review SampleWorkbook");
        Styles styles = new Styles(workbook);
        for (RecordType type : RecordType.values()) {
            Path csv = directory.resolve(type.fileName() + ".csv");
            if (Files.exists(csv)) {
                addSheet(workbook, styles, type, csv);
            }
        }
        return workbook;
    }

    /** Writes the workbook with fixed timestamps, so that the same samples give the same bytes. */
    static void write(XSSFWorkbook workbook, Path file) {
        try (ByteArrayOutputStream written = new ByteArrayOutputStream()) {
            workbook.write(written);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(FIXED_TIME);
                    out.putNextEntry(copy);
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addSheet(XSSFWorkbook workbook, Styles styles, RecordType type, Path csv) throws IOException {
        Sheet sheet = workbook.createSheet(type.fileName());
        List<Column> columns = null;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord record : reader) {
                Row row = sheet.createRow(sheet.getPhysicalNumberOfRows());
                if (columns == null) {
                    columns = record.getFields().stream().map(heading -> columnOf(type, heading)).toList();
                    for (int c = 0; c < columns.size(); c++) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(columns.get(c).heading());
                        cell.setCellStyle(styles.heading);
                    }
                    continue;
                }
                for (int c = 0; c < record.getFieldCount(); c++) {
                    String text = record.getField(c);
                    if (!text.isEmpty()) {
                        fill(row.createCell(c), columns.get(c).type(), text, styles);
                    }
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; columns != null && c < columns.size(); c++) {
            sheet.autoSizeColumn(c);
        }
    }

    private static Column columnOf(RecordType type, String heading) {
        return type.columns().stream().filter(c -> heading.equals(c.heading())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.fileName() + " has no column " + heading));
    }

    private static void fill(Cell cell, CellType type, String text, Styles styles) {
        try {
            if (type instanceof CellType.Date) {
                cell.setCellValue((LocalDate) type.parse(text));
                cell.setCellStyle(styles.date);
            } else if (type instanceof CellType.WholeNumber || type instanceof CellType.Decimal) {
                cell.setCellValue(Double.parseDouble(text.replace(",", "")));
            } else {
                cell.setCellValue(text);
            }
        } catch (CellType.BadCell e) {
            throw new IllegalArgumentException("the sample '" + text + "' " + e.getMessage(), e);
        }
    }

    private static final class Styles {
        final CellStyle heading;
        final CellStyle date;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading = workbook.createCellStyle();
            heading.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat(DATE_FORMAT));
        }
    }
}
