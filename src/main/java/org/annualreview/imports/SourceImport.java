package org.annualreview.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one source into its staging table, row by row, then checks what needs the database (duplicates
 * inside the file, unknown references) and, when nothing anywhere was wrong, merges it into its table.
 */
final class SourceImport implements RecordSource.Sink {

    private final RecordSource source;
    private final Staging staging;
    private final Problems problems;
    private final Row row;
    private int[] cellOf;          // cellOf[column index] = position of its cell in the file's rows, or -1
    private int headingCount;
    private boolean[] unheaded;
    private long rows;
    private SQLException failure;

    SourceImport(RecordSource source, Staging staging, Problems problems) {
        this.source = source;
        this.staging = staging;
        this.problems = problems;
        this.row = new Row(source.type(), problems, source.name());
    }

    long rows() {
        return rows;
    }

    RecordSource source() {
        return source;
    }

    Problems problems() {
        return problems;
    }

    @Override
    public void headings(long rowNumber, List<String> headings) {
        RecordType type = source.type();
        Map<String, Integer> position = new HashMap<>();
        boolean usable = true;
        unheaded = new boolean[headings.size()];
        for (int i = 0; i < headings.size(); i++) {
            String heading = headings.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (heading.isEmpty()) {
                unheaded[i] = true;      // a spreadsheet's used range one column too wide: fine while its cells are empty
                continue;
            }
            boolean known = type.columns().stream().anyMatch(c -> heading.equals(c.heading()));
            if (!known) {
                usable = false;
                problems.add(new Problem(source.name(), rowNumber, headings.get(i), "unknown column: " + type.fileName()
                        + " have the columns " + type.columns().stream().filter(c -> !c.isDerived()).map(Column::heading)
                                .collect(Collectors.joining(", "))));
            } else if (position.putIfAbsent(heading, i) != null) {
                usable = false;
                problems.add(new Problem(source.name(), rowNumber, headings.get(i), "the column appears twice"));
            }
        }
        int[] cells = new int[type.columns().size()];
        for (int c = 0; c < cells.length; c++) {
            Column column = type.columns().get(c);
            cells[c] = column.isDerived() ? -1 : position.getOrDefault(column.heading(), -1);
            if (cells[c] < 0 && column.required()) {
                usable = false;
                problems.add(new Problem(source.name(), rowNumber, column.heading(), "missing column: " + type.fileName() + " must have it"));
            }
        }
        headingCount = headings.size();
        cellOf = usable ? cells : null;
    }

    @Override
    public void row(long number, List<String> cells) {
        rows++;
        if (cellOf == null || failure != null) {
            return;
        }
        row.reset(number);
        for (int i = 0; i < cells.size(); i++) {
            boolean outside = i >= headingCount || unheaded[i];
            if (outside && !cells.get(i).isBlank()) {
                problems.add(new Problem(source.name(), number, null, i >= headingCount
                        ? "the row has " + cells.size() + " cells but the heading row only " + headingCount
                        : "cell " + (i + 1) + " has no column heading: give the column its heading, or clear the cell"));
                return;
            }
        }
        List<Column> columns = source.type().columns();
        for (int c = 0; c < columns.size(); c++) {
            int at = cellOf[c];
            String text = at >= 0 && at < cells.size() ? cells.get(at).strip() : "";
            Column column = columns.get(c);
            if (text.isEmpty()) {
                if (column.required()) {
                    row.rejectCell(c, "is empty: every row needs one");
                }
                continue;
            }
            try {
                row.put(c, column.type().parse(text));
            } catch (CellType.BadCell bad) {
                row.rejectCell(c, bad.getMessage());
            }
        }
        if (row.isValid()) {
            source.type().rule().check(row);
        }
        if (row.isValid()) {
            try {
                staging.add(number, row.values());
            } catch (SQLException e) {
                failure = e;
            }
        }
    }

    /**
     * Flushes the staged rows and runs the checks that need the whole file and the database, except those
     * referring to a record type whose file in this run was refused (its rows are not in the database).
     */
    void check(Connection connection, java.util.Set<RecordType> refused, List<SourceImport> earlierOfSameType) throws SQLException {
        if (failure != null) {
            throw failure;
        }
        staging.flush();
        if (cellOf == null) {
            return;
        }
        reportDuplicates(connection);
        for (SourceImport earlier : earlierOfSameType) {
            reportDuplicatesIn(connection, earlier);
        }
        for (SqlCheck check : source.type().checks()) {
            if (!check.afterMerge() && !check.refersToAnyOf(refused)) {
                report(connection, check);
            }
        }
    }

    /** The checks that look at the database once every file of the run is merged into it. */
    void checkAfterMerge(Connection connection) throws SQLException {
        for (SqlCheck check : source.type().checks()) {
            if (check.afterMerge()) {
                report(connection, check);
            }
        }
    }

