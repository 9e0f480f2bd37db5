package org.annualreview.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A CSV file of one record type, read as a stream with FastCSV. It must be UTF-8 (a byte order mark is
 * allowed, as Excel's "CSV UTF-8" writes one); anything else is reported, not guessed at, at the row and
 * column of the first bytes that are not UTF-8. Rows are numbered as a spreadsheet shows them: one row per
 * record, blank lines included, whatever line breaks a cell holds. No cell may hold more than
 * {@value #LONGEST_CELL} characters.
 */
final class CsvSource implements RecordSource {

    /**
     * The most characters one cell may hold: far more than any column takes (2,000 at most), far less than the
     * 16 MiB FastCSV would hold, so that a cell swallowing the rest of a file is named as the cell it is.
     */
    static final int LONGEST_CELL = 1_000_000;

    private static final String SAVE_AS_UTF8 = "save it as \"CSV UTF-8\"";

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
        List<String> headings = List.of();
        long headingRow = 0;
        try (InputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead)) {
            skipByteOrderMark(in);
            CsvText text = new CsvText(in);
            try (CsvReader<CsvRecord> csv = CsvReader.builder()
                    .allowExtraFields(true)
                    .allowMissingFields(true)
                    .skipEmptyLines(false)
                    .ofCsvRecord(text)) {
                for (CsvRecord record : csv) {
                    row++;
                    if (isBlank(record)) {
                        continue;
                    }
                    if (headingRow == 0) {
                        headings = record.getFields();
                        headingRow = row;
                        sink.headings(row, headings);
                    } else {
                        sink.row(row, record.getFields());
                    }
                }
                if (headingRow == 0) {
                    throw new Unreadable(0, "the file is empty: it needs a heading row");
                }
                if (text.quotes % 2 == 1) {
                    throw new Unreadable(row, "a quote mark (\") opens a cell that is never closed, so the rest of the file"
                            + " was read as that one cell: close the quote, or double a quote mark that is part of the text (\"\")");
                }
            }
        } catch (UncheckedIOException | CsvParseException | BadText e) {
            Optional<BadText> bad = badText(e);
            if (bad.isPresent()) {
                BadText where = bad.get();
                if (headingRow == 0) {   // FastCSV had read ahead to the bad text before handing over the heading row
                    headings = headingsBefore(where.row);
                }
                String column = where.column < headings.size() ? headings.get(where.column) : String.valueOf(where.column + 1);
                throw new Unreadable(where.row, column, where.getMessage());
            }
            if (e instanceof CsvParseException) {
                throw new Unreadable(row + 1, "a quote mark (\") inside a cell that does not start with one: put the whole cell"
                        + " in quotes and double the quote marks inside it (\"He said \"\"no\"\"\")");
            }
            throw e;
        }
    }

    /** The heading row, if there is one before the row given (read again, up to that row only); else none. */
    private List<String> headingsBefore(long row) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            skipByteOrderMark(in);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).skipEmptyLines(false)
                    .ofCsvRecord(new java.io.InputStreamReader(in, decoder))) {
                long number = 0;
                for (CsvRecord record : csv) {
                    if (++number >= row) {
                        break;
                    }
                    if (!isBlank(record)) {
                        return record.getFields();
                    }
                }
            } catch (UncheckedIOException | CsvParseException e) {
                // no heading row can be read before it
            }
        }
        return List.of();
    }

    /** The position and reason of text that could not be read as CSV, however FastCSV wrapped it. */
    private static Optional<BadText> badText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadText bad) {
                return Optional.of(bad);
            }
        }
        return Optional.empty();
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

    /** Text that is not UTF-8, or a cell too long, at a row (as a spreadsheet numbers them) and column (from 0). */
    static final class BadText extends IOException {
        final long row;
        final int column;

        BadText(long row, int column, String reason) {
            super(reason, null);
            this.row = row;
            this.column = column;
        }
    }

    /**
     * The file's bytes decoded as UTF-8 for FastCSV, followed as CSV as they go: the row and column each character
     * is in (a line break outside quotes ends a row; \r\n is one), so that bytes that are not UTF-8, or a cell
     * longer than {@link #LONGEST_CELL}, are reported where they are rather than where FastCSV had read to. It also
     * counts quote marks: well-formed CSV has an even number, so an odd count means a quote never closed.
     */
    private static final class CsvText extends Reader {
        private static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private boolean endOfInput;
        private boolean flushed;   // every byte decoded, and the decoder flushed: nothing more to read

        long quotes;
        private long row = 1;
        private int column;
        private long cellLength;
        private boolean quoted;
        private boolean afterCarriageReturn;

        CsvText(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (out.position() == offset && !flushed) {
                int from = out.position();
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isUnderflow() && endOfInput) {
                    result = decoder.flush(out);
                    flushed = result.isUnderflow();
                }
                follow(buffer, from, out.position());
                if (result.isError()) {
                    byte[] bad = new byte[result.length()];
                    bytes.get(bad);
                    throw new BadText(row, column, notUtf8(bad));
                }
                if (result.isOverflow()) {
                    break;
                }
                if (!endOfInput) {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
            return out.position() == offset ? -1 : out.position() - offset;
        }

        /** Follows the characters just decoded through the rows and cells. */
        private void follow(char[] buffer, int from, int to) throws BadText {
            for (int i = from; i < to; i++) {
                char c = buffer[i];
                boolean newLine = c == '\n' && afterCarriageReturn;
                afterCarriageReturn = c == '\r';
                if (newLine) {
                    continue;   // the second half of \r\n
                }
                if (c == '"') {
                    quotes++;
                    quoted = !quoted;
                } else if (!quoted && c == ',') {
                    column++;
                    cellLength = 0;
                    continue;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    row++;
                    column = 0;
                    cellLength = 0;
                    continue;
                }
                if (++cellLength > LONGEST_CELL) {
                    throw new BadText(row, column, String.format(java.util.Locale.UK, "the cell is too long: more than %,d characters, the most"
                            + " a cell may hold (a quote mark (\") that opens a cell and is never closed makes the rest of the file one cell)",
                            LONGEST_CELL));
                }
            }
        }

        /** Why bytes are not UTF-8, with what they would be in Windows-1252 (as older spreadsheets save CSV), if anything. */
        private static String notUtf8(byte[] bad) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bad) {
                hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02X", b & 0xFF));
            }
            String windows = new String(bad, WINDOWS_1252);
            boolean readable = windows.codePoints().allMatch(c -> c != 0xFFFD && !Character.isISOControl(c));
            return "the file is not UTF-8 text: the byte" + (bad.length > 1 ? "s " : " ") + hex + " here "
                    + (bad.length > 1 ? "are" : "is") + " not UTF-8" + (readable ? " (\"" + windows + "\" in Windows-1252)" : "")
                    + ": " + SAVE_AS_UTF8;
        }

        @Override
        public void close() throws IOException {
            in.close();
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
