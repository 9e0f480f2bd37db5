package org.annualreview.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.annualreview.decisions.ComplianceOutcome;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One organisation's cases of a reporting year, as the ombudsman sends them with its annual letter (never published):
 * the complaints received in the year, the decisions made in it and the compliance outcomes of the cases that fell due
 * in it, with their recommendations. Read from the working records, the decisions and compliance outcomes by the
 * {@link Tally} definitions the year's figures count them by, so that a list has as many rows as its figure counts.
 */
public final class CaseLists {

    /** A complaint received in the year, with its decision so far (which may be dated in a later year). */
    public record Received(String caseReference, LocalDate receivedOn, ServiceArea serviceArea, LocalDate decidedOn, ReportingYear decidedIn,
            Outcome outcome) {
    }

    /** A decision made in the year: the complaints and enquiries dealt with. */
    public record Decided(String caseReference, LocalDate receivedOn, LocalDate decidedOn, ServiceArea serviceArea, Outcome outcome,
            boolean detailedInvestigation, boolean satisfactoryRemedy, Optional<LocalDate> publicReportOn) {
    }

    /** A case whose recommendations fell due in the year, with its one compliance outcome over all of them. */
    public record ComplianceCase(String caseReference, ComplianceOutcome outcome, LocalDate lastDueOn, int recommendations) {
    }

    /** One recommendation of a case in the compliance list (it may have fallen due in an earlier year than its case). */
    public record Recommendation(String caseReference, int number, LocalDate dueOn, ComplianceOutcome outcome, Optional<LocalDate> recordedOn,
            String recommended) {
    }

    /** The four lists; a CSV file holds one. */
    public enum Part { RECEIVED, DECISIONS, COMPLIANCE, RECOMMENDATIONS }

    /** The lists of one organisation and year, read together (a part not asked for is empty). */
    public record Of(String organisationCode, ReportingYear year, List<Received> received, List<Decided> decisions,
            List<ComplianceCase> compliance, List<Recommendation> recommendations) {
    }

    /** The tallies whose rows make the compliance list: every outcome a case can have, pending included. */
    private static final List<Tally> COMPLIANCE = List.of(Tally.CASES_COMPLIED, Tally.CASES_COMPLIED_LATE, Tally.CASES_NOT_COMPLIED,
            Tally.CASES_COMPLIANCE_PENDING);

    /**
     * " from … where …": the cases the year's compliance counts for one organisation (the organisation, the year and the
     * organisation again the query's next three parameters), grouped from its recommendations alone.
     */
    private static final String COMPLIANCE_CASES = " from " + Tally.Counted.casesOfOneOrganisation()
            + where(Tally.Counted.COMPLIANCE_CASES, COMPLIANCE);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public CaseLists(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setReadOnly(true);
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);   // the four lists of one moment
    }

    /** The organisation's lists of the year (empty lists when it has no cases). */
    public Of of(String organisationCode, ReportingYear year) {
        return of(organisationCode, year, java.util.EnumSet.allOf(Part.class));
    }

    /** The parts asked for of the organisation's lists of the year, read in one transaction; the others empty. */
    public Of of(String organisationCode, ReportingYear year, java.util.Set<Part> parts) {
        return transaction.execute(status -> new Of(organisationCode, year,
                parts.contains(Part.RECEIVED) ? received(organisationCode, year) : List.of(),
                parts.contains(Part.DECISIONS) ? decisions(organisationCode, year) : List.of(),
                parts.contains(Part.COMPLIANCE) ? compliance(organisationCode, year) : List.of(),
                parts.contains(Part.RECOMMENDATIONS) ? recommendations(organisationCode, year) : List.of()));
    }

    /** Complaints received in the year: by the date received, which no figure counts by (the figures count decisions). */
    private List<Received> received(String organisationCode, ReportingYear year) {
        return jdbc.query("select d.case_reference, d.received_on, d.service_area, d.decided_on, d.reporting_year, d.outcome from decision d"
                + " where d.organisation_code = ? and d.received_on between ? and ? order by d.received_on, d.case_reference",
                (rs, n) -> new Received(rs.getString(1), rs.getDate(2).toLocalDate(), Term.byCode(ServiceArea.class, rs.getString(3)),
                        rs.getDate(4).toLocalDate(), ReportingYear.parse(rs.getString(5)), Term.byCode(Outcome.class, rs.getString(6))),
                organisationCode, Date.valueOf(year.firstDay()), Date.valueOf(year.lastDay()));
    }

    /** The decisions the year's complaints and enquiries dealt with count. */
    private List<Decided> decisions(String organisationCode, ReportingYear year) {
        return jdbc.query("select d.case_reference, d.received_on, d.decided_on, d.service_area, d.outcome, d.detailed_investigation,"
                + " d.satisfactory_remedy, d.public_report_on from " + Tally.Counted.DECISIONS.from
                + where(Tally.Counted.DECISIONS, List.of(Tally.DECISIONS))
                + " order by d.decided_on, d.case_reference",
                (rs, n) -> new Decided(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        Term.byCode(ServiceArea.class, rs.getString(4)), Term.byCode(Outcome.class, rs.getString(5)), rs.getBoolean(6),
                        rs.getBoolean(7), Optional.ofNullable(rs.getDate(8)).map(Date::toLocalDate)),
                year.toString(), organisationCode);
    }

    /** The cases the year's compliance counts, pending ones too, each with the outcome it is counted with. */
    private List<ComplianceCase> compliance(String organisationCode, ReportingYear year) {
        return jdbc.query("select c.case_reference, c.compliance_outcome, c.last_due_on, c.recommendations" + COMPLIANCE_CASES
                + " order by c.last_due_on, c.case_reference",
                (rs, n) -> new ComplianceCase(rs.getString(1), Term.byCode(ComplianceOutcome.class, rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getInt(4)),
                organisationCode, year.toString(), organisationCode);
    }

    /** Every recommendation of the cases in the compliance list, whatever year each fell due. */
    private List<Recommendation> recommendations(String organisationCode, ReportingYear year) {
        return jdbc.query("select r.case_reference, r.number, r.due_on, r.compliance_outcome, r.compliance_recorded_on, r.recommended"
                + " from recommendation r where r.organisation_code = ? and r.case_reference in (select c.case_reference" + COMPLIANCE_CASES
                + ") order by r.case_reference, r.number",
                (rs, n) -> new Recommendation(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate(),
                        Term.byCode(ComplianceOutcome.class, rs.getString(4)), Optional.ofNullable(rs.getDate(5)).map(Date::toLocalDate),
                        rs.getString(6)),
                organisationCode, organisationCode, year.toString(), organisationCode);
    }

    /**
     * " where …": the records the tallies count for one organisation in one year (the year and the organisation the
     * query's next two parameters), by the same year, organisation and conditions as the figures.
     */
    private static String where(Tally.Counted counted, List<Tally> tallies) {
        return " where " + counted.year + " = ? and " + counted.organisation + " = ?"
                + " and (" + tallies.stream().map(t -> "(" + t.condition() + ")").collect(Collectors.joining(" or ")) + ")";
    }
}
