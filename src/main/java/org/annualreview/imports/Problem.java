package org.annualreview.imports;

/**
 * Something wrong in a file: where (file, sheet, row, column) and why. Row 1 is the heading row;
 * a row of 0 means the file as a whole.
 */
public record Problem(String file, long row, String column, String reason) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (column != null && !column.isEmpty()) {
            where.append(", column ").append(column);
        }
        return where + ": " + reason;
    }
}
