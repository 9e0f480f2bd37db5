package org.annualreview.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The record of every change: appended to, never edited; read latest first. */
public final class AuditLog {

    /** Which events to read, latest first: of one action, by one actor, or all; {@code limit} of them after {@code offset}. */
    public record Query(Optional<String> action, Optional<String> actor, int offset, int limit) {
    }

    private static final RowMapper<AuditEvent> ROW = (rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("happened_at").toInstant(),
            rs.getString("actor"), rs.getString("action"), rs.getString("subject"), Optional.ofNullable(rs.getString("before_text")),
            Optional.ofNullable(rs.getString("after_text")));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
    }

    /**
     * Runs a change and its {@link #record} as one transaction, so that neither is kept without the other: the
     * features' JdbcTemplates on the same data source take part in it. A runtime exception undoes both.
     */
    public <T> T inTransaction(java.util.function.Supplier<T> changeAndRecord) {
        return transaction.execute(status -> changeAndRecord.get());
    }

    /** Who a change made from the command line is put down to: the command line, and the login that ran it. */
    public static String commandLine() {
        return "command line (" + System.getProperty("user.name", "unknown") + ")";
    }

    public void record(String actor, String action, String subject, Optional<String> before, Optional<String> after) {
        insert(jdbc, actor, action, subject, before, after);
    }

    /** Records a change in the transaction of the connection that made it: the change and its record are kept together or not at all. */
    public void record(java.sql.Connection connection, String actor, String action, String subject, Optional<String> before,
            Optional<String> after) {
        insert(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)), actor, action, subject,
                before, after);
    }

    private void insert(JdbcTemplate jdbc, String actor, String action, String subject, Optional<String> before, Optional<String> after) {
        jdbc.update("insert into audit_event (happened_at, actor, action, subject, before_text, after_text) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, subject, before.orElse(null), after.orElse(null));
    }

    /** The latest events first, at most {@code limit}. */
    public List<AuditEvent> latest(int limit) {
        return find(new Query(Optional.empty(), Optional.empty(), 0, limit));
    }

    /** How many events the query names, on every page. */
    public long count(Query query) {
        List<Object> arguments = new ArrayList<>();
        String where = where(query, arguments);
        return jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, arguments.toArray());
    }

    private static String where(Query query, List<Object> arguments) {
        StringBuilder where = new StringBuilder();
        query.action().ifPresent(action -> {
            where.append(" where action = ?");
            arguments.add(action);
        });
        query.actor().ifPresent(actor -> {
            where.append(arguments.isEmpty() ? " where" : " and").append(" actor = ?");
            arguments.add(actor);
        });
        return where.toString();
    }

    /** A page of the events the query names, latest first. */
    public List<AuditEvent> find(Query query) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from audit_event").append(where(query, arguments));
        sql.append(" order by id desc offset ").append(Math.max(0, query.offset())).append(" rows fetch next ").append(Math.max(1, query.limit()))
                .append(" rows only");
        return jdbc.query(sql.toString(), ROW, arguments.toArray());
    }

    public Optional<AuditEvent> event(long id) {
        return jdbc.query("select * from audit_event where id = ?", ROW, id).stream().findFirst();
    }

    /** Every action that has been recorded, in alphabetical order, to choose from. */
    public List<String> actions() {
        return jdbc.queryForList("select distinct action from audit_event order by action", String.class);
    }

    /** Everyone who has made a change, in alphabetical order, to choose from. */
    public List<String> actors() {
        return jdbc.queryForList("select distinct actor from audit_event order by actor", String.class);
    }
}
