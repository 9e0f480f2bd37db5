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

    private static boolean connects(String url) {
        try (Connection ignored = DriverManager.getConnection(url, USER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
