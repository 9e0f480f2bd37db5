package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.demo.DemoDataset;
import org.annualreview.testing.CommandProcess;
import org.annualreview.testing.H2File;
import org.annualreview.testing.TableContents;
import org.annualreview.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import killed with SIGKILL (kill -9: the process ends at once, without closing the database) at any moment:
 * the database it was writing opens, again and again, holds exactly what it held before, and the same import then
 * succeeds. Each import is a real `annual-review import` process of its own, killed when its log shows it reading,
 * merging or committing a file. H2 lost the file this way while the import staged its rows in temporary tables
 * (issue 12, docs/decisions/007-embedded-database-crash-safety.md): after the first open, every open failed.
 */
class KilledImportIT {

    /** Where the import is killed: when the first line of its log containing this appears. */
    private static final List<String> H2_KILL_POINTS = List.of("organisations.csv: reading", "contacts.csv: reading",
            "decisions.csv: reading", "decisions.csv: merging", "recommendations.csv: reading", "committing");
    /** PostgreSQL's own crash safety is not in question: the same check at fewer points keeps the test short. */
    private static final List<String> POSTGRES_KILL_POINTS = List.of("contacts.csv: reading", "decisions.csv: merging",
            "committing");
    private static final int OPENS_AFTER_KILL = 3;
    private static final long DECISIONS = 10_000;
    private static final String AUDIT = "audit_event rows";

    private static final Path WORK = Path.of("target", "killed-import").toAbsolutePath();

    @TempDir
    static Path datasets;
    private static List<Path> earlier;
    private static List<Path> later;

    @BeforeAll
    static void generate() throws IOException {
        earlier = dataset("earlier", DemoDataset.Options.DEFAULT_SEED);
        later = dataset("later", DemoDataset.Options.DEFAULT_SEED + 1);
    }

    private static List<Path> dataset(String name, long seed) throws IOException {
        Path directory = datasets.resolve(name);
        new DemoDataset().write(directory, DemoDataset.Options.defaults().withSeed(seed).withDecisions(DECISIONS));
        return DemoDataset.FILE_NAMES.stream().map(directory::resolve).toList();
    }

    @Test
    void anImportKilledAtAnyMomentLeavesAnH2FileDatabaseAsItWasAndOpenAgainAndAgain() throws Exception {
        Path baseline = WORK.resolve("baseline");
        deleteRecursively(WORK);
        Files.createDirectories(baseline);
        String baselineUrl = H2File.url(baseline);
        Map<String, Object> before;
        Map<String, Object> imported;
        try (H2File database = new H2File(baselineUrl)) {
            Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
            assertThat(importInProcess(database.dataSource(), earlier).succeeded()).isTrue();
            before = contents(database.dataSource());
        }
        Path reference = copyOf(baseline, "reference");
        try (H2File database = new H2File(H2File.url(reference))) {
            assertThat(importInProcess(database.dataSource(), later).succeeded()).isTrue();
            imported = contents(database.dataSource());
        }
        assertThat(imported).as("the later import changes the records").isNotEqualTo(before);

        for (String point : H2_KILL_POINTS) {
            Path copy = copyOf(baseline, "killed-at-" + point.replaceAll("[^a-z]+", "-"));
            String url = H2File.url(copy);
            killImport(url, point);
            for (int open = 1; open <= OPENS_AFTER_KILL; open++) {
                String when = "open " + open + " after a kill at '" + point + "'";
                try (H2File database = new H2File(url)) {
                    Map<String, Object> now = contents(database.dataSource(), when);
                    if (!(point.equals("committing") && keptWhole(now, before, imported))) {
                        assertThat(now).as(when).isEqualTo(before);
                    }
                } catch (SQLException e) {
                    throw new AssertionError("the database cannot be opened on " + when + ": " + e.getMessage(), e);
                }
            }
            try (H2File database = new H2File(url)) {
                ImportReport again = importInProcess(database.dataSource(), later);
                assertThat(again.succeeded()).as("the same import after a kill at '%s': %s", point, again.problems()).isTrue();
                assertThat(TableContents.of(database.dataSource())).as("after a kill at '%s' and the import again", point)
                        .isEqualTo(records(imported));
                assertThat(new JdbcTemplate(database.dataSource()).queryForList("select table_name from information_schema.tables"
                        + " where lower(table_name) like 'staged%'", String.class))
                        .as("the killed import's staging tables, once the import ran again").isEmpty();
            }
        }
    }

    @Test
    void anImportKilledAtAnyMomentLeavesPostgresqlAsItWas() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            DataSource dataSource = database.dataSource();
            assertThat(importInProcess(dataSource, earlier).succeeded()).isTrue();
            Map<String, Object> before = contents(dataSource);
            for (String point : POSTGRES_KILL_POINTS) {
                killImport(database.url(), point);
                Map<String, Object> now = contents(dataSource);
                if (point.equals("committing") && !now.equals(before)) {
                    assertThat(now.get(AUDIT)).as("killed just after the commit: the import and its audit entry are kept")
                            .isEqualTo((Long) before.get(AUDIT) + 1);
                    return;
                }
                assertThat(now).as("after a kill at '%s'", point).isEqualTo(before);
            }
            ImportReport again = importInProcess(dataSource, later);
            assertThat(again.succeeded()).as("%s", again.problems()).isTrue();
            assertThat(contents(dataSource)).isNotEqualTo(before);
        }
    }

    /** Starts `annual-review import` on the later files as a process of its own and kills it when its log reaches {@code point}. */
    private static void killImport(String url, String point) throws Exception {
        List<String> args = new ArrayList<>(List.of("import"));
        later.forEach(file -> args.add(file.toString()));
        try (CommandProcess importing = CommandProcess.start(url, Map.of(), args)) {
            importing.killAt(point, 1);
        }
    }

    private static ImportReport importInProcess(DataSource dataSource, List<Path> files) {
        return new Imports(dataSource, event -> { }).importFiles(files, Optional.empty(), ImportProgress.NONE);
    }

    /** Every record, and the number of audit entries (the import's own is in its transaction). */
    private static Map<String, Object> contents(DataSource dataSource) {
        Map<String, Object> contents = new LinkedHashMap<>(TableContents.of(dataSource));
        contents.put(AUDIT, TableContents.rows(dataSource, "audit_event"));
        return contents;
    }

    private static Map<String, Object> records(Map<String, Object> contents) {
        Map<String, Object> records = new LinkedHashMap<>(contents);
        records.remove(AUDIT);
        return records;
    }

    /**
     * Killed between the commit and the process's end: every record of the import is there, with its audit entry
     * (the reference import, run in this JVM, writes none).
     */
    private static boolean keptWhole(Map<String, Object> now, Map<String, Object> before, Map<String, Object> imported) {
        return records(now).equals(records(imported)) && now.get(AUDIT).equals((Long) before.get(AUDIT) + 1);
    }

    private static Map<String, Object> contents(DataSource dataSource, String when) {
        try {
            return contents(dataSource);
        } catch (RuntimeException e) {
            throw new AssertionError("the database cannot be read on " + when + ": " + e.getMessage(), e);
        }
    }

    private static Path copyOf(Path baseline, String name) throws IOException {
        Path copy = WORK.resolve(name);
        Files.createDirectories(copy);
        Files.copy(baseline.resolve("annual-review.mv.db"), copy.resolve("annual-review.mv.db"));
        return copy;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
