package org.annualreview.imports;

/**
 * One column of a record file: its heading in the file, the database column it fills, how it is read,
 * and whether every row must have it. A derived column has no heading: the row's rule fills it.
 */
record Column(String heading, String target, CellType type, boolean required) {

    static Column required(String heading, String target, CellType type) {
        return new Column(heading, target, type, true);
    }

    static Column optional(String heading, String target, CellType type) {
        return new Column(heading, target, type, false);
    }

    /** A column the importer fills from the others (the reporting year of a date); files never hold it. */
    static Column derived(String target, CellType type) {
        return new Column(null, target, type, false);
    }

    boolean isDerived() {
        return heading == null;
    }
}
