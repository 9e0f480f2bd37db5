package org.annualreview.site;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;

/**
 * The embargo: a reporting year's figures and letters are public from the start of its publication day (UK
 * time), as an administrator set it, and not a moment before; and no longer once it is withdrawn. Every page and file of the site asks here.
 * A public report is public from its own year's publication day (the year its date falls in), even on a decision
 * of a year already published ({@link org.annualreview.decisions.Decision#withPublicReportOnlyIn}).
 */
public final class Publication {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final Letters letters;
    private final Statistics statistics;

    public Publication(Clock clock, Letters letters, Statistics statistics) {
        this.clock = clock;
        this.letters = letters;
        this.statistics = statistics;
    }

    public boolean isPublished(ReportingYear year) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return letters.publicationDate(year).map(day -> !today.isBefore(day)).orElse(false) && letters.withdrawal(year).isEmpty();
    }

    /** The year a visitor named, if it is a year at all and published. */
    public java.util.Optional<ReportingYear> published(String year) {
        return ReportingYear.find(year).filter(this::isPublished);
    }

    /** The published years, latest first. */
    public List<ReportingYear> publishedYears() {
        return statistics.yearsWithDecisions().stream().filter(this::isPublished)
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
