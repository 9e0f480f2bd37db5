package org.annualreview.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TestDatabaseIT {

    private static final String USER = System.getProperty("user.name");

    @Test
    void aMissingTestDatabaseIsCreatedWhenTheServerAnswers() throws SQLException {
        String server = TestDatabase.POSTGRES_URL.replaceFirst("^(jdbc:postgresql://[^/]*/)([^?]*)(.*)$", "$1postgres$3");
        try (Connection ignored = DriverManager.getConnection(server, USER, "")) {
            // the server answers
        } catch (SQLException e) {
            Assumptions.assumeTrue(System.getenv("CI") == null, "CI must reach PostgreSQL: " + e.getMessage());
            Assumptions.abort("PostgreSQL is not reachable at " + server + ": " + e.getMessage());
        }
        String name = "annual_review_fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = server.replace("/postgres", "/" + name);
        try {
            assertThat(connects(url)).as("the database does not exist before").isFalse();

            TestDatabase.createDatabaseIfAbsent(url);
            TestDatabase.createDatabaseIfAbsent(url);   // a second time: already there, nothing to do

            assertThat(connects(url)).isTrue();
        } finally {
            try (Connection c = DriverManager.getConnection(server, USER, ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
            }
        }
    }

    @Test
    void eachPostgresqlTestDatabaseIsMigratedEmptyOfRecordsItsOwnAndGoneAfterTheTest() throws SQLException {
        String url;
        try (TestDatabase first = TestDatabase.postgres(); TestDatabase second = TestDatabase.postgres()) {
            url = first.url();
            assertThat(first.url()).isNotEqualTo(second.url());
            org.springframework.jdbc.core.JdbcTemplate one = new org.springframework.jdbc.core.JdbcTemplate(first.dataSource());
            org.springframework.jdbc.core.JdbcTemplate other = new org.springframework.jdbc.core.JdbcTemplate(second.dataSource());
            org.flywaydb.core.api.MigrationInfoService migrations = org.flywaydb.core.Flyway.configure().dataSource(first.dataSource())
                    .locations("classpath:db/migration").load().info();
            assertThat(migrations.pending()).as("every migration applied").isEmpty();
            assertThat(migrations.current().getVersion().getVersion()).as("the latest migration").isNotBlank();
            assertThat(one.queryForObject("select count(*) from organisation", Long.class)).as("no records").isZero();
            one.update("insert into throttle (throttle_key, hits, last_hit_at) values ('mine', 1, current_timestamp)");
            assertThat(other.queryForObject("select count(*) from throttle", Long.class)).as("another test's database").isZero();
        }
        assertThat(connects(url)).as("dropped after the test").isFalse();
    }

    private static boolean connects(String url) {
        try (Connection ignored = DriverManager.getConnection(url, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
