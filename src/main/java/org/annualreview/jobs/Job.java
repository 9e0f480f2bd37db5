package org.annualreview.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.annualreview.shared.ReportingYear;

/** A job as staff see it: what it does, who started it, how far it is, and how it ended. */
public record Job(String id, Kind kind, ReportingYear year, String startedBy, Instant startedAt, Status status, int attempts, int total,
        int done, int sent, int failed, int unknown, int skipped, int newVersions, int sameVersions, Instant updatedAt,
        Optional<Instant> finishedAt, String outcome) {

    public enum Kind {
        SEND_LETTERS("send-letters", "Sending the approved letters"), WRITE_LETTERS("write-letters", "Writing the letters");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no job kind " + code);
        }
    }

    public enum Status {
        WAITING, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    /** The time left at the pace so far, once there is a pace to go by. */
    public Optional<Duration> timeLeft(Instant now) {
        if (status != Status.RUNNING || done == 0 || done >= total) {
            return Optional.empty();
        }
        Duration spent = Duration.between(startedAt, now);
        return Optional.of(spent.multipliedBy(total - done).dividedBy(done));
    }
}
