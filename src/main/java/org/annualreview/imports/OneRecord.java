package org.annualreview.imports;

import java.util.List;
import java.util.Map;

import org.annualreview.imports.RecordSource.Sink;

/** A single record given as its cells by column heading, read as a file of one row would be (its row is row 2). */
record OneRecord(String name, RecordType type, Map<String, String> cells) implements RecordSource {

    @Override
    public void read(Sink sink) {
        List<Column> columns = type.columns().stream().filter(c -> !c.isDerived()).toList();
        sink.headings(1, columns.stream().map(Column::heading).toList());
        sink.row(2, columns.stream().map(c -> cells.getOrDefault(c.heading(), "")).toList());
    }
}
