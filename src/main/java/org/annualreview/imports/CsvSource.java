package org.annualreview.imports;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A CSV file of one record type, read as a stream with FastCSV. It must be UTF-8 (a byte order mark is
 * allowed, as Excel's "CSV UTF-8" writes one); anything else is reported, not guessed at. Rows are
 * numbered as a spreadsheet shows them: one row per record, blank lines included, whatever line breaks
 * a cell holds.
 */
final class CsvSource implements RecordSource {

    private static final String NOT_UTF8 = "the file is not UTF-8 text (from about this row): save it as \"CSV UTF-8\"";

    private final Path file;
    private final RecordType type;
    private final LongConsumer bytesRead;

    CsvSource(Path file, RecordType type, LongConsumer bytesRead) {
        this.file = file;
        this.type = type;
        this.bytesRead = bytesRead;
    }

    Path path() {
        return file;
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public RecordType type() {
        return type;
    }

    @Override
    public void read(Sink sink) throws IOException, Unreadable {
        long row = 0;
        try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead)) {
            skipByteOrderMark(in);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            QuoteCounter text = new QuoteCounter(new InputStreamReader(in, decoder));
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .skipEmptyLines(false)
                    .ofCsvRecord(text)) {
                boolean headingSeen = false;
                for (CsvRecord record : csv) {
                    row++;
                    if (isBlank(record)) {
                        continue;
                    }
                    if (!headingSeen) {
                        sink.headings(row, record.getFields());
                        headingSeen = true;
                    } else {
                        sink.row(row, record.getFields());
                    }
                }
                if (!headingSeen) {
                    throw new Unreadable(0, "the file is empty: it needs a heading row");
                }
                if (text.quotes % 2 == 1) {
                    throw new Unreadable(row, "a quote mark (\") opens a cell that is never closed, so the rest of the file"
                            + " was read as that one cell: close the quote, or double a quote mark that is part of the text (\"\")");
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new Unreadable(row + 1, NOT_UTF8);
            }
            throw e;
        } catch (CharacterCodingException e) {
            throw new Unreadable(row + 1, NOT_UTF8);
        } catch (CsvParseException e) {
            throw new Unreadable(row + 1, "a quote mark (\") inside a cell that does not start with one: put the whole cell"
                    + " in quotes and double the quote marks inside it (\"He said \"\"no\"\"\")");
        }
    }

    private static boolean isBlank(CsvRecord record) {
        for (String field : record.getFields()) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    /** Counts quote marks: well-formed CSV has an even number, so an odd count means a quote never closed. */
    private static final class QuoteCounter extends FilterReader {
        long quotes;

        QuoteCounter(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c == '"') {
                quotes++;
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '"') {
                    quotes++;
                }
            }
            return n;
        }
    }

    /** Tells a progress display how far through the file reading has got. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private final LongConsumer bytesRead;

        CountingInputStream(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead.accept(n);
            }
            return n;
        }
    }
}
