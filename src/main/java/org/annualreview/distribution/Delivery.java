package org.annualreview.distribution;

import java.util.List;

/** What became of one organisation's letter: sent (with its message id), skipped and why, or failed and why. */
public record Delivery(String organisationCode, String organisationName, Outcome outcome, List<String> recipients, String messageId,
        int attempts, String reason) {

    public enum Outcome {
        SENT("sent"), WOULD_SEND("would send"), ALREADY_SENT("already sent"), NOT_APPROVED("not approved"),
        NO_CHIEF_EXECUTIVE("no chief executive's address"), FAILED("failed");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
