package org.annualreview.statistics;

/**
 * One count in a reporting year's figures, defined once: the aggregate that computes it, the
 * explanation that lists what it counted and a council's lists of its cases ({@link CaseLists}) are all built from
 * this condition, so they cannot disagree.
 */
enum Tally {
    DECISIONS(Counted.DECISIONS, "1 = 1"),
    NOT_FOR_US(Counted.DECISIONS, "d.outcome in ('advice-given', 'incomplete-or-invalid', 'referred-back-for-local-resolution')"),
    ASSESSED_AND_CLOSED(Counted.DECISIONS, "d.outcome = 'closed-after-initial-enquiries'"),
    INVESTIGATED(Counted.DECISIONS, "d.detailed_investigation = true"),
    UPHELD(Counted.DECISIONS, "d.outcome = 'upheld'"),
    SATISFACTORY_REMEDIES(Counted.DECISIONS, "d.outcome = 'upheld' and d.satisfactory_remedy = true"),
    PUBLIC_REPORTS(Counted.PUBLIC_REPORTS, "1 = 1"),
    SERVICE_IMPROVEMENTS(Counted.SERVICE_IMPROVEMENTS, "1 = 1"),
    /** Per recommendation: detail for staff, and the compliance of releases frozen before it was counted per case. */
    COMPLIED(Counted.RECOMMENDATIONS, "r.compliance_outcome = 'complied'"),
    COMPLIED_LATE(Counted.RECOMMENDATIONS, "r.compliance_outcome = 'complied-late'"),
    NOT_COMPLIED(Counted.RECOMMENDATIONS, "r.compliance_outcome = 'not-complied'"),
    COMPLIANCE_PENDING(Counted.RECOMMENDATIONS, "r.compliance_outcome = 'pending'"),
    /** Per case: the compliance the figures publish (a case's outcome over all its recommendations, see {@link Counted#COMPLIANCE_CASES}). */
    CASES_COMPLIED(Counted.COMPLIANCE_CASES, "c.compliance_outcome = 'complied'"),
    CASES_COMPLIED_LATE(Counted.COMPLIANCE_CASES, "c.compliance_outcome = 'complied-late'"),
    CASES_NOT_COMPLIED(Counted.COMPLIANCE_CASES, "c.compliance_outcome = 'not-complied'"),
    CASES_COMPLIANCE_PENDING(Counted.COMPLIANCE_CASES, "c.compliance_outcome = 'pending'"),
    /** Detailed investigations in which the ombudsman found the council failed a provision of the Complaint Handling Code. */
    CODE_FAILURE_CASES(Counted.CODE_FAILURE_CASES, "1 = 1"),
    ENQUIRIES(Counted.ENQUIRIES, "1 = 1"),
    /** Answered after the deadline (the extended one, if extended), or not answered with the deadline within the year. */
    ENQUIRIES_LATE(Counted.ENQUIRIES, "(e.answered_on > coalesce(e.extended_to, e.due_on)"
            + " or (e.answered_on is null and e.deadline_year = e.sent_year))"),
    ENQUIRIES_EXTENDED(Counted.ENQUIRIES, "e.extended_to is not null"),
    /** Late although the deadline had been extended at the organisation's request. */
    ENQUIRIES_LATE_AFTER_EXTENSION(Counted.ENQUIRIES, "e.extended_to is not null and (e.answered_on > e.extended_to"
            + " or (e.answered_on is null and e.deadline_year = e.sent_year))"),
    ENQUIRIES_INCOMPLETE(Counted.ENQUIRIES, "e.complete = false"),
    TRAINING_COURSES(Counted.TRAINING, "1 = 1"),
    TRAINING_ATTENDEES(Counted.TRAINING, "1 = 1", "t.attendees");

    private final Counted counted;
    private final String condition;
    private final String amount;

    Tally(Counted counted, String condition) {
        this(counted, condition, "1");
    }

    Tally(Counted counted, String condition, String amount) {
        this.counted = counted;
        this.condition = condition;
        this.amount = amount;
    }

    Counted counted() {
        return counted;
    }

    String condition() {
        return condition;
    }

    /** The column of organisation_figures this count is stored in. */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String aggregate() {
        return "coalesce(sum(case when " + condition + " then " + amount + " else 0 end), 0)";
    }

