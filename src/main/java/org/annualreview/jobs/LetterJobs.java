package org.annualreview.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.annualreview.audit.AuditLog;
import org.annualreview.distribution.Delivery;
import org.annualreview.distribution.Distribution;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;
import org.springframework.dao.DuplicateKeyException;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * A year's letters written, or sent, as jobs in the database (db-scheduler): started from a request that returns at
 * once, run by whichever node picks them up, council by council, with their progress kept in the job's row; a node
 * that dies while running one stops sending its heartbeat, and another node begins it again. Audited once it ends,
 * as the person who started it.
 *
 * <p>Nothing is done twice and nothing left out. Writing: each letter kept in the archive is an item of the job,
 * and the next attempt leaves those out. Sending: each message is claimed in the database before it is sent, and
 * marked before its end goes to the mail server, so the next attempt skips a letter sent, leaves one whose end went
 * (its fate unknown) for staff, and sends again one the dead node had claimed but not ended.
 */
public final class LetterJobs implements AutoCloseable {

    /** How often a node running a job says so, and how many of those it may miss before another node takes the job over. */
    public record Settings(Duration heartbeat, int missedHeartbeats, Duration polling, boolean runsJobs) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2), 5, Duration.ofSeconds(1), true);

        /** The same, on a node that starts jobs but leaves running them to the others (ANNUAL_REVIEW_JOBS_RUN=false). */
        public Settings runningJobs(boolean runs) {
            return new Settings(heartbeat, missedHeartbeats, polling, runs);
        }
    }

    /** What a send of the year would do now: how many letters to how many recipients. */
    public record Planned(int letters, int recipients) {
    }

    /** When a job whose node stopped in the middle of it is begun again. */
    private static final Duration BEGUN_AGAIN_AFTER = Duration.ofSeconds(5);

    /** The node is stopping: the job's run ends here, and the job is begun again (by this node or another). */
    private static final class NodeStopping extends RuntimeException {
        NodeStopping() {
            super("the node running the job is stopping", null, false, false);
        }
    }

    /** How many times a writing job tries again when a letter was written at the same moment by someone else. */
    private static final int WRITING_TRIES = 3;

    private final Jobs jobs;
    private final Distribution distribution;
    private final Letters letters;
    private final AuditLog audit;
    private final OneTimeTask<Void> sending;
    private final OneTimeTask<Void> writing;
    private final Scheduler scheduler;

    public LetterJobs(DataSource dataSource, Jobs jobs, Distribution distribution, Letters letters, AuditLog audit, Settings settings) {
        this.jobs = jobs;
        this.distribution = distribution;
        this.letters = letters;
        this.audit = audit;
        // a node stopping in the middle of a job ends its run with NodeStopping: the job is then begun again soon, by
        // whichever node is up; a node that dies without stopping is found by its missing heartbeat
        this.sending = Tasks.oneTime(Job.Kind.SEND_LETTERS.code()).onDeadExecutionRevive()
                .onFailure(new FailureHandler.OnFailureRetryLater<>(BEGUN_AGAIN_AFTER)).execute((instance, context) -> run(instance.getId()));
        this.writing = Tasks.oneTime(Job.Kind.WRITE_LETTERS.code()).onDeadExecutionRevive()
                .onFailure(new FailureHandler.OnFailureRetryLater<>(BEGUN_AGAIN_AFTER)).execute((instance, context) -> run(instance.getId()));
        this.scheduler = Scheduler.create(dataSource, sending, writing).threads(2).pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat()).missedHeartbeatsLimit(settings.missedHeartbeats()).enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5)).build();
        if (settings.runsJobs()) {
            scheduler.start();
        }
    }

    public Planned planned(ReportingYear year) {
        List<Delivery> would = distribution.send(year, Optional.empty(), new Distribution.Options(true, false)).stream()
                .filter(d -> d.outcome() == Delivery.Outcome.WOULD_SEND).toList();
        return new Planned(would.size(), would.stream().mapToInt(d -> d.recipients().size()).sum());
    }

    /** The job of the kind doing the year's letters now, if one is. */
    public Optional<String> running(Job.Kind kind, ReportingYear year) {
        return jobs.running(kind, year);
    }

    /** Starts sending the year's approved letters; returns the job at once. {@link Jobs.AlreadyRunning} if one is. */
    public Job startSending(ReportingYear year, String startedBy) {
        Job job = jobs.create(Job.Kind.SEND_LETTERS, year, startedBy, letters.organisationsWithLetters(year).size());
        scheduler.schedule(sending.instance(job.id()), Instant.now());
        return job;
    }

    /**
     * Starts writing every council's letter of the year into the archive; returns the job at once. What writing
     * needs (a template that compiles, a publication date) is checked first, and its problem thrown, no job started.
     * {@link Jobs.AlreadyRunning} if one is writing them.
     */
    public Job startWriting(ReportingYear year, String startedBy) {
        letters.checkWritable(year);
        Job job = jobs.create(Job.Kind.WRITE_LETTERS, year, startedBy, 0);
        scheduler.schedule(writing.instance(job.id()), Instant.now());
        return job;
    }

    private void run(String id) {
        Job job = jobs.find(id).orElseThrow(() -> new IllegalStateException("no job " + id));
        if (job.status().finished()) {
            return;
        }
        String action = job.kind().code();
        String subject = "letters of " + job.year();
        try {
            String counts = switch (job.kind()) {
                case SEND_LETTERS -> send(job);
                case WRITE_LETTERS -> write(job);
            };
            Job ended = jobs.find(id).orElseThrow();
            audit.inTransaction(() -> {
                jobs.finish(id, Job.Status.DONE, counts + (ended.attempts() > 1 ? " (taken over " + (ended.attempts() - 1) + " time"
                        + (ended.attempts() == 2 ? "" : "s") + " after a node stopped)" : ""));
                audit.record(job.startedBy(), action, subject, Optional.empty(), Optional.of(counts));
                return null;
            });
        } catch (NodeStopping stopping) {
            throw stopping;
        } catch (RuntimeException failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new NodeStopping();   // interrupted in the middle of its work, not failed
            }
            String why = "stopped: " + Optional.ofNullable(failure.getMessage()).orElse(failure.getClass().getSimpleName());
            audit.inTransaction(() -> {
                jobs.finish(id, Job.Status.FAILED, why);
                audit.record(job.startedBy(), action, subject, Optional.empty(), Optional.of(why));
                return null;
            });
        }
    }

    /** Sends the year's letters, council by council; the counts. */
    private String send(Job job) {
        List<String> codes = letters.organisationsWithLetters(job.year());
        jobs.begin(job.id(), codes.size());
        java.util.Set<String> gone = jobs.items(job.id());   // gone through by an earlier attempt: counted there
        // this run's claims name the job and the attempt: a later attempt knows an earlier one's node stopped, and
        // sends again the letters it had claimed but not ended
        Distribution.Options options = new Distribution.Options(false, false, Optional.of(new Distribution.JobRun(job.id(), job.attempts() + 1)));
        for (String code : codes) {
            if (Thread.currentThread().isInterrupted()) {
                throw new NodeStopping();
            }
            if (gone.contains(code)) {
                continue;
            }
            Delivery delivery = distribution.send(job.year(), Optional.of(code), options).get(0);
            jobs.sent(job.id(), code, delivery.outcome().group());
        }
        Job ended = jobs.find(job.id()).orElseThrow();
        return String.format("%d sent, %d failed, %d unknown, %d skipped", ended.sent(), ended.failed(), ended.unknown(), ended.skipped());
    }

    /**
     * Writes every council's letter of the year but those the job has kept already (in an attempt before this one),
     * recording each as it is kept. A letter written at the same moment by someone else (one council's letter from
     * the workspace, or the command line) makes the archive refuse the second copy of a version: the job then
     * goes on from where it was, a few times at most.
     */
    private String write(Job job) {
        jobs.begin(job.id(), letters.toWrite(job.year()).size());
        for (int tries = 1;; tries++) {
            Set<String> kept = jobs.items(job.id());
            try {
                letters.writeAll(job.year(), kept, written -> jobs.written(job.id(), written.organisationCode(), written.newVersion()));
                break;
            } catch (DuplicateKeyException meanwhile) {
                if (tries >= WRITING_TRIES) {
                    throw meanwhile;
                }
            }
        }
        Job ended = jobs.find(job.id()).orElseThrow();
        return String.format("%d written: %d new version%s, %d as before", ended.done(), ended.newVersions(), ended.newVersions() == 1 ? "" : "s",
                ended.sameVersions());
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
