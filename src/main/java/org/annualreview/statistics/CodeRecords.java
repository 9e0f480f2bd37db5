package org.annualreview.statistics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.shared.ReportingYear;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a year's Complaint Handling Code records ({@link CodeFindings}) from the working records, or from a release's
 * frozen copies of them, by the same queries; and freezes them into a release. A provision counts a case once, and only a
 * detailed investigation, as {@link Tally#CODE_FAILURE_CASES} does.
 */
public final class CodeRecords {

    private final JdbcTemplate jdbc;

    public CodeRecords(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Where the records are read: the working tables, or one release's copies (each query adds its release id). */
    private record Source(String provisions, String failures, String selfAssessments, String notices, List<Object> release) {

        static final Source WORKING = new Source("code_provision p where 1 = 1",
                "code_failure f join decision d on d.case_reference = f.case_reference where 1 = 1",
                "code_self_assessment a where 1 = 1", "code_failure_notice n where 1 = 1", List.of());

        static Source release(long id) {
            return new Source("released_code_provision p where p.release_id = ?",
                    "released_code_failure f join released_decision d on d.release_id = f.release_id"
                            + " and d.case_reference = f.case_reference where f.release_id = ?",
                    "released_code_self_assessment a where a.release_id = ?", "released_code_failure_notice n where n.release_id = ?",
                    List.of(id));
        }

        Object[] arguments(Object... more) {
            List<Object> all = new ArrayList<>(release);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    /** The year's findings in the working records. */
    public CodeFindings of(ReportingYear year) {
        return read(year, Source.WORKING);
    }

    /** The year's findings as a release froze them. */
    public CodeFindings released(long releaseId, ReportingYear year) {
        return read(year, Source.release(releaseId));
    }

    /** The detailed investigations of a council's year in which the provision was found failed, by case reference. */
    public List<String> casesFailing(ReportingYear year, String organisationCode, String provision) {
        return cases(Source.WORKING, year, organisationCode, provision);
    }

    /** The same, as a release froze them. */
    public List<String> releasedCasesFailing(long releaseId, ReportingYear year, String organisationCode, String provision) {
        return cases(Source.release(releaseId), year, organisationCode, provision);
    }

    private List<String> cases(Source source, ReportingYear year, String organisationCode, String provision) {
        return jdbc.queryForList("select f.case_reference from " + source.failures()
                + " and f.reporting_year = ? and f.organisation_code = ? and f.provision = ? and d.detailed_investigation = true"
                + " order by f.case_reference", String.class, source.arguments(year.toString(), organisationCode, provision));
    }

    private CodeFindings read(ReportingYear year, Source source) {
        Map<String, CodeFindings.Provision> provisions = new LinkedHashMap<>();
        List<CodeFindings.Provision> vocabulary = new ArrayList<>(jdbc.query("select p.code, p.label, p.description from " + source.provisions(),
                (rs, n) -> new CodeFindings.Provision(rs.getString(1), rs.getString(2), rs.getString(3)), source.arguments()));
        vocabulary.sort(java.util.Comparator.comparing(CodeFindings.Provision::label, String.CASE_INSENSITIVE_ORDER));   // not the database's collation
        vocabulary.forEach(p -> provisions.put(p.code(), p));
        Map<String, List<CodeFindings.Failure>> failures = new HashMap<>();
        jdbc.query("select f.organisation_code, f.provision, count(*) from " + source.failures()
                + " and f.reporting_year = ? and d.detailed_investigation = true group by f.organisation_code, f.provision", rs -> {
                    CodeFindings.Provision provision = provisions.get(rs.getString(2));
                    failures.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new CodeFindings.Failure(provision, rs.getLong(3)));
                }, source.arguments(year.toString()));
        Map<String, CodeFindings.SelfAssessment> assessments = new HashMap<>();
        jdbc.query("select a.* from " + source.selfAssessments() + " and a.reporting_year = ?", rs -> {
            assessments.put(rs.getString("organisation_code"), new CodeFindings.SelfAssessment(
                    document(rs, "self_assessment_found", "self_assessment_on", "self_assessment_address"),
                    document(rs, "annual_report_found", "annual_report_on", "annual_report_address"),
                    document(rs, "governance_response_found", "governance_response_on", null)));
        }, source.arguments(year.toString()));
        Map<String, List<CodeFindings.Notice>> notices = new HashMap<>();
        jdbc.query("select n.organisation_code, n.issued_on, n.reason from " + source.notices() + " and n.reporting_year = ?"
                + " order by n.issued_on", rs -> {
                    notices.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new CodeFindings.Notice(rs.getDate(2).toLocalDate(), rs.getString(3)));
                }, source.arguments(year.toString()));
        Map<String, CodeFindings.Council> councils = new HashMap<>();
        java.util.Set<String> codes = new java.util.HashSet<>(failures.keySet());
        codes.addAll(assessments.keySet());
        codes.addAll(notices.keySet());
        for (String code : codes) {
            List<CodeFindings.Failure> failed = new ArrayList<>(failures.getOrDefault(code, List.of()));
            failed.sort(java.util.Comparator.comparingLong(CodeFindings.Failure::cases).reversed()
                    .thenComparing(f -> f.provision().label()));
            councils.put(code, new CodeFindings.Council(failed, Optional.ofNullable(assessments.get(code)), notices.getOrDefault(code, List.of())));
        }
        return new CodeFindings(year, List.copyOf(provisions.values()), councils);
    }

    private static CodeFindings.Document document(ResultSet rs, String found, String on, String address) throws SQLException {
        Date date = rs.getDate(on);
        return new CodeFindings.Document(rs.getBoolean(found), Optional.ofNullable(date).map(Date::toLocalDate),
                address == null ? Optional.empty() : Optional.ofNullable(rs.getString(address)).filter(a -> !a.isBlank()));
    }

    /**
     * Freezes the year's Code records into a release: its failures, every provision's words, the self-assessments and the
     * notices. The caller's transaction holds it with the release's figures.
     */
    public void copyToRelease(ReportingYear year, long releaseId) {
        String y = year.toString();
        jdbc.update("insert into released_code_failure select cast(? as bigint), cast(? as varchar(7)), f.* from code_failure f"
                + " where f.reporting_year = ?", releaseId, y, y);
        jdbc.update("insert into released_code_provision select cast(? as bigint), p.* from code_provision p", releaseId);
        jdbc.update("insert into released_code_self_assessment select cast(? as bigint), a.* from code_self_assessment a"
                + " where a.reporting_year = ?", releaseId, y);
        jdbc.update("insert into released_code_failure_notice select cast(? as bigint), n.* from code_failure_notice n"
                + " where n.reporting_year = ?", releaseId, y);
    }
}
