package org.annualreview.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for one test: an in-memory H2, or a database of its own on the real PostgreSQL server of
 * ANNUAL_REVIEW_TEST_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/annual_review_test: that database is
 * where the others are made from, and it is made if missing). Without a
 * reachable PostgreSQL the PostgreSQL runs are skipped with the reason printed, except under CI, where they fail.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("ANNUAL_REVIEW_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/annual_review_test");

    private final String kind;
    private final DataSource dataSource;
    private final Runnable cleanup;
    private final String url;
    private final String name;

    /** {@code url} and {@code name}: a PostgreSQL database's (null for H2's). */
    private TestDatabase(String kind, DataSource dataSource, Runnable cleanup, String url, String name) {
        this.name = name;
        this.kind = kind;
        this.dataSource = dataSource;
        this.cleanup = cleanup;
        this.url = url;
    }

    /** "h2" or "postgresql". */
    public static TestDatabase start(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            default -> throw new IllegalArgumentException("no test database of kind " + kind);
        };
    }

    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return new TestDatabase("h2", h2, () -> {
            try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, null, null);
    }

    /**
     * A database of its own on the test server, copied from a template database migrated once (CREATE DATABASE …
     * TEMPLATE: a tenth of a second, where migrating each test's database took more than half a second), and dropped
     * after the test, closing any connection still open to it.
     */
    public static TestDatabase postgres() {
        return postgres(null);
    }

    /**
     * A database of its own copied from the one named (of this test server, with no connection open to it), dropped
     * after the test as {@link #postgres()}'s are.
     */
    public static TestDatabase postgresCopyOf(String database) {
        return postgres(database);
    }

    private static TestDatabase postgres(String from) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String user = System.getProperty("user.name");
        try {
            String template = from != null ? from : migratedTemplate();
            for (int attempt = 1; ; attempt++) {
                try (Connection c = DriverManager.getConnection(POSTGRES_URL, user, ""); Statement s = c.createStatement()) {
                    s.execute("create database " + name + " template " + template);
                    break;
                } catch (SQLException e) {
                    // 55006: another copy is being made from the template this moment, or a connection just closed has not yet ended
                    if (!"55006".equals(e.getSQLState()) || attempt == 100) {
                        throw e;
                    }
                    sleep(100);
                }
            }
        } catch (SQLException | org.flywaydb.core.api.FlywayException e) {
            String reason = "PostgreSQL is not reachable at " + POSTGRES_URL + " (" + e.getMessage() + ")";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + ": CI must run the tests on PostgreSQL too (.ci/run starts it)");
            }
            System.out.println("SKIPPED on PostgreSQL: " + reason);
            Assumptions.abort(reason);
        }
        String url = withDatabase(POSTGRES_URL, name);
        // through a pool, as the application reaches its database: a new connection for each statement took most of the time
        // of the tests that check a whole database's contents (a quarter of a second for eleven tables), and the server's
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        config.setPoolName("test-" + name);
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
        return new TestDatabase("postgresql", pool, () -> {
            pool.close();
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, user, ""); Statement s = c.createStatement()) {
                s.execute("drop database " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, url, name);
    }

    private static String template;

    /** The PostgreSQL URL with another database in place of its own, its host and parameters kept. */
    private static String withDatabase(String url, String database) {
        return url.replaceFirst("^(jdbc:postgresql://[^/]*/)([^?]*)(.*)$", "$1" + database + "$3");
    }

    /** The database a PostgreSQL URL names. */
    private static String databaseOf(String url) {
        return url.replaceFirst("^jdbc:postgresql://[^/]*/([^?]*).*$", "$1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The template the tests' PostgreSQL databases are copied from: the test database's name, "_template_" and a hash
     * of the migrations (their versions, descriptions and checksums), so that changed migrations make a new one and two
     * checkouts' test runs never share one that differs. Made once, under an advisory lock that a second test JVM waits
     * on; migrated under another name and renamed when whole, so that a run killed while making it leaves no half-made
     * template behind.
     */
    private static synchronized String migratedTemplate() throws SQLException {
        if (template != null) {
            return template;
        }
        createDatabaseIfAbsent(POSTGRES_URL);
        String user = System.getProperty("user.name");
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setURL(POSTGRES_URL);
        server.setUser(user);
        StringBuilder migrations = new StringBuilder();
        for (org.flywaydb.core.api.MigrationInfo migration : Flyway.configure().dataSource(server).locations("classpath:db/migration")
                .load().info().all()) {
            migrations.append(migration.getVersion()).append(' ').append(migration.getDescription()).append(' ')
                    .append(migration.getChecksum()).append('\n');
        }
        String name = databaseOf(POSTGRES_URL) + "_template_"
                + Integer.toHexString(migrations.toString().hashCode());
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + name.hashCode() + ")");
            try {
                try (var found = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (!found.next()) {
                        String making = name + "_making";
                        s.execute("drop database if exists " + making);
                        s.execute("create database " + making);
                        PGSimpleDataSource migrating = new PGSimpleDataSource();
                        migrating.setURL(withDatabase(POSTGRES_URL, making));
                        migrating.setUser(user);
                        Flyway.configure().dataSource(migrating).locations("classpath:db/migration").load().migrate();
                        s.execute("alter database " + making + " rename to " + name);
                    }
                }
            } finally {
                s.execute("select pg_advisory_unlock(" + name.hashCode() + ")");
            }
        }
        template = name;
        return name;
    }

    /**
     * Creates the test database (the last part of the URL's path) when the server answers and says it does not
     * exist (SQLState 3D000), by connecting to the server's own "postgres" database: a newcomer needs no createdb.
     * Two test JVMs creating it at once: the loser's "already exists" (42P04) is as good as success.
     */
    static synchronized void createDatabaseIfAbsent(String url) {
        String user = System.getProperty("user.name");
        try (Connection ignored = DriverManager.getConnection(url, user, "")) {
            return;
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                return;   // not reachable, or refused for another reason: postgres() reports it
            }
        }
        String server = withDatabase(url, "postgres");
        String name = databaseOf(url);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return;   // a name we would have to quote: leave it to the person who chose it
        }
        try (Connection c = DriverManager.getConnection(server, user, ""); Statement s = c.createStatement()) {
            s.execute("create database " + name);
            System.out.println("Created the test database " + name + " at " + server);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                System.out.println("Could not create the test database " + name + ": " + e.getMessage());
            }
        }
    }

    /** The JDBC URL the application itself can open (`--database-url`): PostgreSQL only (H2's is in memory, as user sa). */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("the application opens its own H2 file database in tests");
        }
        return url;
    }

    /** The PostgreSQL database's name on the test server. */
    public String name() {
        if (name == null) {
            throw new IllegalStateException("an H2 test database has no name on the test server");
        }
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        cleanup.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}
