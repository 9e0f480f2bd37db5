package org.annualreview.site;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.decisions.Decisions;
import org.annualreview.letters.Letters;
import org.annualreview.publication.Release;
import org.annualreview.publication.Releases;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.YearFigures;

/**
 * The embargo and the release: a reporting year is public from the start of its publication day (UK time), as an
 * administrator set it, if it was published (it has a release), and not a moment before; and no longer once it is
 * withdrawn. What the public sees of it is its latest release, never the working records. Every page and file of
 * the site asks here. A public report is public from its own year's publication day (the year its date falls in),
 * even on a decision of a year already published ({@link org.annualreview.decisions.Decision#withPublicReportOnlyIn}).
 */
public final class Publication {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Clock clock;
    private final Letters letters;
    private final Releases releases;

    public Publication(Clock clock, Letters letters, Releases releases) {
        this.clock = clock;
        this.letters = letters;
        this.releases = releases;
    }

    public boolean isPublished(ReportingYear year) {
        return release(year).isPresent();
    }

    /** The release the public sees of the year: its latest, once the year's day has come, unless it was withdrawn. */
    public Optional<Release> release(ReportingYear year) {
        return releases.latest(year).filter(r -> dayCame(year) && letters.withdrawal(year).isEmpty());
    }

    private boolean dayCame(ReportingYear year) {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        return letters.publicationDate(year).map(day -> !today.isBefore(day)).orElse(false);
    }

    /** The year a visitor named, if it is a year at all and published. */
    public Optional<ReportingYear> published(String year) {
        return ReportingYear.find(year).filter(this::isPublished);
    }

    /** The public release of each published year, latest year first. */
    public List<Release> publishedReleases() {
        return releases.latestOfEachYear().entrySet().stream().filter(e -> dayCame(e.getKey()) && letters.withdrawal(e.getKey()).isEmpty())
                .map(Map.Entry::getValue).sorted(Comparator.comparing(Release::year).reversed()).toList();
    }

    /** The published years, latest first. */
    public List<ReportingYear> publishedYears() {
        return publishedReleases().stream().map(Release::year).toList();
    }

    /** The figures the public sees of a published year: its release's. */
    public YearFigures figures(Release release) {
        return releases.figures(release);
    }

    /** The published year's figures, as released. */
    public YearFigures figures(ReportingYear year) {
        return release(year).map(releases::figures).orElseThrow(() -> new IllegalArgumentException(year + " is not published"));
    }

    /** The Complaint Handling Code records a release froze. */
    public org.annualreview.statistics.CodeFindings codeFindings(Release release) {
        return releases.codeFindings(release);
    }

    /** The decisions of every published year, as their releases froze them. */
    public Decisions decisions() {
        return releases.decisions(publishedReleases());
    }

    /** The letter a published year's release published for an organisation (by code). */
    public Optional<Letters.Letter> letter(String code, ReportingYear year) {
        return release(year).flatMap(r -> letter(code, r));
    }

    /** The letter a release published for an organisation (by code): an earlier release's stays the original. */
    public Optional<Letters.Letter> letter(String code, Release release) {
        return releases.letterVersion(release, code).flatMap(v -> letters.version(code, release.year(), v));
    }

    /** Every release of a published year, first first (none if it is not published). */
    public List<Release> releasesOf(ReportingYear year) {
        return isPublished(year) ? releases.of(year) : List.of();
    }

    /** One release of a published year, by number. */
    public Optional<Release> release(ReportingYear year, int number) {
        return isPublished(year) ? releases.number(year, number) : Optional.empty();
    }

    public Releases releases() {
        return releases;
    }
}
