package org.annualreview.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * Imports record files (CSV, one record type each, or XLSX, one sheet per record type) as one
 * transaction: either every row of every file is valid and merged, or nothing changes and every problem
 * is reported by file, row and column. Re-importing the same rows changes nothing.
 */
public final class Imports {

    /** How many problems are listed; the rest are counted. */
    public static final int PROBLEM_CAP = 100;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Imports.class);

    private final DataSource dataSource;
    private final Consumer<Object> events;

    public Imports(DataSource dataSource, Consumer<Object> events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    public ImportReport importFiles(List<Path> files, Optional<RecordType> type, ImportProgress progress) {
        return importFiles(files, type, progress, BeforeCommit.NOTHING);
    }

    /** The same, with work done in the import's transaction once every file is merged (its audit log entry). */
    public ImportReport importFiles(List<Path> files, Optional<RecordType> type, ImportProgress progress, BeforeCommit beforeCommit) {
        return importFiles(files, type, progress, beforeCommit, EVERY_TYPE);
    }

    private static final java.util.function.Predicate<RecordType> EVERY_TYPE = recordType -> true;

    /**
     * The same, for someone who may change only some record types (an analyst does not change the register): a file or
     * sheet of any other type may come along unchanged (a whole workbook uploaded again), but if any of its rows would
     * be added or changed, the whole import is refused with {@link NotAllowed} and nothing changes.
     */
    public ImportReport importFiles(List<Path> files, Optional<RecordType> type, ImportProgress progress, BeforeCommit beforeCommit,
            java.util.function.Predicate<RecordType> mayChange) {
        Problems problems = new Problems(PROBLEM_CAP);
        List<RecordSource> sources = sourcesOf(files, type, problems, progress);
        if (problems.total() > 0) {
            return new ImportReport(List.of(), problems.kept(), problems.total());
        }
        return importSources(sources, problems, progress, beforeCommit, mayChange);
    }

    /** Files of record types the person importing may not change: the whole import is refused, each such file named. */
    public static final class NotAllowed extends RuntimeException {
        private final List<Problem> problems;

        NotAllowed(List<Problem> problems) {
            super(String.join("; ", problems.stream().map(p -> p.file() + ": " + p.reason()).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Work done in an import's own transaction once its records are merged, so that both are kept or neither. */
    public interface BeforeCommit {
        BeforeCommit NOTHING = (connection, report) -> { };

        void run(Connection connection, ImportReport report) throws SQLException;
    }

    /**
     * Imports one record given as its cells by column heading (a form in the workspace), with every check and
     * the merge of a file's row: the problems name the column; nothing changes unless the record is valid.
     */
    public ImportReport importRecord(RecordType type, String name, java.util.Map<String, String> cells, BeforeCommit beforeCommit) {
        return importSources(new ArrayList<>(List.of(new OneRecord(name, type, cells))), new Problems(PROBLEM_CAP), ImportProgress.NONE,
                beforeCommit, EVERY_TYPE);
    }

    private ImportReport importSources(List<RecordSource> sources, Problems problems, ImportProgress progress, BeforeCommit beforeCommit,
            java.util.function.Predicate<RecordType> mayChange) {
        sources.sort(Comparator.comparingInt(s -> s.type().ordinal()));
        Set<RecordType> types = new LinkedHashSet<>();
        sources.forEach(s -> types.add(s.type()));
        List<SourceSummary> summaries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Staging> stagings = new ArrayList<>();
            try {
                Staging.dropLeftovers(connection);
                for (int i = 0; i < sources.size(); i++) {
                    stagings.add(Staging.create(connection, sources.get(i).type(), i));
                }
                connection.setAutoCommit(false);
                List<SourceImport> runs = new ArrayList<>();
                Set<RecordType> refused = EnumSet.noneOf(RecordType.class);
                for (int i = 0; i < sources.size(); i++) {
                    SourceImport run = new SourceImport(sources.get(i), stagings.get(i), problems);
                    List<SourceImport> earlierOfSameType = runs.stream().filter(r -> r.source().type() == run.source().type()).toList();
                    summaries.add(importOne(connection, run, refused, earlierOfSameType, progress));
                    if (problems.total() > 0) {
                        refused.add(sources.get(i).type());   // not merged: later files cannot find its rows in the database
                    }
                    runs.add(run);
                }
                if (problems.total() == 0) {
                    for (SourceImport run : runs) {
                        run.checkAfterMerge(connection);
                    }
                }
                if (problems.total() > 0) {
                    connection.rollback();
                    return new ImportReport(List.of(), problems.kept(), problems.total());
                }
                List<Problem> notAllowed = summaries.stream().filter(s -> !mayChange.test(s.type()) && s.inserted() + s.updated() > 0)
                        .map(s -> new Problem(s.source(), 0, null, String.format("%s: %d to add and %d to change, but your account may not change"
                                + " these records, so nothing was imported", Records.plural(s.type()), s.inserted(), s.updated())))
                        .toList();
                if (!notAllowed.isEmpty()) {
                    throw new NotAllowed(notAllowed);
                }
                if (summaries.stream().anyMatch(s -> s.inserted() + s.updated() > 0)) {
                    markFiguresStale(connection);
                }
                beforeCommit.run(connection, new ImportReport(summaries, List.of(), 0));
                LOG.debug("committing {} sources", sources.size());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                for (Staging staging : stagings) {
                    staging.close();
                    staging.drop(connection);
                }
            }
        } catch (SQLException e) {
            throw new ImportFailed("the database refused the import: " + e.getMessage(), e);
        }
        ImportReport report = new ImportReport(summaries, List.of(), 0);
        if (report.inserted() + report.updated() > 0) {
            events.accept(new RecordsImported(EnumSet.copyOf(types)));
        }
        return report;
    }

    /**
     * Marks every year's figures for working out again, in the import's transaction: records and the mark are kept
     * together or not at all (a process killed between the two would leave figures of records no longer there), and
     * a release made while the import runs waits for it on the snapshots' lock row, then finds the figures stale.
     */
    static void markFiguresStale(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("select name from work_lock where name = 'statistics snapshot' for update");
                var stale = connection.prepareStatement("update statistics_snapshot set stale = true")) {
            lock.executeQuery().close();
            stale.executeUpdate();
        }
    }

    /** Reads, checks and (if the run has no problems so far) merges one source; the run's transaction is still open. */
    private SourceSummary importOne(Connection connection, SourceImport run, Set<RecordType> refused,
            List<SourceImport> earlierOfSameType, ImportProgress progress) throws SQLException {
        RecordSource source = run.source();
        LOG.debug("{}: reading", source.name());
        progress.started(source.name(), source instanceof CsvSource ? sizeOf(source) : -1, source instanceof CsvSource ? "B" : " rows");
        long started = System.nanoTime();
        try {
            source.read(run);
        } catch (RecordSource.Unreadable e) {
            run.problems().add(new Problem(source.name(), e.row(), e.column(), e.getMessage()));
        } catch (IOException e) {
            run.problems().add(new Problem(source.name(), 0, null, "cannot read the file: " + e.getMessage()));
        } finally {
            progress.finished();
        }
        long read = System.nanoTime();
        progress.checking(source.name());
        run.check(connection, refused, earlierOfSameType);
        long checked = System.nanoTime();
        if (run.problems().total() == 0) {
            LOG.debug("{}: merging", source.name());
        }
        SourceSummary summary = run.problems().total() == 0
                ? run.merge(connection)
                : new SourceSummary(source.name(), source.type(), run.rows(), 0, 0, 0);
        LOG.debug("{}: {} rows read and staged in {} ms, checked in {} ms, merged in {} ms", source.name(), run.rows(),
                (read - started) / 1_000_000, (checked - read) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        return summary;
    }

    private long sizeOf(RecordSource source) {
        try {
            return Files.size(((CsvSource) source).path());
        } catch (IOException e) {
            return -1;
        }
    }

    private static List<RecordSource> sourcesOf(List<Path> files, Optional<RecordType> type, Problems problems, ImportProgress progress) {
        List<RecordSource> sources = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new Problem("(no files)", 0, null, "name at least one CSV or XLSX file to import"));
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(name, 0, null, "no such file: " + file));
            } else if (lower.endsWith(".xlsx")) {
                try {
                    sources.addAll(XlsxSheet.sheetsOf(file, problems, progress::advanced));
                } catch (RecordSource.Unreadable e) {
                    problems.add(new Problem(name, 0, null, e.getMessage()));
                }
            } else if (lower.endsWith(".xls")) {
                problems.add(new Problem(name, 0, null, "old .xls workbooks are not read: save it as .xlsx, or each sheet as CSV UTF-8"));
            } else {
                String stem = lower.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
                Optional<RecordType> recordType = type.or(() -> RecordType.named(stem));
                if (recordType.isEmpty()) {
                    problems.add(new Problem(name, 0, null, "cannot tell which records the file holds: name it after them ("
                            + RecordType.allNames() + ", such as decisions-2023-24.csv)"));
                } else {
                    sources.add(new CsvSource(file, recordType.get(), progress::advanced));
                }
            }
        }
        return sources;
    }

    /** The database failed under the import (not the file's fault); nothing was changed. */
    public static final class ImportFailed extends RuntimeException {
        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
