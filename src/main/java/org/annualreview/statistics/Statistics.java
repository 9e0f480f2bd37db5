package org.annualreview.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.annualreview.shared.ReportingYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of a reporting year: computed from the records once, stored as the year's snapshot, and
 * read from there by the command line, the letters and the site. Any import marks snapshots stale; the
 * next read recomputes.
 */
public final class Statistics {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Statistics.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final FiguresCalculator calculator;
    private final SnapshotStore snapshots;
    private final Clock clock;
    private final CodeRecords code;

    public Statistics(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.calculator = new FiguresCalculator(jdbc);
        this.snapshots = new SnapshotStore(jdbc);
        this.clock = clock;
        this.code = new CodeRecords(dataSource);
    }

    /** The year's Complaint Handling Code records, from the working records. */
    public CodeFindings codeFindings(ReportingYear year) {
        return code.of(year);
    }

    /** The detailed investigations of a council's year in which the provision was found failed (working records). */
    public List<String> casesFailing(ReportingYear year, String organisationCode, String provision) {
        return code.casesFailing(year, organisationCode, provision);
    }

    /**
     * The stored figures of the year, recomputed first if there are none or the records have changed: once, however
     * many threads and nodes ask at the same moment; the others wait and read what it stored.
     */
    public YearFigures figures(ReportingYear year) {
        return snapshots.loadFresh(year).orElseGet(() -> onceAtATime(() -> snapshots.loadFresh(year)
                .orElseGet(() -> computeAndSave(List.of(year)).get(0))));
    }

    /**
     * Runs {@code work} on the year's fresh figures in one transaction holding the snapshots' lock: no import can mark
     * them stale, nor a computation replace them, until it commits, so that what it copies of the figures and of the
     * records they count agree (a release is made so). The caller's transaction, if any, is the one used.
     */
    public <T> T withFreshFigures(ReportingYear year, java.util.function.Function<YearFigures, T> work) {
        return onceAtATime(() -> work.apply(snapshots.loadFresh(year).orElseGet(() -> computeAndSave(List.of(year)).get(0))));
    }

    /** Copies the year's stored figures into a release; run inside {@link #withFreshFigures}. */
    public void copyToRelease(YearFigures fresh, long releaseId) {
        snapshots.copyToRelease(fresh.year(), releaseId);
    }

    /** The figures a release froze. */
    public YearFigures released(long releaseId, ReportingYear year, java.time.Instant computedAt) {
        return snapshots.loadReleased(releaseId, year, computedAt);
    }

    /** Computes the year's figures from the records and stores them as its snapshot. */
    public YearFigures recompute(ReportingYear year) {
        return recompute(List.of(year)).get(0);
    }

    /** Computes every year that has decisions, one grouped pass per kind of record, and stores each year's snapshot. */
    public List<YearFigures> recomputeAllYears() {
        return recompute(yearsWithDecisions());
    }

    private List<YearFigures> recompute(List<ReportingYear> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return onceAtATime(() -> computeAndSave(years));
    }

