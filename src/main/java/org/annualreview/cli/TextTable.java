package org.annualreview.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for the terminal: each column as wide as its widest cell, heading included, so that a cell of words ("no
 * recommendations due for compliance") moves no column after it; words to the left, numbers to the right, two spaces
 * between columns and none after the last.
 */
final class TextTable {

    enum Align { LEFT, RIGHT }

    private static final String BETWEEN = "  ";

    private final List<Align> columns;
    private final List<String[]> rows = new ArrayList<>();

    private TextTable(List<Align> columns) {
        this.columns = columns;
    }

    /** A table with a column for each alignment given. */
    static TextTable of(Align... columns) {
        return new TextTable(List.of(columns));
    }

    /** A row (the first is usually the headings), a cell for each column. */
    TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    void print(PrintWriter out) {
        print(out, "");
    }

    /** Prints every row, each line starting with the indent given. */
    void print(PrintWriter out, String indent) {
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : BETWEEN).append(columns.get(i) == Align.RIGHT ? padding + row[i] : row[i] + padding);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    @Override
    public String toString() {
        java.io.StringWriter text = new java.io.StringWriter();
        print(new PrintWriter(text, true));
        return text.toString();
    }
}
