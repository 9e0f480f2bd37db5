package org.annualreview.distribution;

import java.time.Duration;

/**
 * Where and how letters are sent: the SMTP server (host, port, STARTTLS required or not, credentials), the sender's
 * address, how often a transient failure (the server unreachable, or a 4xx answer) is tried again, waiting
 * twice as long each time from {@code firstRetryAfter}, and how long the server may take to answer (past it, an
 * answer awaited after the end of a message leaves its fate unknown).
 */
public record MailSettings(String host, int port, boolean startTls, String username, String password, String from, int attempts,
        Duration firstRetryAfter, Duration timeout) {

    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    /** The settings with the usual 30 seconds for an answer. */
    public MailSettings(String host, int port, boolean startTls, String username, String password, String from, int attempts,
            Duration firstRetryAfter) {
        this(host, port, startTls, username, password, from, attempts, firstRetryAfter, Duration.ofSeconds(30));
    }

    /**
     * The longest one message can take with these settings: every attempt connecting and waiting on each of its
     * commands for as long as allowed, and the waits between attempts. A claim older than this (and at least 15
     * minutes) with no outcome was left by a run that stopped.
     */
    Duration longestMessage() {
        int tries = Math.max(1, attempts);
        Duration waits = firstRetryAfter.multipliedBy((1L << Math.min(tries - 1, 20)) - 1);
        Duration oneTry = CONNECTION_TIMEOUT.plus(timeout.multipliedBy(12));
        Duration longest = oneTry.multipliedBy(tries).plus(waits);
        return longest.compareTo(Duration.ofMinutes(15)) < 0 ? Duration.ofMinutes(15) : longest;
    }
}
