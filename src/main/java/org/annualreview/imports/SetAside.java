package org.annualreview.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A large first load into PostgreSQL, done as its manual advises for populating a database: the table's
 * foreign keys and secondary indexes are dropped before the rows go in and made again afterwards, in the
 * same transaction (PostgreSQL's DDL is transactional, so a failed import gets them back as they were).
 * Building an index once is several times faster than updating it row by row, and re-adding a foreign key
 * checks every row in one join instead of one lookup per row; the import has already checked every
 * reference itself. The price is a lock: until the import commits, nobody reads the table.
 * docs/decisions/004-large-loads-into-postgresql.md says when and why.
 */
final class SetAside {

    /** Below this many new rows, updating the indexes row by row is cheap enough. */
    static final long LARGE = 50_000;

    private final List<String> remake;

    private SetAside(List<String> remake) {
        this.remake = remake;
    }

    /**
     * Drops the table's secondary indexes and foreign keys when the rows about to be inserted are many and
     * at least as many as the table holds already; otherwise does nothing.
     */
    static SetAside ifWorthIt(Connection connection, String table, long inserting) throws SQLException {
        if (inserting < LARGE || inserting < rowsIn(connection, table)) {
            return new SetAside(List.of());
        }
        List<String> drop = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, pg_get_indexdef(i.indexrelid)
                from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indrelid = cast(? as regclass) and not i.indisprimary and not i.indisunique
                order by c.relname""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    drop.add("drop index " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select conname, pg_get_constraintdef(oid)
                from pg_constraint
                where conrelid = cast(? as regclass) and contype = 'f'
                order by conname""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    drop.add("alter table " + table + " drop constraint " + rs.getString(1));
                    keys.add("alter table " + table + " add constraint " + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        execute(connection, drop);
        List<String> remake = new ArrayList<>(indexes);
        remake.addAll(keys);
        return new SetAside(remake);
    }

    /** Builds the indexes again and re-adds the foreign keys, which checks every row against its reference. */
    void restore(Connection connection) throws SQLException {
        execute(connection, remake);
    }

    /** The planner's estimate after the last ANALYZE, which the import runs after every large merge. */
    private static long rowsIn(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select greatest(reltuples, 0) from pg_class where oid = cast(? as regclass)")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void execute(Connection connection, List<String> sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
