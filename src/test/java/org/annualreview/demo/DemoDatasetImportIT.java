package org.annualreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.annualreview.imports.ImportProgress;
import org.annualreview.imports.ImportReport;
import org.annualreview.imports.Imports;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo dataset, at realistic volumes (about 135,000 decisions), passes every check of the importer and
 * lands in a freshly migrated database, in well under the time limit (an import that slows down as files
 * grow fails it). {@code -Ddemo.it.decisions=N} imports exactly N decisions instead.
 */
class DemoDatasetImportIT {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void importsEveryGeneratedFile(@TempDir Path directory) throws IOException, SQLException {
        long decisions = Long.getLong("demo.it.decisions", 0);
        DemoDataset.Summary summary = new DemoDataset().write(directory, DemoDataset.Options.defaults().withDecisions(decisions));
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:demo" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        List<Path> files = DemoDataset.FILE_NAMES.stream().map(directory::resolve).toList();

        long started = System.nanoTime();
        ImportReport report = new Imports(dataSource, event -> { }).importFiles(files, Optional.empty(), ImportProgress.NONE);
        System.out.printf("Imported %,d rows (%,d decisions) into H2 in %d ms%n", report.rows(), summary.decisions(),
                (System.nanoTime() - started) / 1_000_000);

        if (!report.succeeded()) {
            report.problems().forEach(System.out::println);
        }
        assertThat(report.succeeded()).as("%s problems, first: %s", report.problemCount(), report.problems()).isTrue();
        assertThat(report.rows()).isEqualTo(summary.totalRows());
        assertThat(count(dataSource, "decision")).isEqualTo(summary.decisions());
        assertThat(count(dataSource, "recommendation")).isEqualTo(summary.recommendations());
        assertThat(count(dataSource, "enquiry")).isEqualTo(summary.enquiries());
        assertThat(count(dataSource, "organisation")).isEqualTo(summary.organisations());
        assertThat(count(dataSource, "code_failure")).isEqualTo(summary.codeFailures()).isPositive();
        assertThat(count(dataSource, "code_self_assessment")).isEqualTo(summary.codeSelfAssessments()).isPositive();
        assertThat(count(dataSource, "code_failure_notice")).isEqualTo(summary.codeFailureNotices()).isPositive();
        assertThat(count(dataSource, "code_failure where reporting_year <> '2026-27'")).as("Code failures before 2026-27").isZero();
    }

    private static long count(JdbcDataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
