package org.annualreview.publication;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.annualreview.decisions.Decisions;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.CodeFindings;
import org.annualreview.statistics.CodeRecords;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A year's releases: made when an administrator publishes it (release 1, once every letter is approved and sent or
 * excepted) and when one issues a revision (the next number, with its reason). Each is frozen with one insert ... select
 * per kind of row, in one transaction that holds the figures' lock, so that its figures, its letters and the records
 * it counts agree. Nothing here changes a release once made.
 */
public final class Releases {

    private static final RowMapper<Release> ROW = (rs, n) -> new Release(rs.getLong("id"), ReportingYear.parse(rs.getString("reporting_year")),
            rs.getInt("number"), Release.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("made_at").toInstant(), rs.getString("made_by"),
            Optional.ofNullable(rs.getString("reason")), rs.getTimestamp("figures_computed_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Statistics statistics;
    private final Letters letters;
    private final Decisions decisions;
    private final Organisations organisations;
    private final Clock clock;
    private final CodeRecords code;
    /** A release's figures never change: read once per node. */
    private final Cache<Long, YearFigures> figures = Caffeine.newBuilder().maximumSize(64).build();
    /** Nor do its Code records. */
    private final Cache<Long, CodeFindings> codeFindings = Caffeine.newBuilder().maximumSize(64).build();

    public Releases(DataSource dataSource, Statistics statistics, Letters letters, Decisions decisions, Organisations organisations,
            Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.statistics = statistics;
        this.letters = letters;
        this.decisions = decisions;
        this.organisations = organisations;
        this.clock = clock;
        this.code = new CodeRecords(dataSource);
    }

    /** Publishing or revising refused, with the reason staff read. */
    public static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why);
        }
    }

    /** The year's releases, first first. */
    public List<Release> of(ReportingYear year) {
        return jdbc.query("select * from publication_release where reporting_year = ? order by number", ROW, year.toString());
    }

    /** The year's latest release: what its public pages show once its day has come. */
    public Optional<Release> latest(ReportingYear year) {
        return jdbc.query("select * from publication_release where reporting_year = ? order by number desc fetch first 1 rows only", ROW,
                year.toString()).stream().findFirst();
    }

    /** The latest release of every year that has one. */
    public Map<ReportingYear, Release> latestOfEachYear() {
        Map<ReportingYear, Release> latest = new LinkedHashMap<>();
        jdbc.query("select * from publication_release r where number = (select max(x.number) from publication_release x"
                + " where x.reporting_year = r.reporting_year) order by reporting_year", ROW).forEach(r -> latest.put(r.year(), r));
        return latest;
    }

    public Optional<Release> number(ReportingYear year, int number) {
        return jdbc.query("select * from publication_release where reporting_year = ? and number = ?", ROW, year.toString(), number).stream()
                .findFirst();
    }

    /** The figures the release froze. */
    public YearFigures figures(Release release) {
        return figures.get(release.id(), id -> statistics.released(id, release.year(), release.figuresComputedAt()));
    }

    /** The Complaint Handling Code records the release froze. */
    public CodeFindings codeFindings(Release release) {
        return codeFindings.get(release.id(), id -> code.released(id, release.year()));
    }

    /** The detailed investigations of a council in which the release found the provision failed, by case reference. */
    public List<String> casesFailing(Release release, String organisationCode, String provision) {
        return code.releasedCasesFailing(release.id(), release.year(), organisationCode, provision);
    }

    /** The letter version the release published for an organisation, if it published one. */
    public Optional<Integer> letterVersion(Release release, String organisationCode) {
        return jdbc.queryForList("select version from release_letter where release_id = ? and organisation_code = ?", Integer.class,
                release.id(), organisationCode).stream().findFirst();
    }

    /** The decisions as the given releases froze them. */
    public Decisions decisions(java.util.Collection<Release> releases) {
        return decisions.inReleases(releases.stream().map(Release::id).toList());
    }

    /** The councils of the year sent a letter, by code: those whose letters publishing waits for. */
    public List<String> councilsOf(ReportingYear year) {
        return letters.toWrite(year);
    }

    /**
     * Whether the year may be published: each council of its figures that is sent a letter has one written, its latest
     * version approved, and that version sent to at least one recipient; or an exception recorded for it.
     */
    public Readiness readiness(ReportingYear year) {
        List<String> councils = letters.toWrite(year);
        Map<String, String> names = new HashMap<>();
        organisations.all().forEach(o -> names.put(o.code(), o.name()));
        Set<String> written = Set.copyOf(letters.organisationsWithLetters(year));
        Set<String> approved = Set.copyOf(letters.approved(year));
        Set<String> sent = Set.copyOf(jdbc.queryForList("""
                select distinct d.organisation_code from delivery d
                 where d.reporting_year = ? and d.outcome = 'sent'
                   and d.letter_version = (select max(l.version) from letter l
                                            where l.organisation_code = d.organisation_code and l.reporting_year = d.reporting_year)
                """, String.class, year.toString()));
        Map<String, String> exceptions = exceptions(year);
        List<String> notWritten = new ArrayList<>();
        List<String> unapproved = new ArrayList<>();
        List<String> unsent = new ArrayList<>();
        for (String code : councils) {
            if (exceptions.containsKey(code)) {
                continue;
            }
            String name = names.getOrDefault(code, code);
            if (!written.contains(code)) {
                notWritten.add(name);
            } else if (!approved.contains(code)) {
                unapproved.add(name);
            } else if (!sent.contains(code)) {
                unsent.add(name);
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        exceptions.forEach((code, reason) -> named.put(names.getOrDefault(code, code), reason));
        return new Readiness(year, councils.size(), sorted(notWritten), sorted(unapproved), sorted(unsent), named);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    /** The councils of the year published without an approved and sent letter, by code, with the reason recorded. */
    public Map<String, String> exceptions(ReportingYear year) {
        Map<String, String> exceptions = new LinkedHashMap<>();
        jdbc.query("select organisation_code, reason from publication_exception where reporting_year = ? order by organisation_code",
                rs -> {
                    exceptions.put(rs.getString(1), rs.getString(2));
                }, year.toString());
        return exceptions;
    }

    /**
     * Records that a council's letter need not be approved and sent before the year is published (an administrator's
     * act, with the reason), replacing any earlier one; the caller's transaction holds it with its audit entry.
     */
    public void recordException(ReportingYear year, Organisation council, String reason, Letters.Actor actor) {
        if (!actor.setsPublicationDates()) {
            throw new Refused("recording an exception is an administrator's act");
        }
        if (reason.isBlank()) {
            throw new Refused("give the reason " + council.name() + " is published without a sent letter");
        }
        jdbc.update("delete from publication_exception where reporting_year = ? and organisation_code = ?", year.toString(), council.code());
        jdbc.update("insert into publication_exception (reporting_year, organisation_code, reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?)",
                year.toString(), council.code(), reason.strip(), actor.name(), Timestamp.from(clock.instant()));
    }

    /** Removes a council's exception; returns whether it had one. */
    public boolean removeException(ReportingYear year, String code, Letters.Actor actor) {
        if (!actor.setsPublicationDates()) {
            throw new Refused("removing an exception is an administrator's act");
        }
        return jdbc.update("delete from publication_exception where reporting_year = ? and organisation_code = ?", year.toString(), code) > 0;
    }

    /**
     * Publishes the year: an administrator's act (or the operator's), once its publication date is set and every letter
     * is approved and sent or excepted. Freezes release 1, which the site shows from the publication day; the caller's
     * transaction, if any, holds it with its audit entry.
     *
     * @throws Refused if the actor may not, the year has no date or is published already, or letters are missing (each named)
     */
    public Release publish(ReportingYear year, Letters.Actor actor) {
        if (!actor.setsPublicationDates()) {
            throw new Refused("publishing a year is an administrator's act");
        }
        Optional<Release> existing = latest(year);
        if (existing.isPresent()) {
            throw new Refused(year + " was published already, on " + existing.get().madeOn() + " by " + existing.get().madeBy()
                    + ": a change now is a revision, with its reason");
        }
        if (letters.publicationDate(year).isEmpty()) {
            throw new Refused(year + " has no publication date: set the day it goes public first");
        }
        Readiness readiness = readiness(year);
        if (!readiness.ready()) {
            throw new Refused(year + " cannot be published yet: " + String.join("; ", readiness.missing()));
        }
        return inTransaction(() -> freeze(year, Release.Kind.publication, actor.name(), Optional.empty()));
    }

    /**
     * Issues a revision of a published (or scheduled) year with its reason: the working figures, records and each
     * council's latest approved and sent letter, frozen as the next release. Earlier releases stay as they were.
     */
    public Release revise(ReportingYear year, String reason, Letters.Actor actor) {
        if (!actor.setsPublicationDates()) {
            throw new Refused("issuing a revision is an administrator's act");
        }
        if (reason.isBlank()) {
            throw new Refused("give the reason for the revision: every public page of " + year + " will show it");
        }
        if (latest(year).isEmpty()) {
            throw new Refused(year + " is not published: there is nothing to revise");
        }
        if (letters.withdrawal(year).isPresent()) {
            throw new Refused(year + " was withdrawn: a withdrawn year is not revised");
        }
        return inTransaction(() -> freeze(year, Release.Kind.revision, actor.name(), Optional.of(reason.strip())));
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        try {
            return transaction.execute(status -> work.get());
        } catch (org.springframework.dao.DuplicateKeyException together) {
            throw new Refused("someone else published or revised this year at the same moment: look again at what it shows now");
        }
    }

    /**
     * The next release of the year, frozen while the figures' lock is held: its figures, the records they count, and
     * each council's latest letter version that was approved and either sent or excepted.
     */
    private Release freeze(ReportingYear year, Release.Kind kind, String by, Optional<String> reason) {
        return statistics.withFreshFigures(year, fresh -> {
            Instant now = clock.instant();
            Optional<Release> before = latest(year);   // read under the lock: another publishing may have just committed
            if (kind == Release.Kind.publication && before.isPresent()) {
                throw new Refused(year + " was published a moment ago, on " + before.get().madeOn() + " by " + before.get().madeBy());
            }
            int number = before.map(r -> r.number() + 1).orElse(1);
            jdbc.update("insert into publication_release (reporting_year, number, kind, made_at, made_by, reason, figures_computed_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", year.toString(), number, kind.name(), Timestamp.from(now), by, reason.orElse(null),
                    Timestamp.from(fresh.computedAt()));
            Release release = number(year, number).orElseThrow();
            statistics.copyToRelease(fresh, release.id());
            decisions.copyToRelease(year, release.id());
            code.copyToRelease(year, release.id());
            jdbc.update("""
                    insert into release_letter (release_id, organisation_code, version)
                    select cast(? as bigint), a.organisation_code, max(a.version) from letter_approval a
                     where a.reporting_year = ?
                       and (exists (select 1 from delivery d where d.organisation_code = a.organisation_code
                                       and d.reporting_year = a.reporting_year and d.letter_version = a.version and d.outcome = 'sent')
                            or exists (select 1 from publication_exception e where e.organisation_code = a.organisation_code
                                          and e.reporting_year = a.reporting_year))
                     group by a.organisation_code
                    """, release.id(), year.toString());
            return release;
        });
    }

    /** The councils whose working figures differ from the year's latest release (none without a release), by name. */
    public List<String> differingFromRelease(ReportingYear year) {
        Optional<Release> release = latest(year);
        if (release.isEmpty()) {
            return List.of();
        }
        Map<String, OrganisationFigures> released = new HashMap<>();
        figures(release.get()).organisations().forEach(f -> released.put(f.code(), f));
        List<String> differing = new ArrayList<>();
        for (OrganisationFigures working : statistics.figures(year).organisations()) {
            OrganisationFigures was = released.remove(working.code());
            if (was == null || !was.sameFiguresAs(working)) {
                differing.add(working.name());
            }
        }
        released.values().forEach(f -> differing.add(f.name()));
        return differing.stream().sorted().toList();
    }

    /** The letter version each release of the year published for a council, by release number, first first (one query). */
    public Map<Integer, Integer> letterVersions(ReportingYear year, String organisationCode) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        jdbc.query("select r.number, l.version from publication_release r join release_letter l on l.release_id = r.id"
                + " where r.reporting_year = ? and l.organisation_code = ? order by r.number", rs -> {
                    versions.put(rs.getInt(1), rs.getInt(2));
                }, year.toString(), organisationCode);
        return versions;
    }

    /**
     * The releases that published a corrected letter (another version than the release before), by number, from a
     * council's {@link #letterVersions}.
     */
    public static List<Integer> corrections(Map<Integer, Integer> letterVersions) {
        List<Integer> corrected = new ArrayList<>();
        Integer before = null;
        for (Map.Entry<Integer, Integer> release : letterVersions.entrySet()) {
            if (before != null && !before.equals(release.getValue())) {
                corrected.add(release.getKey());
            }
            before = release.getValue();
        }
        return corrected;
    }
}
