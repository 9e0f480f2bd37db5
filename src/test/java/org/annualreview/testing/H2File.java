package org.annualreview.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file database opened as the application opens it (user and password empty), held open by one connection
 * until this is closed with a SHUTDOWN: each H2File is one fresh open of the file.
 */
public final class H2File implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection held;

    public H2File(String url) throws SQLException {
        dataSource.setURL(url);
        dataSource.setUser("");
        dataSource.setPassword("");
        held = dataSource.getConnection();
    }

    /** The application's default settings (AUTO_SERVER included) on a file database in {@code directory}. */
    public static String url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("annual-review") + ";AUTO_SERVER=TRUE";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (held; Statement statement = held.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
