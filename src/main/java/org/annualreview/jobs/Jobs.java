package org.annualreview.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.annualreview.distribution.Delivery;
import org.annualreview.shared.ReportingYear;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The jobs staff started, as the database keeps them: any node shows any job and takes over one whose node died. */
public final class Jobs {

    /** A job of the same kind and year is running already: the one to follow instead. */
    public static final class AlreadyRunning extends RuntimeException {
        private final String jobId;

        AlreadyRunning(String jobId) {
            super("a job of the same kind for the same year is running already: " + jobId);
            this.jobId = jobId;
        }

        public String jobId() {
            return jobId;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public Jobs(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Records a new job, waiting; refused with {@link AlreadyRunning} while one of its kind and year has not finished. */
    Job create(Job.Kind kind, ReportingYear year, String startedBy, int total) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("""
                        insert into job (id, kind, reporting_year, started_by, started_at, status, attempts, total, done, sent_count, failed_count,
                                         unknown_count, skipped_count, updated_at)
                        values (?, ?, ?, ?, ?, 'waiting', 0, ?, 0, 0, 0, 0, 0, ?)""", id, kind.code(), year.toString(), startedBy, now, total, now);
                jdbc.update("insert into job_running (kind, reporting_year, job_id) values (?, ?, ?)", kind.code(), year.toString(), id);
            });
        } catch (DuplicateKeyException running) {
            throw new AlreadyRunning(running(kind, year).orElse(""));
        }
        return find(id).orElseThrow();
    }

    /** The job of the kind and year that has not finished, if any. */
    public Optional<String> running(Job.Kind kind, ReportingYear year) {
        return jdbc.query("select job_id from job_running where kind = ? and reporting_year = ?", (rs, n) -> rs.getString(1), kind.code(),
                year.toString()).stream().findFirst();
    }

    public Optional<Job> find(String id) {
        return jdbc.query("select * from job where id = ?", Jobs::job, id).stream().findFirst();
    }

    /**
     * A node begins the job, or begins it again after the node running it died: the total to go through; what an
     * earlier attempt did stays counted, and its items are left out.
     */
    void begin(String id, int total) {
        jdbc.update("update job set status = 'running', attempts = attempts + 1, total = ?, updated_at = ? where id = ?", total,
                Timestamp.from(clock.instant()), id);
    }

    /** The items (organisations' codes) the job has done, in any of its attempts. */
    java.util.Set<String> items(String id) {
        return new java.util.HashSet<>(jdbc.queryForList("select item from job_item where job_id = ?", String.class, id));
    }

    /** One more letter a sending job has gone through, counted in its group of a sending's report. */
    void sent(String id, String item, Delivery.Group group) {
        String column = switch (group) {
            case SENT -> "sent_count";
            case FAILED -> "failed_count";
            case UNKNOWN -> "unknown_count";
            case SKIPPED, WOULD_SEND -> "skipped_count";
        };
        done(id, item, group.name().toLowerCase(java.util.Locale.ROOT), column);
    }

    /** One more letter a writing job has kept in the archive, a new version or as before. */
    void written(String id, String item, boolean newVersion) {
        done(id, item, newVersion ? "new" : "same", newVersion ? "new_versions" : "same_versions");
    }

    /**
     * An item done: recorded and counted on the job in one transaction, so an attempt that takes over leaves it out
     * and counts on from where the earlier stopped. Counted up in the job's row, which the update locks: two letters
     * done at once both count (a count of the items instead would miss the other's, not yet committed).
     */
    private void done(String id, String item, String outcome, String column) {
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(tx -> {
            jdbc.update("insert into job_item (job_id, item, outcome, done_at) values (?, ?, ?, ?)", id, item, outcome, now);
            jdbc.update("update job set done = done + 1, " + column + " = " + column + " + 1, updated_at = ? where id = ?", now, id);
        });
    }

    /** The job ended (done or failed) with what it says; another of its kind and year may start. */
    void finish(String id, Job.Status status, String outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(tx -> {
            jdbc.update("update job set status = ?, finished_at = ?, updated_at = ?, outcome = ? where id = ?", status.code(), now, now,
                    outcome.length() > 4000 ? outcome.substring(0, 4000) : outcome, id);
            jdbc.update("delete from job_running where job_id = ?", id);
        });
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getString("id"), Job.Kind.of(rs.getString("kind")), ReportingYear.parse(rs.getString("reporting_year")),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), Job.Status.valueOf(rs.getString("status").toUpperCase(
                        java.util.Locale.ROOT)), rs.getInt("attempts"), rs.getInt("total"), rs.getInt("done"), rs.getInt("sent_count"),
                rs.getInt("failed_count"), rs.getInt("unknown_count"), rs.getInt("skipped_count"), rs.getInt("new_versions"),
                rs.getInt("same_versions"), rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant), Optional.ofNullable(rs.getString("outcome"))
                        .orElse(""));
    }
}
