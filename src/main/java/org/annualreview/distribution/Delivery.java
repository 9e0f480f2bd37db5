package org.annualreview.distribution;

import java.util.List;

/**
 * What became of one organisation's letter in a run of sending: sent (with its message id), failed and why, its fate
 * unknown, or skipped and why (already sent, not approved, no or a bad address, being sent by another run).
 */
public record Delivery(String organisationCode, String organisationName, Outcome outcome, List<String> recipients, String messageId,
        int attempts, String reason) {

    /** How a run's report counts an outcome. */
    public enum Group {
        SENT, FAILED, UNKNOWN, SKIPPED, WOULD_SEND
    }

    public enum Outcome {
        SENT("sent", Group.SENT), WOULD_SEND("would send", Group.WOULD_SEND), ALREADY_SENT("already sent", Group.SKIPPED),
        NOT_APPROVED("not approved", Group.SKIPPED), NO_CHIEF_EXECUTIVE("no chief executive's address", Group.SKIPPED),
        BAD_ADDRESS("bad address", Group.SKIPPED), BEING_SENT("being sent by another run", Group.SKIPPED),
        FAILED("failed", Group.FAILED), UNKNOWN("unknown: may have been delivered", Group.UNKNOWN);

        private final String words;
        private final Group group;

        Outcome(String words, Group group) {
            this.words = words;
            this.group = group;
        }

        public String words() {
            return words;
        }

        public Group group() {
            return group;
        }
    }
}
