package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import org.annualreview.demo.DemoDataset;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A first load large enough for PostgreSQL's indexes and foreign keys to be set aside while the rows go in
 * (more than {@link SetAside#LARGE} new decisions): they are all back afterwards, whether the import
 * succeeded or was refused after the decisions were merged.
 */
class LargeLoadIT {

    private static final String INDEXES_AND_KEYS = """
            select t.relname || ': ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid
            where t.relname in ('decision', 'recommendation', 'service_improvement', 'enquiry')
              and t.relnamespace = cast(current_schema() as regnamespace)
            union all
            select t.relname || ': ' || c.conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c join pg_class t on t.oid = c.conrelid
            where t.relname in ('decision', 'recommendation', 'service_improvement', 'enquiry') and c.convalidated
              and t.relnamespace = cast(current_schema() as regnamespace)
            order by 1""";

    @TempDir
    Path directory;
    private TestDatabase database;
    private JdbcTemplate jdbc;
    private Imports imports;
    private DemoDataset.Summary demo;
    private List<Path> files;

    @BeforeEach
    void generate() throws IOException {
        database = TestDatabase.postgres();
        jdbc = new JdbcTemplate(database.dataSource());
        imports = new Imports(database.dataSource(), event -> { });
        demo = new DemoDataset().write(directory, DemoDataset.Options.defaults().withDecisions(SetAside.LARGE + 10_000));
        files = DemoDataset.FILE_NAMES.stream().map(directory::resolve).toList();
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    @Test
    void aLargeFirstLoadLeavesEveryIndexAndForeignKeyAsTheMigrationsMadeThem() {
        List<String> before = jdbc.queryForList(INDEXES_AND_KEYS, String.class);
        assertThat(before).anyMatch(d -> d.contains("decision_year")).anyMatch(d -> d.contains("FOREIGN KEY"));

        ImportReport report = imports.importFiles(files, Optional.empty(), ImportProgress.NONE);

        assertThat(report.succeeded()).as("%s", report.problems()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from decision", Long.class)).isEqualTo(demo.decisions());
        assertThat(jdbc.queryForList(INDEXES_AND_KEYS, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from recommendation r join decision d on d.case_reference = r.case_reference"
                + " where r.organisation_code = d.organisation_code", Long.class)).isEqualTo(demo.recommendations());
    }

    @Test
    void aLargeLoadRefusedAfterItsDecisionsWereMergedChangesNothing() throws IOException {
        List<String> before = jdbc.queryForList(INDEXES_AND_KEYS, String.class);
        Files.writeString(directory.resolve("recommendations.csv"), "NO-SUCH-CASE,1,Apologise,2024-01-01,Pending,\n",
                StandardOpenOption.APPEND);

        ImportReport report = imports.importFiles(files, Optional.empty(), ImportProgress.NONE);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().extracting(Problem::reason).asString().contains("unknown case reference 'NO-SUCH-CASE'");
        assertThat(jdbc.queryForObject("select count(*) from decision", Long.class)).isZero();
        assertThat(jdbc.queryForList(INDEXES_AND_KEYS, String.class)).isEqualTo(before);
    }
}