    /**
     * Runs work on the snapshots in a transaction holding the snapshots' lock row, so that one thread of one node at a
     * time replaces them. A wait longer than the database's lock timeout (H2's is a second) is tried again.
     */
    private <T> T onceAtATime(java.util.function.Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> {
                    jdbc.queryForObject("select name from work_lock where name = 'statistics snapshot' for update", String.class);
                    return work.get();
                });
            } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw busy;
                }
            }
        }
    }

    private static final int LOCK_ATTEMPTS = 600;

    /** Computes the years' figures and replaces their snapshots; the caller holds the lock in its transaction. */
    private List<YearFigures> computeAndSave(List<ReportingYear> years) {
        var computed = calculator.compute(years);
        var now = clock.instant();
        long started = System.nanoTime();
        List<YearFigures> result = new ArrayList<>();
        computed.forEach((year, figures) -> {
            snapshots.save(year, now, figures);
            result.add(new YearFigures(year, now, figures));
        });
        LOG.debug("{} snapshot(s) saved in {} ms", result.size(), (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** The mid-year population estimate staff chose for a year's per-100,000 figures, with who chose it, when and why. */
    public record ChosenEstimate(ReportingYear year, int midYear, String chosenBy, java.time.Instant chosenAt, String reason) {
    }

    /** The year's estimate as the audit log records it: "mid-2022: the reason", or "the rule". */
    public String estimateInWords(ReportingYear year) {
        return chosenEstimate(year).map(c -> "mid-" + c.midYear() + ": " + c.reason()).orElse("the rule");
    }

    /** A choice as the audit log records it: "mid-2022: the reason", or "the rule: the reason". */
    public static String choiceInWords(java.util.OptionalInt midYear, String reason) {
        return (midYear.isPresent() ? "mid-" + midYear.getAsInt() : "the rule") + ": " + reason.strip();
    }

    /** The estimate chosen for the year, if staff chose one; else its figures follow the rule (docs/statistics.md). */
    public java.util.Optional<ChosenEstimate> chosenEstimate(ReportingYear year) {
        return jdbc.query("select mid_year, chosen_by, chosen_at, reason from population_estimate_chosen where reporting_year = ?",
                (rs, n) -> new ChosenEstimate(year, rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)),
                year.toString()).stream().findFirst();
    }

    /**
     * Makes the year's per-100,000 figures divide by the mid-year estimate given (empty: the rule again), and marks the
     * figures for working out again, under the lock that any computation running holds. A published year's release is
     * not touched: its working figures differ until a revision.
     */
    public void chooseEstimate(ReportingYear year, java.util.OptionalInt midYear, String chosenBy, String reason) {
        if (midYear.isPresent() && !mayStandFor(year, midYear.getAsInt())) {
            throw new IllegalArgumentException("no mid-" + midYear.getAsInt() + " estimate can stand for " + year
                    + ": choose a mid-year from 1971 to " + (year.startYear() + 1));
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give the reason for the estimate chosen (it is kept, and shown with the figures)");
        }
        onceAtATime(() -> {
            jdbc.update("delete from population_estimate_chosen where reporting_year = ?", year.toString());
            midYear.ifPresent(m -> jdbc.update("insert into population_estimate_chosen (reporting_year, mid_year, chosen_by, chosen_at, reason)"
                    + " values (?, ?, ?, ?, ?)", year.toString(), m, chosenBy, java.sql.Timestamp.from(clock.instant()), reason.strip()));
            snapshots.markAllStale();
            return null;
        });
    }

    /**
     * The mid-years of the population estimates recorded for the councils of the year (those that existed in it) that
     * {@link #chooseEstimate} accepts for it, earliest first: the estimates staff can choose from.
     */
    public List<Integer> estimatesToChooseFrom(ReportingYear year) {
        java.util.SortedSet<Integer> midYears = new java.util.TreeSet<>();
        jdbc.query("select distinct p.mid_year, o.kind from population p join organisation o on o.code = p.organisation_code"
                + " where (o.started_on is null or o.started_on <= ?) and (o.ended_on is null or o.ended_on >= ?)", rs -> {
                    if (org.annualreview.shared.Term.byCode(org.annualreview.organisations.OrganisationKind.class, rs.getString(2)).hasTypeAverage()
                            && mayStandFor(year, rs.getInt(1))) {
                        midYears.add(rs.getInt(1));
                    }
                }, java.sql.Date.valueOf(year.lastDay()), java.sql.Date.valueOf(year.firstDay()));
        return List.copyOf(midYears);
    }

    /** Whether an estimate of the mid-year can stand for the middle of the year: one from 1971 to the year after its start. */
    private static boolean mayStandFor(ReportingYear year, int midYear) {
        return midYear >= 1971 && midYear <= year.startYear() + 1;
    }

    /** Every reporting year from the first decision to the last. */
    public List<ReportingYear> yearsWithDecisions() {
        List<ReportingYear> years = new ArrayList<>();
        jdbc.query("select min(reporting_year), max(reporting_year) from decision", rs -> {
            String first = rs.getString(1);
            if (first != null) {
                ReportingYear end = ReportingYear.parse(rs.getString(2));
                for (ReportingYear y = ReportingYear.parse(first); y.compareTo(end) <= 0; y = y.next()) {
                    years.add(y);
                }
            }
        });
        return years;
    }

    /** The latest reporting year that has ended by today, among those with decisions; else the latest with decisions. */
    public java.util.Optional<ReportingYear> latestYear() {
        List<ReportingYear> years = yearsWithDecisions();
        LocalDate today = LocalDate.now(clock);
        return years.stream().filter(y -> y.lastDay().isBefore(today)).reduce((a, b) -> b)
                .or(() -> years.stream().reduce((a, b) -> b));
    }

    /** Lists the records counted in a figure, from the records themselves, by the same conditions as the snapshot. */
    public Explanation explain(ReportingYear year, String organisationCode, Measure measure) {
        return explain(figures(year), organisationCode, measure, OptionalLong.empty());
    }

    /**
     * Lists the records a release counted in a figure: its frozen copies, by the same conditions as the figure. Only
     * decisions, recommendations and service improvements are frozen (the figures the public can trace).
     */
    public Explanation explainReleased(YearFigures released, long releaseId, String organisationCode, Measure measure) {
        return explain(released, organisationCode, measure, OptionalLong.of(releaseId));
    }

    /** The figure of the year's figures given, with the items it counted: from the working records, or a release's copies. */
    private Explanation explain(YearFigures year, String organisationCode, Measure measure, OptionalLong release) {
        OrganisationFigures figures = year.of(organisationCode)
                .orElseThrow(() -> new IllegalArgumentException("no figures for " + organisationCode + " in " + year.year()));
        // a release frozen before compliance was counted per case published it per recommendation: listed as counted
        Measure counted = measure == Measure.COMPLIANCE && !figures.complianceByCase() ? Measure.COMPLIANCE_BY_RECOMMENDATION : measure;
        return new Explanation(year.year(), figures, counted,
                items(year.year(), organisationCode, counted.numerator(), release),
                items(year.year(), organisationCode, counted.denominator(), release),
                measure == Measure.UPHELD_PER_100000 ? figures.population() : java.util.Optional.empty());
    }

    /** The items counted, from the working records or from a release's copies of them. */
    private List<String> items(ReportingYear year, String organisationCode, List<Tally> tallies, OptionalLong release) {
        if (tallies.isEmpty()) {
            return List.of();
        }
        Tally.Counted counted = tallies.get(0).counted();
        String from = release.isEmpty() ? counted.from : counted.released(release.getAsLong());
        String sql = "select " + counted.item + " as item from " + from
                + " where " + counted.year + " = ? and " + counted.organisation + " = ?"
                + " and (" + tallies.stream().map(t -> "(" + t.condition() + ")").collect(Collectors.joining(" or ")) + ")"
                + " order by 1";
        return jdbc.queryForList(sql, String.class, year.toString(), organisationCode);
    }

    /**
     * Marks every snapshot for working out again (records changed), once any computation running now has stored its
     * snapshot: one that read the records before the change cannot then be kept as fresh.
     */
    public void markAllStale() {
        onceAtATime(() -> {
            snapshots.markAllStale();
            return null;
        });
    }
}
