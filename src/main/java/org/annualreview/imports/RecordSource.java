package org.annualreview.imports;

import java.io.IOException;
import java.util.List;

/** One stream of records of one type: a CSV file, or one sheet of a workbook. Pushes its rows to a sink. */
interface RecordSource {

    /** How problems name it: "decisions.csv", or "records.xlsx, sheet decisions". */
    String name();

    RecordType type();

    /** Reads every row in order; throws {@link Unreadable} if the file cannot be read as records at all. */
    void read(Sink sink) throws IOException, Unreadable;

    interface Sink {
        /** The heading row, numbered as a spreadsheet shows it (1, unless blank rows come first). */
        void headings(long row, List<String> headings);

        /** A data row; {@code number} counts the heading as row 1. */
        void row(long number, List<String> cells);
    }

    /** The file is not records at all (wrong encoding, not a workbook): reported at the row where reading stopped. */
    final class Unreadable extends Exception {
        private final long row;
        private final String column;

        Unreadable(long row, String reason) {
            this(row, null, reason);
        }

        /** At a row and column (a heading, or the column's number when the headings are not known). */
        Unreadable(long row, String column, String reason) {
            super(reason, null, false, false);
            this.row = row;
            this.column = column;
        }

        long row() {
            return row;
        }

        String column() {
            return column;
        }
    }
}
