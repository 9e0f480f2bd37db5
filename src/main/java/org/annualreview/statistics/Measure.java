package org.annualreview.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A figure that can be explained: which tallies make its numerator and, for a rate, its denominator.
 * {@code ./annual-review stats --explain upheld} lists the records behind both.
 */
public enum Measure {
    UPHELD("upheld", "Complaints upheld, of detailed investigations", List.of(Tally.UPHELD), List.of(Tally.INVESTIGATED)),
    UPHELD_PER_100000("upheld-per-100000", "Upheld decisions per 100,000 residents", List.of(Tally.UPHELD), List.of()),
    COMPLIANCE("compliance", "Compliance with recommendations, of the cases whose recommendations fell due in the year"
            + " (one outcome per case)",
            List.of(Tally.CASES_COMPLIED, Tally.CASES_COMPLIED_LATE),
            List.of(Tally.CASES_COMPLIED, Tally.CASES_COMPLIED_LATE, Tally.CASES_NOT_COMPLIED)),
    /** Per recommendation: detail for staff, and how a release frozen before compliance was counted per case counted it. */
    COMPLIANCE_BY_RECOMMENDATION("compliance-by-recommendation",
            "Recommendations complied with, of compliance outcomes recorded for recommendations due in the year",
            List.of(Tally.COMPLIED, Tally.COMPLIED_LATE), List.of(Tally.COMPLIED, Tally.COMPLIED_LATE, Tally.NOT_COMPLIED)),
    SATISFACTORY_REMEDY("satisfactory-remedy", "Satisfactory remedy provided by the authority, of upheld decisions",
            List.of(Tally.SATISFACTORY_REMEDIES), List.of(Tally.UPHELD)),
    CODE_FAILURES("code-failures", "Complaint Handling Code failures found, of detailed investigations",
            List.of(Tally.CODE_FAILURE_CASES), List.of(Tally.INVESTIGATED)),
    LATE_ENQUIRIES("late-enquiries", "Enquiries answered late, of enquiries sent in the year",
            List.of(Tally.ENQUIRIES_LATE), List.of(Tally.ENQUIRIES)),
    COMPLAINTS_AND_ENQUIRIES("complaints-and-enquiries", "Complaints and enquiries dealt with (decided)", List.of(Tally.DECISIONS), List.of()),
    NOT_FOR_US("not-for-us", "Not for us: premature, or for another ombudsman", List.of(Tally.NOT_FOR_US), List.of()),
    ASSESSED_AND_CLOSED("assessed-and-closed", "Assessed and closed", List.of(Tally.ASSESSED_AND_CLOSED), List.of()),
    INVESTIGATED("investigated", "Detailed investigations completed", List.of(Tally.INVESTIGATED), List.of()),
    PUBLIC_REPORTS("public-reports", "Public reports issued", List.of(Tally.PUBLIC_REPORTS), List.of()),
    SERVICE_IMPROVEMENTS("service-improvements", "Service improvements agreed on decisions of the year",
            List.of(Tally.SERVICE_IMPROVEMENTS), List.of()),
    EXTENDED_ENQUIRIES("extended-enquiries", "Enquiries whose deadline was extended", List.of(Tally.ENQUIRIES_EXTENDED), List.of()),
    LATE_AFTER_EXTENSION("late-after-extension", "Enquiries answered late although their deadline had been extended",
            List.of(Tally.ENQUIRIES_LATE_AFTER_EXTENSION), List.of()),
    INCOMPLETE_ENQUIRIES("incomplete-enquiries", "Enquiries answered incompletely", List.of(Tally.ENQUIRIES_INCOMPLETE), List.of()),
    TRAINING("training", "Training courses delivered to the organisation", List.of(Tally.TRAINING_COURSES), List.of());

    private final String code;
    private final String description;
    private final List<Tally> numerator;
    private final List<Tally> denominator;

    Measure(String code, String description, List<Tally> numerator, List<Tally> denominator) {
        this.code = code;
        this.description = description;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    List<Tally> numerator() {
        return numerator;
    }

    List<Tally> denominator() {
        return denominator;
    }

    public boolean isRate() {
        return !denominator.isEmpty();
    }

    public static Optional<Measure> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equalsIgnoreCase(code.trim())).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Measure::code).collect(Collectors.joining(", "));
    }
}
