package org.annualreview.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/** One CSV file being written, row by row, straight to disk (UTF-8, heading row first), counting its rows. */
final class CsvFile implements Closeable {

    private final CsvWriter writer;
    private long rows;

    private CsvFile(CsvWriter writer) {
        this.writer = writer;
    }

    static CsvFile create(Path directory, String name, String... headings) throws IOException {
        CsvFile file = new CsvFile(CsvWriter.builder()
                .lineDelimiter(LineDelimiter.LF)
                .bufferSize(1 << 16)
                .build(directory.resolve(name), StandardCharsets.UTF_8));
        file.writer.writeRecord(headings);
        return file;
    }

    /** Writes a data row; a null cell is written empty. */
    void row(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == null) {
                cells[i] = "";
            }
        }
        writer.writeRecord(cells);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** ISO date (2024-03-31), or null for none. */
    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
