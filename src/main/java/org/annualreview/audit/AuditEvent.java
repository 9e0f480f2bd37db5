package org.annualreview.audit;

import java.time.Instant;
import java.util.Optional;

/** One change: who made it, when, what it was and to what, and the state before and after where there is one. */
public record AuditEvent(long id, Instant happenedAt, String actor, String action, String subject, Optional<String> before,
        Optional<String> after) {
}
