package org.annualreview.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * One sheet of an XLSX workbook, named after its record type, read as a stream of SAX events with
 * Apache POI's event API (the sheet is never held in memory as cells). Date cells are read as ISO dates
 * whatever format the spreadsheet shows them in.
 */
final class XlsxSheet implements RecordSource {

    private final Path file;
    private final String sheet;
    private final RecordType type;
    private final LongConsumer rowsRead;

    private XlsxSheet(Path file, String sheet, RecordType type, LongConsumer rowsRead) {
        this.file = file;
        this.sheet = sheet;
        this.type = type;
        this.rowsRead = rowsRead;
    }

    /** The sheets of a workbook, each with the record type it is named after; other sheets are problems. */
    static List<RecordSource> sheetsOf(Path file, Problems problems, LongConsumer rowsRead) throws RecordSource.Unreadable {
        List<RecordSource> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            while (it.hasNext()) {
                it.next().close();
                String name = it.getSheetName();
                var type = RecordType.named(name.trim());
                if (type.isPresent()) {
                    sheets.add(new XlsxSheet(file, name, type.get(), rowsRead));
                } else {
                    problems.add(new Problem(file.getFileName() + ", sheet " + name, 0, null,
                            "a sheet must be named after the records it holds: " + RecordType.allNames()));
                }
            }
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw new RecordSource.Unreadable(0, "not a readable XLSX workbook (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return sheets;
    }

    @Override
    public String name() {
        return file.getFileName() + ", sheet " + sheet;
    }

    @Override
    public RecordType type() {
        return type;
    }

    @Override
    public void read(Sink sink) throws IOException, Unreadable {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream stream = it.next()) {
                    if (!it.getSheetName().equals(sheet)) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new Rows(sink, rowsRead), new IsoDates(), false));
                    xml.parse(new InputSource(stream));
                    return;
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new Unreadable(0, "the sheet cannot be read: " + e.getMessage());
        }
    }

    /** Collects cells into rows, filling the gaps Excel leaves for empty cells. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sink sink;
        private final LongConsumer rowsRead;
        private final List<String> cells = new ArrayList<>();
        private boolean headingSeen;

        Rows(Sink sink, LongConsumer rowsRead) {
            this.sink = sink;
            this.rowsRead = rowsRead;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.isEmpty()) {
                return;
            }
            if (!headingSeen) {
                headingSeen = true;
                sink.headings(List.copyOf(cells));
            } else {
                sink.row(rowNum + 1L, List.copyOf(cells));
                rowsRead.accept(1);
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }

    /** Shows date cells as 2024-03-31, so that a date reads the same whatever the spreadsheet's format. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
