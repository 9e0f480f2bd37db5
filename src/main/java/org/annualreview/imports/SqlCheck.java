package org.annualreview.imports;

/**
 * A check that needs the database, run over a file's staged rows as one query returning the row number and
 * a value for the reason ({@code %s}). {@code {staged}} in the query stands for the staging table.
 * A check that {@link #refersTo() refers to} another record type is skipped when that type's file in the same
 * run had problems: its rows are not in the database, and every reference to them would be reported too.
 * {@link #afterMerge() After-merge} checks run once every file of the run is merged, against the result.
 */
record SqlCheck(String target, String query, String reason, String refersTo, boolean afterMerge) {

    /** Named by file name, not by constant: RecordType's constants are still being built when these are. */
    boolean refersToAnyOf(java.util.Set<RecordType> types) {
        return types.stream().anyMatch(t -> t.fileName().equals(refersTo));
    }

    String sql(String stagingTable) {
        return query.replace("{staged}", stagingTable);
    }

    static final SqlCheck UNKNOWN_ORGANISATION = new SqlCheck("organisation_code",
            "select s.row_no, s.organisation_code from {staged} s"
                    + " where not exists (select 1 from organisation o where o.code = s.organisation_code) order by s.row_no",
            "unknown organisation '%s': add it to the register (organisations) first", "organisations", false);

    static final SqlCheck ORGANISATION_DID_NOT_EXIST_ON_DECISION_DATE = new SqlCheck("organisation_code",
            "select s.row_no, s.organisation_code from {staged} s join organisation o on o.code = s.organisation_code"
                    + " where o.ended_on < s.decided_on or o.started_on > s.decided_on order by s.row_no",
            "organisation '%s' did not exist on the decision date: record the decision against the body that did",
            "organisations", false);

    static final SqlCheck UNKNOWN_DECISION = new SqlCheck("case_reference",
            "select s.row_no, s.case_reference from {staged} s"
                    + " where not exists (select 1 from decision d where d.case_reference = s.case_reference) order by s.row_no",
            "unknown case reference '%s': import its decision first", "decisions", false);

    static final SqlCheck UNKNOWN_PROVISION = new SqlCheck("provision",
            "select s.row_no, s.provision from {staged} s"
                    + " where not exists (select 1 from code_provision p where p.code = s.provision) order by s.row_no",
            "unknown Complaint Handling Code provision '%s': add it to the provisions (code-provisions) first", "code-provisions", false);

    static final SqlCheck DECISIONS_AFTER_END = new SqlCheck("ended_on",
            "select s.row_no, cast(count(*) as varchar(10)) || ' decision(s), the latest on ' || cast(max(d.decided_on) as varchar(10))"
                    + " from {staged} s join decision d on d.organisation_code = s.code"
                    + " where d.decided_on > s.ended_on group by s.row_no order by s.row_no",
            "the register holds %s, after this end date: record them against the body that existed then, or correct the date",
            null, true);

    static final SqlCheck DECISIONS_BEFORE_START = new SqlCheck("started_on",
            "select s.row_no, cast(count(*) as varchar(10)) || ' decision(s), the earliest on ' || cast(min(d.decided_on) as varchar(10))"
                    + " from {staged} s join decision d on d.organisation_code = s.code"
                    + " where d.decided_on < s.started_on group by s.row_no order by s.row_no",
            "the register holds %s, before this start date: record them against the body that existed then, or correct the date",
            null, true);
}
