package org.annualreview.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * allowed, as Excel's "CSV UTF-8" writes one); anything else is reported, not guessed at.
 */
final class CsvSource implements RecordSource {

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
        long lastRow = 0;
        try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead)) {
            skipByteOrderMark(in);
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .skipEmptyLines(true)
                    .ofCsvRecord(new InputStreamReader(in, decoder))) {
                boolean first = true;
                for (CsvRecord record : csv) {
                    lastRow = record.getStartingLineNumber();
                    if (first) {
                        sink.headings(record.getFields());
                        first = false;
                    } else {
                        sink.row(record.getStartingLineNumber(), record.getFields());
                    }
                }
                if (first) {
                    throw new Unreadable(0, "the file is empty: it needs a heading row");
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new Unreadable(lastRow + 1, "the file is not UTF-8 text (from about this row): save it as \"CSV UTF-8\"");
            }
            throw e;
        } catch (CharacterCodingException e) {
            throw new Unreadable(lastRow + 1, "the file is not UTF-8 text (from about this row): save it as \"CSV UTF-8\"");
        } catch (CsvParseException e) {
            throw new Unreadable(lastRow + 1, "the file is not well-formed CSV: " + e.getMessage());
        }
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
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
