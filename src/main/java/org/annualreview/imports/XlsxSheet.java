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
        } catch (org.apache.poi.EmptyFileException e) {
            throw new RecordSource.Unreadable(0, "the file is empty");
        } catch (org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException e) {
            throw new RecordSource.Unreadable(0, "this is an old .xls workbook with an .xlsx name: save it as .xlsx, or each sheet as CSV UTF-8");
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw new RecordSource.Unreadable(0, "not an XLSX workbook: open it in a spreadsheet and save it as .xlsx (Excel Workbook)");
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
            boolean date1904 = uses1904Dates(reader);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream stream = it.next()) {
                    if (!it.getSheetName().equals(sheet)) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    Rows rows = new Rows(sink, rowsRead);
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            rows, new IsoDates(date1904), false));
                    xml.parse(new InputSource(stream));
                    if (!rows.headingSeen) {
                        throw new Unreadable(0, "the sheet is empty: it needs a heading row");
                    }
                    return;
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new Unreadable(0, "the sheet cannot be read: " + e.getMessage());
        }
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
    private static boolean uses1904Dates(XSSFReader reader) throws IOException, OpenXML4JException {
        try (InputStream workbook = reader.getWorkbookData()) {
            var properties = org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument.Factory
                    .parse(workbook, org.apache.poi.ooxml.POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
            return properties.isSetWorkbookPr() && properties.getWorkbookPr().getDate1904();
        } catch (org.apache.xmlbeans.XmlException e) {
            throw new IOException("the workbook's settings cannot be read", e);
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
                sink.headings(rowNum + 1L, List.copyOf(cells));
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
        private final boolean date1904;

        IsoDates(boolean date1904) {
            super(Locale.UK);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, date1904);
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