    /**
     * The records a tally counts from, and the reporting year that places them (the year of the date named in
     * docs/statistics.md, stored beside it at import). Every source names the organisation and the item (a case
     * reference, or a case reference and number) it lists.
     */
    enum Counted {
        DECISIONS("decision d", "d.reporting_year", "d.organisation_code", "d.case_reference"),
        PUBLIC_REPORTS("decision d", "d.public_report_year", "d.organisation_code", "d.case_reference"),
        /** By the year of their decision, and its organisation: both copied from it at import. */
        SERVICE_IMPROVEMENTS("service_improvement i", "i.reporting_year", "i.organisation_code",
                "i.case_reference || ' #' || cast(i.number as varchar(10))"),
        /** By the year they were due; the organisation is their decision's, copied from it at import. */
        RECOMMENDATIONS("recommendation r", "r.due_year", "r.organisation_code",
                "r.case_reference || ' #' || cast(r.number as varchar(10))"),
        /**
         * Cases with recommendations, one compliance outcome each over all of them: pending while any is pending, else
         * not complied if any was not complied, else complied late if any was complied late, else complied. A case
         * falls due with the last of its recommendations (its latest due year, as the years' names sort by date).
         */
        COMPLIANCE_CASES(cases("recommendation r"), "c.due_year", "c.organisation_code", "c.case_reference"),
        /** Detailed investigations with at least one Complaint Handling Code failure found: one row per case, under the alias x. */
        CODE_FAILURE_CASES(codeFailureCases("code_failure f join decision d on d.case_reference = f.case_reference where"),
                "x.reporting_year", "x.organisation_code", "x.case_reference"),
        ENQUIRIES("enquiry e", "e.sent_year", "e.organisation_code", "e.case_reference || ' #' || cast(e.number as varchar(10))"),
        TRAINING("training_course t", "t.reporting_year", "t.organisation_code",
                "t.course || ' on ' || cast(t.delivered_on as varchar(10)) || ' (' || cast(t.attendees as varchar(10)) || ' attendees)'");

        final String from;
        final String year;
        final String organisation;
        final String item;

        Counted(String from, String year, String organisation, String item) {
            this.from = from;
            this.year = year;
            this.organisation = organisation;
            this.item = item;
        }

        /**
         * One row per case with recommendations in {@code recommendations} (a table and the alias r), under the alias c:
         * besides its outcome, the due date of its last recommendation and how many it has, for the lists of cases.
         */
        private static String cases(String recommendations) {
            return "(select r.case_reference, r.organisation_code, max(r.due_year) as due_year,"
                    + " max(r.due_on) as last_due_on, count(*) as recommendations,"
                    + " case when sum(case when r.compliance_outcome = 'pending' then 1 else 0 end) > 0 then 'pending'"
                    + " when sum(case when r.compliance_outcome = 'not-complied' then 1 else 0 end) > 0 then 'not-complied'"
                    + " when sum(case when r.compliance_outcome = 'complied-late' then 1 else 0 end) > 0 then 'complied-late'"
                    + " else 'complied' end as compliance_outcome"
                    + " from " + recommendations + " group by r.case_reference, r.organisation_code) c";
        }

        /** {@code failuresAndDecisions}: code failures f joined to their decisions d, ending in "where" for more conditions. */
        private static String codeFailureCases(String failuresAndDecisions) {
            return "(select f.case_reference, f.organisation_code, f.reporting_year from " + failuresAndDecisions
                    + " d.detailed_investigation = true group by f.case_reference, f.organisation_code, f.reporting_year) x";
        }

        /**
         * {@link #COMPLIANCE_CASES} of one organisation only, its code the one parameter: a case's outcome is over its own
         * recommendations, all of one organisation, so narrowing them before they are grouped gives the same cases, and
         * groups a few hundred recommendations rather than every one recorded (a council's lists of cases, read on request).
         */
        static String casesOfOneOrganisation() {
            return cases("recommendation r where r.organisation_code = ?");
        }

        /** The same records as a release froze them ({@code released_decision} for {@code decision}), under the same alias. */
        String released(long releaseId) {
            if (this == ENQUIRIES || this == TRAINING) {
                throw new IllegalArgumentException("a release keeps no copies of " + from + ": its figures are not traced to records");
            }
            if (this == COMPLIANCE_CASES) {
                return cases("released_recommendation r where r.release_id = " + releaseId);
            }
            if (this == CODE_FAILURE_CASES) {
                return codeFailureCases("released_code_failure f join released_decision d on d.release_id = f.release_id"
                        + " and d.case_reference = f.case_reference where f.release_id = " + releaseId + " and");
            }
            String[] tableAndAlias = from.split(" ");
            return "(select * from released_" + tableAndAlias[0] + " where release_id = " + releaseId + ") " + tableAndAlias[1];
        }
    }
}
