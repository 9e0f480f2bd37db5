package org.annualreview.publication;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.annualreview.shared.ReportingYear;

/**
 * What the public sees of a year, frozen: release 1 when an administrator publishes it, then one per revision, each
 * with its reason. Its figures, letter versions and the records counted are kept beside it and never change.
 */
public record Release(long id, ReportingYear year, int number, Kind kind, Instant madeAt, String madeBy, Optional<String> reason,
        Instant figuresComputedAt) {

    private static final DateTimeFormatter DAY = org.annualreview.shared.Dates.IN_WORDS;

    public enum Kind {
        publication, revision
    }

    public boolean isRevision() {
        return kind == Kind.revision;
    }

    /** "3 December 2026": the day it was made, in UK time. */
    public String madeOn() {
        return DAY.format(madeAt.atZone(ZoneId.of("Europe/London")));
    }

    /** "Revised on 3 December 2026: reason", as every public page of a revised year says. */
    public String revisedLabel() {
        return "Revised on " + madeOn() + ": " + reason.orElse("");
    }
}
