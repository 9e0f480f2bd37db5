package org.annualreview.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.audit.AuditLog;
import org.annualreview.distribution.Delivery;
import org.annualreview.distribution.Distribution;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Sending a year's approved letters as a job in the database (db-scheduler): started from a request that returns at
 * once, run by whichever node picks it up, council by council, with its progress kept in the job's row; a node that
 * dies while running it stops sending its heartbeat, and another node begins it again. Nothing goes twice, nothing
 * is left out: each message is claimed in the database before it is sent, and marked before its end goes to the
 * mail server, so the next attempt skips a letter sent, leaves one whose end went (its fate unknown) for staff, and
 * sends again one the dead node had claimed but not ended. Audited once it ends, as the person who started it.
 */
public final class SendingJobs implements AutoCloseable {

    /** How often a node running a job says so, and how many of those it may miss before another node takes the job over. */
    public record Settings(Duration heartbeat, int missedHeartbeats, Duration polling, boolean runsJobs) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), 5, Duration.ofSeconds(1), true);

        /** The same, on a node that starts jobs but leaves running them to the others (ANNUAL_REVIEW_JOBS_RUN=false). */
        public Settings runningJobs(boolean runs) {
            return new Settings(heartbeat, missedHeartbeats, polling, runs);
        }
    }

    private final Jobs jobs;
    private final Distribution distribution;
    private final Letters letters;
    private final AuditLog audit;
    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;

    public SendingJobs(DataSource dataSource, Jobs jobs, Distribution distribution, Letters letters, AuditLog audit, Settings settings) {
        this.jobs = jobs;
        this.distribution = distribution;
        this.letters = letters;
        this.audit = audit;
        this.task = Tasks.oneTime(Job.Kind.SEND_LETTERS.code()).onDeadExecutionRevive().execute((instance, context) -> run(instance.getId()));
        this.scheduler = Scheduler.create(dataSource, task).threads(2).pollingInterval(settings.polling()).heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats()).enableImmediateExecution().shutdownMaxWait(Duration.ofSeconds(5)).build();
        if (settings.runsJobs()) {
            scheduler.start();
        }
    }

    /** What a send of the year would do now: how many letters to how many recipients. */
    public record Planned(int letters, int recipients) {
    }

    public Planned planned(ReportingYear year) {
        List<Delivery> would = distribution.send(year, Optional.empty(), new Distribution.Options(true, false)).stream()
                .filter(d -> d.outcome() == Delivery.Outcome.WOULD_SEND).toList();
        return new Planned(would.size(), would.stream().mapToInt(d -> d.recipients().size()).sum());
    }

    /** The job sending the year's letters now, if one is. */
    public Optional<String> running(ReportingYear year) {
        return jobs.running(Job.Kind.SEND_LETTERS, year);
    }

    /** Starts sending the year's approved letters; returns the job at once. {@link Jobs.AlreadyRunning} if one is. */
    public Job start(ReportingYear year, String startedBy) {
        Job job = jobs.create(Job.Kind.SEND_LETTERS, year, startedBy, letters.organisationsWithLetters(year).size());
        scheduler.schedule(task.instance(job.id()), java.time.Instant.now());
        return job;
    }

    private void run(String id) {
        Job job = jobs.find(id).orElseThrow(() -> new IllegalStateException("no job " + id));
        if (job.status().finished()) {
            return;
        }
        try {
            List<String> codes = letters.organisationsWithLetters(job.year());
            jobs.begin(id, codes.size());
            // this run's claims name the job and the attempt: a later attempt knows an earlier one's node stopped, and
            // sends again the letters it had claimed but not ended
            Distribution.Options options = new Distribution.Options(false, false, Optional.of(new Distribution.JobRun(id, job.attempts() + 1)));
            for (String code : codes) {
                if (Thread.currentThread().isInterrupted()) {
                    return;   // the node is stopping: another takes the job over, the letters done so far skipped
                }
                Delivery delivery = distribution.send(job.year(), Optional.of(code), options).get(0);
                jobs.counted(id, delivery.outcome().group());
            }
            Job ended = jobs.find(id).orElseThrow();
            String counts = String.format("%d sent, %d failed, %d unknown, %d skipped", ended.sent(), ended.failed(), ended.unknown(), ended.skipped());
            audit.inTransaction(() -> {
                jobs.finish(id, Job.Status.DONE, counts + (ended.attempts() > 1 ? " (taken over " + (ended.attempts() - 1) + " time"
                        + (ended.attempts() == 2 ? "" : "s") + " after a node stopped)" : ""));
                audit.record(job.startedBy(), "send-letters", "letters of " + job.year(), Optional.empty(), Optional.of(counts));
                return null;
            });
        } catch (RuntimeException failure) {
            audit.inTransaction(() -> {
                jobs.finish(id, Job.Status.FAILED, "stopped: " + failure.getMessage());
                audit.record(job.startedBy(), "send-letters", "letters of " + job.year(), Optional.empty(),
                        Optional.of("stopped: " + failure.getMessage()));
                return null;
            });
        }
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