    /**
     * One grouping pass finds the keys that appear more than once (usually none); only then are their rows
     * looked up, one key at a time, so that the check stays linear on every database.
     */
    private void reportDuplicates(Connection connection) throws SQLException {
        RecordType type = source.type();
        String keys = String.join(", ", type.keys());
        String what = keyHeadings();
        List<Object[]> duplicated = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select " + keys + " from " + staging.table
                + " group by " + keys + " having count(*) > 1")) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] key = new Object[type.keys().size()];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = rs.getObject(k + 1);
                    }
                    duplicated.add(key);
                }
            }
        }
        String rowsOf = "select row_no from " + staging.table + " where "
                + type.keys().stream().map(k -> k + " = ?").collect(Collectors.joining(" and ")) + " order by row_no";
        List<Problem> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(rowsOf)) {
            for (Object[] key : duplicated) {
                for (int k = 0; k < key.length; k++) {
                    statement.setObject(k + 1, key[k]);
                }
                String value = java.util.Arrays.stream(key).map(String::valueOf).collect(Collectors.joining(" / "));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    while (rs.next()) {
                        found.add(new Problem(source.name(), rs.getLong(1), type.headingOf(type.keys().get(0)),
                                "duplicate " + what + " " + value + " inside the file (first on row " + first + ")"));
                    }
                }
            }
        }
        found.sort(java.util.Comparator.comparingLong(Problem::row));
        found.forEach(problems::add);
    }

    /** A record may be in only one file of a run: otherwise which one holds would depend on the order of the files. */
    private void reportDuplicatesIn(Connection connection, SourceImport earlier) throws SQLException {
        RecordType type = source.type();
        String join = type.keys().stream().map(k -> "s." + k + " = e." + k).collect(Collectors.joining(" and "));
        String what = keyHeadings();
        try (PreparedStatement statement = connection.prepareStatement("select s.row_no, e.row_no from " + staging.table + " s join "
                + earlier.staging.table + " e on " + join + " order by s.row_no");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                problems.add(new Problem(source.name(), rs.getLong(1), type.headingOf(type.keys().get(0)),
                        "the same " + what + " is also in " + earlier.source.name() + ", row " + rs.getLong(2)
                                + ": a record may be in only one file of an import"));
            }
        }
    }

    /** "case_reference", or "case_reference and number": what makes two rows the same record. */
    private String keyHeadings() {
        RecordType type = source.type();
        return type.keys().stream().map(type::headingOf).collect(Collectors.joining(" and "));
    }

    private void report(Connection connection, SqlCheck check) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(check.sql(staging.table))) {
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    problems.add(new Problem(source.name(), rs.getLong(1), source.type().headingOf(check.target()),
                            String.format(check.reason(), rs.getString(2))));
                }
            }
        }
    }

    /** Merges the staged rows into the table; returns what happened to them. */
    SourceSummary merge(Connection connection) throws SQLException {
        RecordType type = source.type();
        List<String> all = new ArrayList<>(Staging.targets(type));
        all.addAll(type.copiedFromDecision());
        List<String> others = all.stream().filter(c -> !type.keys().contains(c)).toList();
        String from = mergeSource(type);
        String on = type.keys().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "));
        String changed = others.isEmpty() ? "1 = 0"
                : others.stream().map(c -> "t." + c + " is distinct from s." + c).collect(Collectors.joining(" or "));
        String firstKey = "t." + type.keys().get(0);

        long total;
        long inserted;
        long updated;
        // the copies of decision columns are left out: they are kept equal to the decision's own whenever it changes
        String stagedChanged = others.stream().filter(c -> !type.copiedFromDecision().contains(c))
                .map(c -> "t." + c + " is distinct from s." + c).collect(Collectors.joining(" or "));
        String count = "select count(*), coalesce(sum(case when " + firstKey + " is null then 1 else 0 end), 0),"
                + " coalesce(sum(case when " + firstKey + " is not null and (" + (stagedChanged.isEmpty() ? "1 = 0" : stagedChanged)
                + ") then 1 else 0 end), 0)"
                + " from " + staging.table + " s left join " + type.table() + " t on " + on;
        try (PreparedStatement statement = connection.prepareStatement(count); ResultSet rs = statement.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
            inserted = rs.getLong(2);
            updated = rs.getLong(3);
        }
        String sql;
        if (inserted == total) {
            // every staged row is new (the first load of a year, say): a plain insert, without MERGE's join
            sql = "insert into " + type.table() + " (" + String.join(", ", all) + ") select "
                    + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + " from " + from + " s";
        } else if (inserted + updated > 0) {
            sql = "merge into " + type.table() + " t using " + from + " s on (" + on + ")"
                    + (others.isEmpty() ? "" : " when matched and (" + changed + ") then update set "
                            + others.stream().map(c -> c + " = s." + c).collect(Collectors.joining(", ")))
                    + " when not matched then insert (" + String.join(", ", all) + ") values ("
                    + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        } else {
            return new SourceSummary(source.name(), type, rows, 0, 0, total);
        }
        SetAside setAside = staging.onPostgres() ? SetAside.ifWorthIt(connection, type.table(), inserted) : null;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
        if (setAside != null) {
            setAside.restore(connection);
        }
        if (updated > 0 && type == RecordType.DECISIONS) {
            refreshCopiesOfDecisions(connection);
        }
        staging.refreshPlannerStatistics(connection, inserted + updated);
        return new SourceSummary(source.name(), type, rows, inserted, updated, total - inserted - updated);
    }

    /** The staged rows, with the columns copied from their decisions (the import has checked every decision exists). */
    private String mergeSource(RecordType type) {
        if (type.copiedFromDecision().isEmpty()) {
            return staging.table;
        }
        return "(select staged.*, " + type.copiedFromDecision().stream().map(c -> "d." + c).collect(Collectors.joining(", "))
                + " from " + staging.table + " staged join decision d on d.case_reference = staged.case_reference)";
    }

    /** Decisions imported again may have moved organisation or year: the copies kept by other tables follow. */
    private void refreshCopiesOfDecisions(Connection connection) throws SQLException {
        for (RecordType dependent : RecordType.values()) {
            List<String> copied = dependent.copiedFromDecision();
            if (copied.isEmpty()) {
                continue;
            }
            String sql = "merge into " + dependent.table() + " t using (select d.* from decision d join " + staging.table
                    + " s on s.case_reference = d.case_reference) d on (t.case_reference = d.case_reference)"
                    + " when matched and (" + copied.stream().map(c -> "t." + c + " <> d." + c).collect(Collectors.joining(" or "))
                    + ") then update set " + copied.stream().map(c -> c + " = d." + c).collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.executeUpdate();
            }
        }
    }
}
