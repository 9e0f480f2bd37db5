package org.annualreview.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A table per source that a file's valid rows are written to before they are checked against each other and
 * the database, and merged: temporary on PostgreSQL, fed with COPY; on H2 an ordinary table of the import's
 * session (see create), fed with batched inserts.
 */
abstract class Staging implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Staging.class);

    /**
     * H2's staging tables are named staged_{session}_{record type}_{index}, the session being its id and the moment
     * it began (ids start again at each open of the database).
     */
    private static final String H2_PREFIX = "staged_";

    @Override
    public abstract void close() throws SQLException;

    final RecordType type;
    final String table;

    private Staging(RecordType type, String table) {
        this.type = type;
        this.table = table;
    }

    /**
     * Creates the staging table of the run's {@code index}th source; run before the import's transaction begins
     * (H2 commits on DDL). On PostgreSQL a temporary table. On H2 an ordinary cached table named after the session
     * (a large file need not fit in memory): H2 cannot roll back, after a crash, a transaction that wrote to a
     * temporary table, and every open of the file after the first would fail (docs/decisions/007).
     */
    static Staging create(Connection connection, RecordType type, int index) throws SQLException {
        boolean postgres = isPostgres(connection);
        String table = (postgres ? "staged_" : H2_PREFIX + ownSession(connection) + "_") + type.table() + "_" + index;
        String columns = type.columns().stream()
                .map(c -> c.target() + " " + c.type().sqlType())
                .collect(Collectors.joining(", "));
        String kind = postgres ? "create temporary table " : "create cached table ";
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table);
            statement.execute(kind + table + " (row_no bigint not null, " + columns + ")");
        }
        return postgres
                ? new Copy(type, table, connection.unwrap(PGConnection.class))
                : new Batch(type, table, connection);
    }

    /**
     * Drops the H2 staging tables of imports that did not end (a process killed, a machine stopped): those of sessions
     * no longer open, and this session's own (a session runs one import at a time). Their rows were never committed;
     * only the empty tables are left. A table that cannot be dropped now is left for the next import.
     */
    static void dropLeftovers(Connection connection) throws SQLException {
        if (isPostgres(connection)) {
            return;   // temporary tables end with their session
        }
        String own = ownSession(connection);
        List<String> others = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select session_id, session_start from information_schema.sessions")) {
            while (rs.next()) {
                String session = session(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
                if (!session.equals(own)) {
                    others.add(H2_PREFIX + session + "_");
                }
            }
        }
        List<String> leftovers = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and lower(table_name) like 'staged\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (others.stream().noneMatch(name.toLowerCase(Locale.ROOT)::startsWith)) {
                    leftovers.add(name);
                }
            }
        }
        for (String leftover : leftovers) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists \"" + leftover + "\"");
            } catch (SQLException e) {
                LOG.debug("the staging table {} of an import that did not end is left for later: {}", leftover, e.getMessage());
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static String ownSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "select session_id, session_start from information_schema.sessions where session_id = session_id()")) {
            rs.next();
            return session(rs.getInt(1), rs.getObject(2, OffsetDateTime.class));
        }
    }

    /** s{id}_{start in milliseconds, base 36}. */
    private static String session(int id, OffsetDateTime start) {
        return "s" + id + "_" + Long.toString(start.toInstant().toEpochMilli(), 36);
    }

    abstract void add(long rowNumber, Object[] values) throws SQLException;

    /**
     * After a large merge PostgreSQL's planner statistics are out of date until autovacuum catches up,
     * and the next statistics queries would be planned for an empty table: refresh them at once.
     */
    void refreshPlannerStatistics(Connection connection, long rowsChanged) throws SQLException {
        if (onPostgres() && rowsChanged > 10_000) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze " + type.table());
            }
        }
    }

    abstract void flush() throws SQLException;


    boolean onPostgres() {
        return this instanceof Copy;
    }

    void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + table);
        }
    }

    String columnList() {
        return String.join(", ", targets(type));
    }

    /** Batched inserts: what H2 takes fastest. */
    private static final class Batch extends Staging {
        private static final int BATCH = 2_000;
        private final PreparedStatement insert;
        private int pending;

        Batch(RecordType type, String table, Connection connection) throws SQLException {
            super(type, table);
            String marks = type.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
            this.insert = connection.prepareStatement("insert into " + table + " (row_no, " + columnList() + ") values (?, " + marks + ")");
        }

        @Override
        void add(long rowNumber, Object[] values) throws SQLException {
            insert.setLong(1, rowNumber);
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof LocalDate date ? Date.valueOf(date) : values[i];
                insert.setObject(i + 2, value);
            }
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        @Override
        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }

    /**
     * PostgreSQL's COPY, fed CSV text in chunks. A second thread sends each chunk while the next one is read
     * from the file, so that reading (this JVM) and storing (the database) run side by side.
     */
    private static final class Copy extends Staging {
        private static final int CHUNK = 1 << 18;
        private final PGConnection connection;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
        private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "copy-" + r.hashCode());
            thread.setDaemon(true);
            return thread;
        });
        private Future<?> sending;
        private CopyIn copy;

        Copy(RecordType type, String table, PGConnection connection) {
            super(type, table);
            this.connection = connection;
        }

        @Override
        void add(long rowNumber, Object[] values) throws SQLException {
            buffer.append(rowNumber);
            for (Object value : values) {
                buffer.append(',');
                append(value);
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK) {
                send();
            }
        }

        private void append(Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof String text) {
                buffer.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        buffer.append('"');
                    }
                    buffer.append(c);
                }
                buffer.append('"');
            } else if (value instanceof LocalDate date) {
                appendDigits(date.getYear(), 4).append('-');
                appendDigits(date.getMonthValue(), 2).append('-');
                appendDigits(date.getDayOfMonth(), 2);
            } else if (value instanceof BigDecimal decimal) {
                buffer.append(decimal.toPlainString());
            } else {
                buffer.append(value);
            }
        }

        private StringBuilder appendDigits(int value, int width) {
            for (int scale = width == 4 ? 1000 : 10; scale > 0; scale /= 10) {
                buffer.append((char) ('0' + value / scale % 10));
            }
            return buffer;
        }

        /** Hands the chunk to the sending thread, once it has sent the previous one. */
        private void send() throws SQLException {
            if (copy == null) {
                copy = connection.getCopyAPI().copyIn("copy " + table + " (row_no, " + columnList() + ") from stdin with (format csv)");
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            awaitSending();
            CopyIn to = copy;
            sending = sender.submit(() -> {
                to.writeToCopy(bytes, 0, bytes.length);
                return null;
            });
        }

        private void awaitSending() throws SQLException {
            if (sending == null) {
                return;
            }
            try {
                sending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while sending rows to the database", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            } finally {
                sending = null;
            }
        }

        @Override
        void flush() throws SQLException {
            if (buffer.length() > 0) {
                send();
            }
            awaitSending();
            if (copy != null) {
                copy.endCopy();
                copy = null;
            }
        }

        @Override
        public void close() throws SQLException {
            sender.shutdownNow();
            if (sending != null) {
                try {
                    sending.get();
                } catch (InterruptedException | ExecutionException e) {
                    // the import already failed; what matters now is ending the COPY
                }
            }
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    static List<String> targets(RecordType type) {
        return type.columns().stream().map(Column::target).toList();
    }

}
