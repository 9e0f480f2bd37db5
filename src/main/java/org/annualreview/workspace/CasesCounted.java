package org.annualreview.workspace;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.annualreview.shared.Dates;
import org.annualreview.statistics.CaseLists;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.Measure;

/**
 * The cases behind one of an organisation's key statistics, as its workspace page lists them: the records the figure's
 * explanation names ({@code stats --explain}, by the figure's own conditions), each with what the organisation's case
 * lists hold about it (dates, service area, outcome, compliance). For a rate, every case of its denominator, each marked
 * whether the numerator counts it, or only those it counts; for a figure per 100,000 residents, the cases it counts.
 */
final class CasesCounted {

    /** The cases a page lists; the pages after it list the others. */
    static final int PAGE_SIZE = 50;

    /** One case as listed; {@code date} the one that places it in the year (decided, or its last recommendation due). */
    record Case(String reference, LocalDate date, String serviceArea, String outcome, int recommendations, boolean counted) {

        Map<String, Object> model() {
            return Map.of("reference", reference, "date", date == null ? "" : Dates.inWords(date), "area", serviceArea, "outcome", outcome,
                    "recommendations", recommendations, "counted", counted ? "Yes" : "No");
        }
    }

    /**
     * How the page names what it lists: every case of the figure's denominator ("detailed investigations"), those its
     * numerator counts ("upheld"), and the heading of the column that says which ("Upheld"; none without a denominator).
     */
    record Words(String all, String counted, String column) {
    }

    private CasesCounted() {
    }

    static Words words(KeyStatistic statistic) {
        return switch (statistic) {
            case UPHELD -> new Words("detailed investigations", "upheld", "Upheld");
            case UPHELD_PER_100000 -> new Words("upheld complaints", "upheld", "");
            case COMPLIANCE -> new Words("cases whose recommendations fell due", "complied with, on time or late", "Complied with");
            case SATISFACTORY_REMEDY -> new Words("upheld complaints", "with a satisfactory remedy provided by the authority",
                    "Satisfactory remedy provided by the authority");
            case CODE_FAILURES -> new Words("detailed investigations", "with a Complaint Handling Code failure found", "Code failure found");
        };
    }

    /** Whether the figure counts cases with recommendations (compliance) rather than decisions. */
    static boolean countsCompliance(Explanation explanation) {
        return explanation.measure() == Measure.COMPLIANCE || explanation.measure() == Measure.COMPLIANCE_BY_RECOMMENDATION;
    }

    /**
     * The cases, earliest first: the denominator's, each marked whether the numerator counts it (a rate, unless only the
     * counted are asked for), else the numerator's. {@code lists} holds the year's decisions and compliance cases.
     */
    static List<Case> of(Explanation explanation, CaseLists.Of lists, boolean onlyCounted) {
        Set<String> counted = references(explanation.numerator());
        List<String> listed = explanation.measure().isRate() && !onlyCounted ? explanation.denominator() : explanation.numerator();
        Function<String, Case> found;
        if (countsCompliance(explanation)) {
            Map<String, CaseLists.ComplianceCase> cases = lists.compliance().stream()
                    .collect(Collectors.toMap(CaseLists.ComplianceCase::caseReference, c -> c));
            found = reference -> {
                CaseLists.ComplianceCase c = cases.get(reference);
                return c == null ? unknown(reference, counted) : new Case(reference, c.lastDueOn(), "", c.outcome().label(), c.recommendations(),
                        counted.contains(reference));
            };
        } else {
            Map<String, CaseLists.Decided> decisions = lists.decisions().stream()
                    .collect(Collectors.toMap(CaseLists.Decided::caseReference, d -> d));
            found = reference -> {
                CaseLists.Decided d = decisions.get(reference);
                return d == null ? unknown(reference, counted) : new Case(reference, d.decidedOn(), d.serviceArea().label(), d.outcome().label(), 0,
                        counted.contains(reference));
            };
        }
        return references(listed).stream().map(found)
                .sorted(Comparator.comparing(Case::date, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Case::reference)).toList();
    }

    /** A case the lists do not hold (none should be missing: they are read by the same definitions): its reference alone. */
    private static Case unknown(String reference, Set<String> counted) {
        return new Case(reference, null, "", "", 0, counted.contains(reference));
    }

    /** The case references of the items explained ("24 001 234", or a recommendation's "24 001 234 #2"), each once. */
    private static Set<String> references(List<String> items) {
        Set<String> references = new java.util.LinkedHashSet<>();
        for (String item : items) {
            int number = item.indexOf(" #");
            references.add(number < 0 ? item : item.substring(0, number));
        }
        return references;
    }
}
