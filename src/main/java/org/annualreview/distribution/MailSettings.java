package org.annualreview.distribution;

import java.time.Duration;

/**
 * Where and how letters are sent: the SMTP server (host, port, STARTTLS required or not, credentials), the sender's
 * address, and how often a transient failure (the server unreachable, or a 4xx answer) is tried again, waiting
 * twice as long each time from {@code firstRetryAfter}.
 */
public record MailSettings(String host, int port, boolean startTls, String username, String password, String from, int attempts,
        Duration firstRetryAfter) {
}
