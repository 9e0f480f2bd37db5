package org.annualreview.imports;

import java.time.LocalDate;

/** One parsed row on its way to the staging table; rules read it, fill defaults and report problems. */
final class Row {

    interface Rule {
        void check(Row row);
    }

    private final RecordType type;
    private final Object[] values;
    private final Problems problems;
    private final String file;
    private long number;
    private boolean valid;

    Row(RecordType type, Problems problems, String file) {
        this.type = type;
        this.values = new Object[type.columns().size()];
        this.problems = problems;
        this.file = file;
    }

    void reset(long number) {
        this.number = number;
        this.valid = true;
        java.util.Arrays.fill(values, null);
    }

    long number() {
        return number;
    }

    boolean isValid() {
        return valid;
    }

    Object[] values() {
        return values;
    }

    int indexOf(String target) {
        return type.indexOf(target);
    }

    void put(int index, Object value) {
        values[index] = value;
    }

    Object get(String target) {
        return values[type.indexOf(target)];
    }

    LocalDate date(String target) {
        return (LocalDate) get(target);
    }

    void setIfAbsent(String target, Object value) {
        int index = type.indexOf(target);
        if (values[index] == null) {
            values[index] = value;
        }
    }

    /** Reports a problem with this row, under the heading of the column that holds the given target. */
    void reject(String target, String reason) {
        rejectCell(type.indexOf(target), reason);
    }

    void rejectCell(int index, String reason) {
        valid = false;
        problems.add(new Problem(file, number, type.columns().get(index).heading(), reason));
    }
}
