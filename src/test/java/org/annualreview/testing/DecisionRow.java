package org.annualreview.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A decision row for a test's record files, with sensible defaults: {@code aDecision("C1").about(code).upheld()}. */
public final class DecisionRow {

    private final Map<String, String> cells = new LinkedHashMap<>();

    private DecisionRow(String caseReference) {
        cells.put("case_reference", caseReference);
        cells.put("organisation_code", "E08000011");
        cells.put("service_area", "Housing");
        cells.put("received_date", "2023-04-03");
        cells.put("decision_date", "2023-09-01");
        cells.put("outcome", "Not upheld");
        cells.put("detailed_investigation", "");
        cells.put("satisfactory_remedy", "");
        cells.put("public_report_date", "");
        cells.put("public_report_title", "");
    }

    public static DecisionRow aDecision(String caseReference) {
        return new DecisionRow(caseReference);
    }

    public DecisionRow about(String organisationCode) {
        cells.put("organisation_code", organisationCode);
        return this;
    }

    public DecisionRow upheld() {
        return outcome("Upheld");
    }

    public DecisionRow notUpheld() {
        return outcome("Not upheld");
    }

    public DecisionRow outcome(String outcome) {
        cells.put("outcome", outcome);
        return this;
    }

    public DecisionRow withRemedy() {
        cells.put("satisfactory_remedy", "yes");
        return this;
    }

    public DecisionRow in(String serviceArea) {
        cells.put("service_area", serviceArea);
        return this;
    }

    /** Decided on the date, received three months before. */
    public DecisionRow decidedOn(String date) {
        cells.put("decision_date", date);
        cells.put("received_date", LocalDate.parse(date).minusMonths(3).toString());
        return this;
    }

    public DecisionRow receivedOn(String date) {
        cells.put("received_date", date);
        return this;
    }

    public DecisionRow publicReport(String date, String title) {
        cells.put("public_report_date", date);
        cells.put("public_report_title", title);
        return this;
    }

    public DecisionRow with(String heading, String value) {
        cells.put(heading, value);
        return this;
    }

    public String caseReference() {
        return cells.get("case_reference");
    }

    Map<String, String> cells() {
        return cells;
    }
}
