package org.annualreview.imports;

/**
 * A check that needs the database, run over the staged rows: every staged row matching {@code offending}
 * is a problem in column {@code target}. {@code %s} in the reason is replaced by the cell's value.
 */
record SqlCheck(String target, String offending, String reason) {

    static final SqlCheck UNKNOWN_ORGANISATION = new SqlCheck("organisation_code",
            "not exists (select 1 from organisation o where o.code = s.organisation_code)",
            "unknown organisation '%s': add it to the register (organisations) first");

    static final SqlCheck ORGANISATION_DID_NOT_EXIST_ON_DECISION_DATE = new SqlCheck("organisation_code",
            "exists (select 1 from organisation o where o.code = s.organisation_code"
                    + " and (o.ended_on < s.decided_on or o.started_on > s.decided_on))",
            "organisation '%s' did not exist on the decision date: record the decision against the body that did");

    static final SqlCheck UNKNOWN_DECISION = new SqlCheck("case_reference",
            "not exists (select 1 from decision d where d.case_reference = s.case_reference)",
            "unknown case reference '%s': import its decision first");
}
