package org.annualreview.distribution;

import java.time.Instant;
import java.util.Optional;

/** A monitoring officer's request to receive their council's letter, and where it has got to. */
public record Registration(long id, String organisationCode, String fullName, String email, Optional<String> jobTitle, Instant requestedAt,
        Optional<Instant> confirmedAt, Optional<String> outcome) {
}
