package org.annualreview.imports;

import static org.annualreview.imports.Column.optional;
import static org.annualreview.imports.Column.required;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.annualreview.decisions.ComplianceOutcome;
import org.annualreview.decisions.ImprovementStatus;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.ContactRole;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;

/**
 * The kinds of record a file can hold, in the order they must be imported (a decision needs its
 * organisation, a recommendation its decision). The name is the CSV file's name and the XLSX sheet's name.
 */
public enum RecordType {

    ORGANISATIONS("organisations", "organisation",
            List.of(required("code", "code", Cells.ORGANISATION_CODE),
                    required("name", "name", new CellType.Text(200)),
                    optional("short_name", "short_name", new CellType.Text(120)),
                    required("kind", "kind", new CellType.Vocabulary<>(OrganisationKind.class, "kind")),
                    optional("parent_code", "parent_code", Cells.ORGANISATION_CODE),
                    optional("region", "region", new CellType.Text(60)),
                    optional("start_date", "started_on", Cells.DATE),
                    optional("end_date", "ended_on", Cells.DATE),
                    optional("replaced_by", "replaced_by", new CellType.Text(200)),
                    optional("latitude", "latitude", new CellType.Decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90))),
                    optional("longitude", "longitude", new CellType.Decimal(BigDecimal.valueOf(-180), BigDecimal.valueOf(180)))),
            List.of("code"),
            List.of(SqlCheck.DECISIONS_AFTER_END, SqlCheck.DECISIONS_BEFORE_START),
            row -> Rules.notBefore(row, "ended_on", "started_on", "the end date is before the start date")),

    POPULATIONS("populations", "population",
            List.of(required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("mid_year", "mid_year", new CellType.WholeNumber(1971, 2999)),
                    required("residents", "residents", new CellType.WholeNumber(1, 100_000_000))),
            List.of("organisation_code", "mid_year"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            row -> { }),

    CONTACTS("contacts", "contact",
            List.of(required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("role", "role", new CellType.Vocabulary<>(ContactRole.class, "role")),
                    optional("title", "title", new CellType.Text(30)),
                    optional("given_name", "given_name", new CellType.Text(100)),
                    optional("surname", "surname", new CellType.Text(100)),
                    optional("job_title", "job_title", new CellType.Text(200)),
                    optional("salutation", "salutation", new CellType.Text(200)),
                    required("email", "email", new CellType.Text(254))),
            List.of("organisation_code", "role", "email"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            Rules::contact),

    /** The Complaint Handling Code's provisions a finding can name: a vocabulary kept as data, extended by import. */
    CODE_PROVISIONS("code-provisions", "code_provision",
            List.of(required("code", "code", new CellType.Text(60)),
                    required("label", "label", new CellType.Text(300)),
                    optional("description", "description", new CellType.Text(2000))),
            List.of("code"),
            List.of(),
            Rules::provision),

    DECISIONS("decisions", "decision",
            List.of(required("case_reference", "case_reference", Cells.CASE_REFERENCE),
                    required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("service_area", "service_area", new CellType.Vocabulary<>(ServiceArea.class, "service area")),
                    required("received_date", "received_on", Cells.DATE),
                    required("decision_date", "decided_on", Cells.DATE),
                    Column.derived("reporting_year", Cells.YEAR),
                    required("outcome", "outcome", new CellType.Vocabulary<>(Outcome.class, "outcome")),
                    optional("detailed_investigation", "detailed_investigation", Cells.YES_NO),
                    optional("satisfactory_remedy", "satisfactory_remedy", Cells.YES_NO),
                    optional("public_report_date", "public_report_on", Cells.DATE),
                    Column.derived("public_report_year", Cells.YEAR),
                    optional("public_report_title", "public_report_title", new CellType.Text(300)),
                    optional("complaint_handling_code_finding", "complaint_handling_code_finding", new CellType.Text(2000))),
            List.of("case_reference"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION, SqlCheck.ORGANISATION_DID_NOT_EXIST_ON_DECISION_DATE),
            Rules::decision),

    RECOMMENDATIONS("recommendations", "recommendation",
            List.of(required("case_reference", "case_reference", Cells.CASE_REFERENCE),
                    required("number", "number", new CellType.WholeNumber(1, 999)),
                    required("recommendation", "recommended", new CellType.Text(2000)),
                    required("due_date", "due_on", Cells.DATE),
                    Column.derived("due_year", Cells.YEAR),
                    required("compliance_outcome", "compliance_outcome", new CellType.Vocabulary<>(ComplianceOutcome.class, "compliance outcome")),
                    optional("compliance_date", "compliance_recorded_on", Cells.DATE)),
            List.of("case_reference", "number"),
            List.of(SqlCheck.UNKNOWN_DECISION),
            Rules::recommendation,
            List.of("organisation_code")),

    SERVICE_IMPROVEMENTS("service-improvements", "service_improvement",
            List.of(required("case_reference", "case_reference", Cells.CASE_REFERENCE),
                    required("number", "number", new CellType.WholeNumber(1, 999)),
                    required("improvement", "improvement", new CellType.Text(2000)),
                    required("status", "status", new CellType.Vocabulary<>(ImprovementStatus.class, "status"))),
            List.of("case_reference", "number"),
            List.of(SqlCheck.UNKNOWN_DECISION),
            row -> { },
            List.of("organisation_code", "reporting_year")),

    /** The Code's provisions the ombudsman found a council failed in a case: one row per provision. */
    CODE_FAILURES("code-failures", "code_failure",
            List.of(required("case_reference", "case_reference", Cells.CASE_REFERENCE),
                    required("provision", "provision", new CellType.Text(60))),
            List.of("case_reference", "provision"),
            List.of(SqlCheck.UNKNOWN_DECISION, SqlCheck.UNKNOWN_PROVISION),
            row -> { },
            List.of("organisation_code", "reporting_year")),

    ENQUIRIES("enquiries", "enquiry",
            List.of(required("case_reference", "case_reference", Cells.CASE_REFERENCE),
                    required("number", "number", new CellType.WholeNumber(1, 999)),
                    required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("sent_date", "sent_on", Cells.DATE),
                    Column.derived("sent_year", Cells.YEAR),
                    required("due_date", "due_on", Cells.DATE),
                    optional("extended_to", "extended_to", Cells.DATE),
                    Column.derived("deadline_year", Cells.YEAR),
                    optional("answered_date", "answered_on", Cells.DATE),
                    optional("complete", "complete", Cells.YES_NO)),
            List.of("case_reference", "number"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            Rules::enquiry),

    TRAINING("training", "training_course",
            List.of(required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("course", "course", new CellType.Text(200)),
                    required("delivered_date", "delivered_on", Cells.DATE),
                    Column.derived("reporting_year", Cells.YEAR),
                    required("attendees", "attendees", new CellType.WholeNumber(0, 100_000))),
            List.of("organisation_code", "course", "delivered_on"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            row -> Rules.yearOf(row, "delivered_on", "reporting_year")),

    TRAINING_TOTALS("training-totals", "training_total",
            List.of(required("reporting_year", "reporting_year", new CellType.Year()),
                    required("workshops", "workshops", new CellType.WholeNumber(0, 1_000_000)),
                    required("people_reached", "people_reached", new CellType.WholeNumber(0, 10_000_000))),
            List.of("reporting_year"),
            List.of(),
            row -> { }),

    /** A council's year under the Code: its self-assessment, annual complaints report and its governance body's response. */
    CODE_SELF_ASSESSMENTS("code-self-assessments", "code_self_assessment",
            List.of(required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("reporting_year", "reporting_year", new CellType.Year()),
                    required("self_assessment_found", "self_assessment_found", Cells.YES_NO),
                    optional("self_assessment_date", "self_assessment_on", Cells.DATE),
                    optional("self_assessment_address", "self_assessment_address", new CellType.Text(500)),
                    required("annual_report_found", "annual_report_found", Cells.YES_NO),
                    optional("annual_report_date", "annual_report_on", Cells.DATE),
                    optional("annual_report_address", "annual_report_address", new CellType.Text(500)),
                    required("governance_response_found", "governance_response_found", Cells.YES_NO),
                    optional("governance_response_date", "governance_response_on", Cells.DATE)),
            List.of("organisation_code", "reporting_year"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            Rules::selfAssessment),

    /** A Complaint Handling Code failure notice the ombudsman issued to a council. */
    CODE_FAILURE_NOTICES("code-failure-notices", "code_failure_notice",
            List.of(required("organisation_code", "organisation_code", Cells.ORGANISATION_CODE),
                    required("issued_date", "issued_on", Cells.DATE),
                    Column.derived("reporting_year", Cells.YEAR),
                    required("reason", "reason", new CellType.Text(2000))),
            List.of("organisation_code", "issued_on"),
            List.of(SqlCheck.UNKNOWN_ORGANISATION),
            row -> Rules.yearOf(row, "issued_on", "reporting_year"));

    private final String fileName;
    private final String table;
    private final List<Column> columns;
    private final List<String> keys;
    private final List<SqlCheck> checks;
    private final Row.Rule rule;
    private final List<String> copiedFromDecision;

    RecordType(String fileName, String table, List<Column> columns, List<String> keys, List<SqlCheck> checks, Row.Rule rule) {
        this(fileName, table, columns, keys, checks, rule, List.of());
    }

    RecordType(String fileName, String table, List<Column> columns, List<String> keys, List<SqlCheck> checks, Row.Rule rule,
            List<String> copiedFromDecision) {
        this.fileName = fileName;
        this.table = table;
        this.columns = columns;
        this.keys = keys;
        this.checks = checks;
        this.rule = rule;
        this.copiedFromDecision = copiedFromDecision;
    }

    /**
     * Columns of the decision (same names) that the table keeps a copy of, so that figures need no join with the
     * decisions: filled at import from the decision, and kept up to date when the decision is imported again.
     */
    List<String> copiedFromDecision() {
        return copiedFromDecision;
    }

    public String fileName() {
        return fileName;
    }

    String table() {
        return table;
    }

    List<Column> columns() {
        return columns;
    }

    List<String> keys() {
        return keys;
    }

    List<SqlCheck> checks() {
        return checks;
    }

    Row.Rule rule() {
        return rule;
    }

    int indexOf(String target) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).target().equals(target)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name() + " has no column " + target);
    }

    String headingOf(String target) {
        return columns.get(indexOf(target)).heading();
    }

    /**
     * The record type a sheet or file is named after: "decisions", "Decisions", "decisions-2023-24" or
     * "decisions_march"; the longest matching name wins, so "training-totals" is not "training".
     */
    public static Optional<RecordType> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return java.util.Arrays.stream(values())
                .sorted(java.util.Comparator.comparingInt((RecordType t) -> t.fileName.length()).reversed())
                .filter(t -> wanted.equals(t.fileName)
                        || wanted.startsWith(t.fileName) && !Character.isLetter(wanted.charAt(t.fileName.length())))
                .findFirst();
    }

    public static String allNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(RecordType::fileName).toList());
    }

    /** Cell types shared by several record types. */
    private static final class Cells {
        static final CellType ORGANISATION_CODE = new CellType.Code(20);
        static final CellType CASE_REFERENCE = new CellType.Code(30);
        static final CellType DATE = new CellType.Date();
        static final CellType YES_NO = new CellType.YesNo();
        static final CellType YEAR = new CellType.Year();
    }

    /** Checks that look at more than one cell of a row. */
    private static final class Rules {
        /** Fills a derived column with the reporting year its date falls in. */
        static void yearOf(Row row, String date, String year) {
            LocalDate value = row.date(date);
            if (value != null) {
                putYear(row, date, year, value);
            }
        }

        /** The reporting year of a date; a date before the ombudsman's first year (1974-75) is a problem. */
        private static void putYear(Row row, String date, String year, LocalDate value) {
            if (value.isBefore(FIRST_DAY)) {
                row.reject(date, value + " is before the ombudsman's first reporting year (1 April 1974)");
            } else {
                row.put(row.indexOf(year), ReportingYear.containing(value).toString());
            }
        }

        private static final LocalDate FIRST_DAY = LocalDate.of(1974, 4, 1);

        /** A provision's code is how files name it: lower case words joined by hyphens ("stage-1-late"). */
        static void provision(Row row) {
            Object code = row.get("code");
            if (code != null && !((String) code).matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                row.reject("code", "'" + code + "' is not a provision code: lower case letters and digits joined by hyphens, such as stage-1-late");
            }
        }

        /**
         * A document found has its date; one not found has neither date nor address (they would say it was found): for the
         * self-assessment, the annual report and the governance body's response alike.
         */
        static void selfAssessment(Row row) {
            document(row, "self_assessment_found", "self_assessment_on", "self_assessment_address", "self-assessment");
            document(row, "annual_report_found", "annual_report_on", "annual_report_address", "annual complaints report");
            document(row, "governance_response_found", "governance_response_on", null, "governance body's response");
        }

        private static void document(Row row, String found, String date, String address, String what) {
            Object isFound = row.get(found);
            if (isFound == null) {
                return;
            }
            boolean yes = Boolean.TRUE.equals(isFound);
            if (yes && row.date(date) == null) {
                row.reject(date, "the " + what + " was found: give the date it was published");
            }
            if (!yes && (row.get(date) != null || address != null && row.get(address) != null)) {
                row.reject(found, "the " + what + " has a date or address but is recorded as not found: say yes, or leave them empty");
            }
        }

        static void notBefore(Row row, String later, String earlier, String reason) {
            LocalDate a = row.date(later);
            LocalDate b = row.date(earlier);
            if (a != null && b != null && a.isBefore(b)) {
                row.reject(later, reason + " (" + a + " is before " + b + ")");
            }
        }

        /** A contact's address is one address a letter can be sent to: no list, no name beside it. */
        static void contact(Row row) {
            Object email = row.get("email");
            if (email != null) {
                org.annualreview.shared.EmailAddress.problem((String) email).ifPresent(problem -> row.reject("email", problem));
            }
        }

        static void decision(Row row) {
            yearOf(row, "decided_on", "reporting_year");
            yearOf(row, "public_report_on", "public_report_year");
            notBefore(row, "decided_on", "received_on", "the decision is dated before the complaint was received");
            Object outcomeCode = row.get("outcome");
            if (outcomeCode != null) {
                Outcome outcome = Term.byCode(Outcome.class, (String) outcomeCode);
                row.setIfAbsent("detailed_investigation", outcome.endsDetailedInvestigation());
                row.setIfAbsent("satisfactory_remedy", Boolean.FALSE);
                if (!row.get("detailed_investigation").equals(outcome.endsDetailedInvestigation())) {
                    row.reject("detailed_investigation", outcome.endsDetailedInvestigation()
                            ? "'" + outcome.label() + "' decisions end a detailed investigation: write yes or leave it blank"
                            : "only upheld and not upheld decisions end a detailed investigation: write no or leave it blank");
                }
                if (Boolean.TRUE.equals(row.get("satisfactory_remedy")) && outcome != Outcome.UPHELD) {
                    row.reject("satisfactory_remedy", "a satisfactory remedy by the organisation is recorded only on upheld decisions,"
                            + " and this one is '" + outcome.label() + "'");
                }
            }
            if (row.get("public_report_title") != null && row.get("public_report_on") == null) {
                row.reject("public_report_on", "a public report needs its date");
            }
            if (row.get("public_report_on") != null && row.get("public_report_title") == null) {
                row.reject("public_report_title", "a public report needs its title");
            }
            notBefore(row, "public_report_on", "received_on", "the public report is dated before the complaint was received");
        }

        static void recommendation(Row row) {
            yearOf(row, "due_on", "due_year");
            Object code = row.get("compliance_outcome");
            if (code == null) {
                return;
            }
            ComplianceOutcome outcome = Term.byCode(ComplianceOutcome.class, (String) code);
            LocalDate recorded = row.date("compliance_recorded_on");
            LocalDate due = row.date("due_on");
            if (outcome.isRecorded() && recorded == null) {
                row.reject("compliance_recorded_on", "'" + outcome.label() + "' needs the date it was recorded");
            } else if (!outcome.isRecorded() && recorded != null) {
                row.reject("compliance_recorded_on", "a pending recommendation has no compliance date yet");
            } else if (recorded != null && due != null) {
                if (outcome == ComplianceOutcome.COMPLIED && recorded.isAfter(due)) {
                    row.reject("compliance_outcome", "complied on " + recorded + ", after the due date " + due + ": record it as complied late");
                } else if (outcome == ComplianceOutcome.COMPLIED_LATE && !recorded.isAfter(due)) {
                    row.reject("compliance_outcome", "complied on " + recorded + ", by the due date " + due + ": record it as complied");
                }
            }
        }

        static void enquiry(Row row) {
            yearOf(row, "sent_on", "sent_year");
            String deadlineColumn = row.date("extended_to") != null ? "extended_to" : "due_on";
            if (row.date(deadlineColumn) != null) {
                putYear(row, deadlineColumn, "deadline_year", row.date(deadlineColumn));
            }
            notBefore(row, "due_on", "sent_on", "the enquiry is due before it was sent");
            notBefore(row, "answered_on", "sent_on", "the answer is dated before the enquiry was sent");
            LocalDate extended = row.date("extended_to");
            LocalDate due = row.date("due_on");
            if (extended != null && due != null && !extended.isAfter(due)) {
                row.reject("extended_to", "an extension must move the deadline past the due date " + due);
            }
            if (row.get("complete") != null && row.get("answered_on") == null) {
                row.reject("complete", "only an answered enquiry can be complete or incomplete");
            }
        }
    }
}
