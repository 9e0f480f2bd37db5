package org.annualreview.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** The record of every change: appended to, never edited; read latest first. */
public final class AuditLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Who a change made from the command line is put down to: the command line, and the login that ran it. */
    public static String commandLine() {
        return "command line (" + System.getProperty("user.name", "unknown") + ")";
    }

    public void record(String actor, String action, String subject, Optional<String> before, Optional<String> after) {
        jdbc.update("insert into audit_event (happened_at, actor, action, subject, before_text, after_text) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, subject, before.orElse(null), after.orElse(null));
    }

    /** The latest events first, at most {@code limit}. */
    public List<AuditEvent> latest(int limit) {
        return jdbc.query("select * from audit_event order by id desc fetch first " + Math.max(1, limit) + " rows only",
                (rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("happened_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), Optional.ofNullable(rs.getString("before_text")),
                        Optional.ofNullable(rs.getString("after_text"))));
    }
}
