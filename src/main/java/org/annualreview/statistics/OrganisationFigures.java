package org.annualreview.statistics;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.PerHundredThousand;
import org.annualreview.shared.Rate;

/**
 * One organisation's figures for one reporting year, as stored in the snapshot. Only counts are held;
 * every rate is calculated from them, with its numerator and denominator.
 */
public final class OrganisationFigures {

    /** The mid-year population estimate a per-100,000 figure was calculated with. */
    public record Population(int midYear, long residents) {
    }

    private final String code;
    private final String name;
    private final OrganisationKind kind;
    private final Optional<Population> population;
    private final Map<Tally, Long> counts;
    private final Map<Outcome, Long> outcomes;
    private final Map<ServiceArea, Long> serviceAreas;
    private final boolean complianceByCase;

    OrganisationFigures(String code, String name, OrganisationKind kind, Optional<Population> population,
            Map<Tally, Long> counts, Map<Outcome, Long> outcomes, Map<ServiceArea, Long> serviceAreas) {
        this(code, name, kind, population, counts, outcomes, serviceAreas, true);
    }

    /** {@code complianceByCase} false: a release frozen before compliance was counted per case, which keeps its count per recommendation. */
    OrganisationFigures(String code, String name, OrganisationKind kind, Optional<Population> population,
            Map<Tally, Long> counts, Map<Outcome, Long> outcomes, Map<ServiceArea, Long> serviceAreas, boolean complianceByCase) {
        this.complianceByCase = complianceByCase;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.population = population;
        this.counts = new EnumMap<>(Tally.class);
        for (Tally tally : Tally.values()) {
            this.counts.put(tally, counts.getOrDefault(tally, 0L));
        }
        this.outcomes = new EnumMap<>(Outcome.class);
        this.serviceAreas = new EnumMap<>(ServiceArea.class);
        for (Outcome outcome : Outcome.values()) {
            this.outcomes.put(outcome, outcomes.getOrDefault(outcome, 0L));
        }
        for (ServiceArea area : ServiceArea.values()) {
            this.serviceAreas.put(area, serviceAreas.getOrDefault(area, 0L));
        }
    }

    long count(Tally tally) {
        return counts.get(tally);
    }

    /** Whether every count, the kind and the population are the same as another's (the name aside): the same figures. */
    public boolean sameFiguresAs(OrganisationFigures other) {
        return code.equals(other.code) && kind == other.kind && population.equals(other.population) && counts.equals(other.counts)
                && complianceByCase == other.complianceByCase
                && outcomes.equals(other.outcomes) && serviceAreas.equals(other.serviceAreas);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Optional<Population> population() {
        return population;
    }

    /** Complaints and enquiries dealt with: not for us + assessed and closed + investigated. */
    public long complaintsAndEnquiries() {
        return count(Tally.DECISIONS);
    }

    public long notForUs() {
        return count(Tally.NOT_FOR_US);
    }

    public long assessedAndClosed() {
        return count(Tally.ASSESSED_AND_CLOSED);
    }

    /** Detailed investigations completed. */
    public long investigated() {
        return count(Tally.INVESTIGATED);
    }

    /** Upheld decisions of detailed investigations. */
    public Rate upheld() {
        return new Rate(count(Tally.UPHELD), count(Tally.INVESTIGATED));
    }

    public PerHundredThousand upheldPerHundredThousand() {
        return new PerHundredThousand(count(Tally.UPHELD), population.map(Population::residents).orElse(0L));
    }

    /**
     * Cases complied with (on time or late) of the cases with a compliance outcome that fell due in the year: one outcome
     * per case over all its recommendations. A release frozen before that counted recommendations, and keeps doing so.
     */
    public Rate compliance() {
        long complied = compliedOnTime() + compliedLate();
        return new Rate(complied, complied + notComplied());
    }

    /** Whether {@link #compliance()} counts cases (else recommendations: a release frozen before compliance was counted per case). */
    public boolean complianceByCase() {
        return complianceByCase;
    }

    /** "case" or "recommendation": what {@link #compliance()} and its counts count. */
    public String complianceUnit() {
        return complianceByCase ? "case" : "recommendation";
    }

    public long compliedOnTime() {
        return count(complianceByCase ? Tally.CASES_COMPLIED : Tally.COMPLIED);
    }

    public long compliedLate() {
        return count(complianceByCase ? Tally.CASES_COMPLIED_LATE : Tally.COMPLIED_LATE);
    }

    public long notComplied() {
        return count(complianceByCase ? Tally.CASES_NOT_COMPLIED : Tally.NOT_COMPLIED);
    }

    public long compliancePending() {
        return count(complianceByCase ? Tally.CASES_COMPLIANCE_PENDING : Tally.COMPLIANCE_PENDING);
    }

    /** Recommendations by compliance outcome (detail for staff): complied, complied late, not complied, pending. */
    public long recommendationsComplied() {
        return count(Tally.COMPLIED);
    }

    public long recommendationsCompliedLate() {
        return count(Tally.COMPLIED_LATE);
    }

    public long recommendationsNotComplied() {
        return count(Tally.NOT_COMPLIED);
    }

    public long recommendationsPending() {
        return count(Tally.COMPLIANCE_PENDING);
    }

    /** Upheld decisions where the organisation had already put things right satisfactorily, of upheld decisions. */
    public Rate satisfactoryRemedy() {
        return new Rate(count(Tally.SATISFACTORY_REMEDIES), count(Tally.UPHELD));
    }

    public long publicReports() {
        return count(Tally.PUBLIC_REPORTS);
    }

    public long serviceImprovements() {
        return count(Tally.SERVICE_IMPROVEMENTS);
    }

    /** Enquiries answered late (or not at all by a deadline within the year), of enquiries sent in the year. */
    public Rate lateEnquiries() {
        return new Rate(count(Tally.ENQUIRIES_LATE), count(Tally.ENQUIRIES));
    }

    public long extendedEnquiries() {
        return count(Tally.ENQUIRIES_EXTENDED);
    }

    public long lateAfterExtension() {
        return count(Tally.ENQUIRIES_LATE_AFTER_EXTENSION);
    }

    public long incompleteEnquiries() {
        return count(Tally.ENQUIRIES_INCOMPLETE);
    }

    public long trainingCourses() {
        return count(Tally.TRAINING_COURSES);
    }

    public long trainingAttendees() {
        return count(Tally.TRAINING_ATTENDEES);
    }

    public Map<Outcome, Long> outcomes() {
        return Map.copyOf(outcomes);
    }

    public Map<ServiceArea, Long> serviceAreas() {
        return Map.copyOf(serviceAreas);
    }
}
