package org.annualreview.decisions;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The decisions recorded, as the site lists and shows them: the working records, or ({@link #inReleases}) the copies
 * that the public site reads, frozen in the releases of the published years.
 */
public final class Decisions {

    /**
     * What a list of one body's decisions is narrowed to; an empty set of years finds nothing. {@code words}, when
     * not blank, must appear (in any case) in the case reference, the title of a public report dated in one of
     * {@code reportYears} (a report of any other year is not searched: it is not public yet), a recommendation or a
     * service improvement.
     */
    public record Filter(Set<ReportingYear> years, Set<ReportingYear> reportYears, Optional<ServiceArea> area, Optional<Outcome> outcome,
            String words) {

        public Filter {
            words = words == null ? "" : words.strip();
            reportYears = Set.copyOf(reportYears);
        }
    }

    private static final String WORDS_FOUND = " and (lower(d.case_reference) like ? escape '!'"
            + " or (d.public_report_year in (%s) and lower(d.public_report_title) like ? escape '!')"
            + " or exists (select 1 from %s r.case_reference = d.case_reference%s and lower(r.recommended) like ? escape '!')"
            + " or exists (select 1 from %s i.case_reference = d.case_reference"
            + " and lower(i.improvement) like ? escape '!'))";

    /**
     * Where the records are read from: tables, or a release's copies as derived tables. A decision's own year's
     * release holds it with all its recommendations and service improvements; a later year's release may hold it
     * again for a public report or a recommendation due in that year.
     */
    private record Source(String decisions, String reports, String recommendations, String improvements, boolean released) {

        /**
         * Each a table, its alias and the start of a where clause that the query goes on from ("decision d where"):
         * conditions on the table itself rather than a derived table, so that the database uses its indexes.
         */
        static final Source WORKING = new Source("decision d where", "decision d where", "recommendation r where", "service_improvement i where",
                false);

        static Source of(java.util.Collection<Long> releaseIds) {
            String ids = releaseIds.isEmpty() ? "-1" : String.join(", ", releaseIds.stream().map(String::valueOf).toList());
            return new Source("released_decision d where d.release_id in (" + ids + ") and d.reporting_year = d.release_year and",
                    "released_decision d where d.release_id in (" + ids + ") and d.public_report_year = d.release_year and",
                    "released_recommendation r where r.release_id in (" + ids + ") and",
                    "released_service_improvement i where i.release_id in (" + ids + ") and", true);
        }
    }

    private static final RowMapper<Decision> ROW = (rs, n) -> new Decision(rs.getString("case_reference"),
            rs.getString("organisation_code"), Term.byCode(ServiceArea.class, rs.getString("service_area")),
            rs.getDate("received_on").toLocalDate(), rs.getDate("decided_on").toLocalDate(),
            ReportingYear.parse(rs.getString("reporting_year")), Term.byCode(Outcome.class, rs.getString("outcome")),
            rs.getBoolean("detailed_investigation"), rs.getBoolean("satisfactory_remedy"),
            Optional.ofNullable(rs.getDate("public_report_on")).map(Date::toLocalDate), Optional.ofNullable(rs.getString("public_report_title")),
            List.of(), List.of());

    private static final RowMapper<ServiceImprovement> IMPROVEMENT = (rs, n) -> new ServiceImprovement(rs.getString("case_reference"),
            rs.getInt("number"), ReportingYear.parse(rs.getString("reporting_year")), rs.getString("improvement"),
            Term.byCode(ImprovementStatus.class, rs.getString("status")));

    private final JdbcTemplate jdbc;
    private final Source source;

    public Decisions(DataSource dataSource) {
        this(new JdbcTemplate(dataSource), Source.WORKING);
    }

    private Decisions(JdbcTemplate jdbc, Source source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** The decisions as the given releases froze them (one per published year): what the public site reads. */
    public Decisions inReleases(java.util.Collection<Long> releaseIds) {
        return new Decisions(jdbc, Source.of(releaseIds));
    }

    /** One body's decisions of the given years, latest first, at most {@code limit}. */
    public List<Decision> of(String organisationCode, Filter filter, int limit) {
        return page(Optional.of(organisationCode), filter, 0, limit).decisions();
    }

    /** A page of decisions found, and how many were found in all. */
    public record Page(List<Decision> decisions, long found) {
    }

    /**
     * The decisions of the given years about one body, or about every body, narrowed by the filter: {@code size} of them
     * from the {@code from}-th (0 first), latest first, with how many were found in all.
     */
    public Page page(Optional<String> organisationCode, Filter filter, long from, int size) {
        if (filter.years().isEmpty()) {
            return new Page(List.of(), 0);
        }
        List<Object> arguments = new ArrayList<>();
        String where = where(organisationCode, filter, arguments);
        long found = jdbc.queryForObject("select count(*) from " + source.decisions() + where, Long.class, arguments.toArray());
        String sql = "select d.* from " + source.decisions() + where + " order by d.decided_on desc, d.case_reference"
                + " offset " + Math.max(0, from) + " rows fetch next " + Math.max(1, size) + " rows only";
        return new Page(jdbc.query(sql, ROW, arguments.toArray()), found);
    }

    /** The conditions after "where" (the source's), their arguments added to {@code arguments}. */
    private String where(Optional<String> organisationCode, Filter filter, List<Object> arguments) {
        StringBuilder sql = new StringBuilder(" d.reporting_year in (");
        sql.append(String.join(", ", filter.years().stream().map(y -> "?").toList())).append(")");
        filter.years().forEach(y -> arguments.add(y.toString()));
        organisationCode.ifPresent(code -> {
            sql.append(" and d.organisation_code = ?");
            arguments.add(code);
        });
        filter.area().ifPresent(a -> {
            sql.append(" and d.service_area = ?");
            arguments.add(a.code());
        });
        filter.outcome().ifPresent(o -> {
            sql.append(" and d.outcome = ?");
            arguments.add(o.code());
        });
        if (!filter.words().isEmpty()) {
            List<String> reportYears = filter.reportYears().stream().map(ReportingYear::toString).sorted().toList();
            sql.append(WORDS_FOUND.formatted(reportYears.isEmpty() ? "null" : String.join(", ", reportYears.stream().map(y -> "?").toList()),
                    source.recommendations(), source.released() ? " and r.release_id = d.release_id" : "", source.improvements()));
            String pattern = org.annualreview.shared.Containing.pattern(filter.words());
            arguments.add(pattern);
            arguments.addAll(reportYears);
            for (int i = 0; i < 3; i++) {
                arguments.add(pattern);
            }
        }
        return sql.toString();
    }

    /** Every decision of a year about any body, by body and case, for the open data. */
    public void eachOfYear(ReportingYear year, java.util.function.Consumer<Decision> each) {
        jdbc.query("select d.* from " + source.decisions() + " d.reporting_year = ? order by d.organisation_code, d.case_reference",
                (java.sql.ResultSet rs) -> each.accept(ROW.mapRow(rs, 0)), year.toString());
    }

    /** Every service improvement agreed on a year's decisions, with the body it was agreed by, for the open data. */
    public void eachImprovementOfYear(ReportingYear year, java.util.function.BiConsumer<String, ServiceImprovement> each) {
        jdbc.query("select organisation_code, case_reference, number, reporting_year, improvement, status from " + source.improvements()
                + " i.reporting_year = ? order by organisation_code, case_reference, number",
                (java.sql.ResultSet rs) -> each.accept(rs.getString(1), IMPROVEMENT.mapRow(rs, 0)), year.toString());
    }

    /** One body's service improvements agreed in the given years (their decisions' years), latest first. */
    public List<ServiceImprovement> serviceImprovements(String organisationCode, Set<ReportingYear> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select case_reference, number, reporting_year, improvement, status from " + source.improvements()
                + " i.organisation_code = ? and reporting_year in (" + String.join(", ", years.stream().map(y -> "?").toList()) + ")"
                + " order by reporting_year desc, case_reference, number", IMPROVEMENT, arguments(organisationCode, years));
    }

    /** One body's public reports published in the given years, latest first. */
    public List<PublicReport> publicReports(String organisationCode, Set<ReportingYear> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select case_reference, public_report_on, public_report_year, public_report_title from " + source.reports()
                + " d.organisation_code = ? and public_report_year in (" + String.join(", ", years.stream().map(y -> "?").toList()) + ")"
                + " order by public_report_on desc, case_reference",
                (rs, n) -> new PublicReport(rs.getString(1), rs.getDate(2).toLocalDate(), ReportingYear.parse(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)).orElse("Report on case " + rs.getString(1))),
                arguments(organisationCode, years));
    }

    private static Object[] arguments(String organisationCode, Set<ReportingYear> years) {
        List<Object> arguments = new ArrayList<>(List.of(organisationCode));
        years.forEach(y -> arguments.add(y.toString()));
        return arguments.toArray();
    }

    /**
     * A decision with its recommendations and service improvements; read from releases, as its own year's release
     * froze it, with a public report published since (in a later year's release) added.
     */
    public Optional<Decision> find(String caseReference) {
        if (!source.released()) {
            return jdbc.query("select * from decision where case_reference = ?", ROW, caseReference).stream().findFirst().map(d -> whole(d,
                    jdbc.queryForList("select recommended from recommendation where case_reference = ? order by number", String.class, caseReference),
                    jdbc.queryForList("select improvement from service_improvement where case_reference = ? order by number", String.class,
                            caseReference)));
        }
        List<Long> home = jdbc.queryForList("select d.release_id from " + source.decisions() + " d.case_reference = ?", Long.class,
                caseReference);
        if (home.isEmpty()) {
            return Optional.empty();
        }
        Decision d = jdbc.queryForObject("select * from released_decision where release_id = ? and case_reference = ?", ROW, home.get(0),
                caseReference);
        Optional<Decision> reported = jdbc.query("select d.* from " + source.reports() + " d.case_reference = ?", ROW, caseReference)
                .stream().findFirst();
        return Optional.of(whole(new Decision(d.caseReference(), d.organisationCode(), d.serviceArea(), d.receivedOn(), d.decidedOn(), d.year(),
                d.outcome(), d.detailedInvestigation(), d.satisfactoryRemedy(), reported.flatMap(Decision::publicReportOn),
                reported.flatMap(Decision::publicReportTitle), List.of(), List.of()),
                jdbc.queryForList("select recommended from released_recommendation where release_id = ? and case_reference = ? order by number",
                        String.class, home.get(0), caseReference),
                jdbc.queryForList("select improvement from released_service_improvement where release_id = ? and case_reference = ? order by number",
                        String.class, home.get(0), caseReference)));
    }

    private static Decision whole(Decision d, List<String> recommendations, List<String> improvements) {
        return new Decision(d.caseReference(), d.organisationCode(), d.serviceArea(), d.receivedOn(), d.decidedOn(), d.year(), d.outcome(),
                d.detailedInvestigation(), d.satisfactoryRemedy(), d.publicReportOn(), d.publicReportTitle(), recommendations, improvements);
    }

    /**
     * Freezes into a release of {@code year} the records its figures count and its pages show: the year's decisions
     * with all their recommendations and service improvements, decisions of other years with a public report dated
     * in it, and every recommendation of a case with one falling due in it (a case's compliance outcome is over all its
     * recommendations). The caller's transaction holds it.
     */
    public void copyToRelease(ReportingYear year, long releaseId) {
        String y = year.toString();
        jdbc.update("insert into released_decision select cast(? as bigint), cast(? as varchar(7)), d.* from decision d"
                + " where d.reporting_year = ? or d.public_report_year = ?", releaseId, y, y, y);
        // every recommendation of a case with one falling due in the year (its compliance outcome is over all of them),
        // and of the year's decisions
        jdbc.update("insert into released_recommendation select cast(? as bigint), cast(? as varchar(7)), r.* from recommendation r"
                + " where r.case_reference in (select due.case_reference from recommendation due where due.due_year = ?)"
                + " or exists (select 1 from decision d where d.case_reference = r.case_reference and d.reporting_year = ?)",
                releaseId, y, y, y);
        jdbc.update("insert into released_service_improvement select cast(? as bigint), cast(? as varchar(7)), i.* from service_improvement i"
                + " where i.reporting_year = ?", releaseId, y, y);
    }
}
