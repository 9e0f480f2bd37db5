package org.annualreview.statistics;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;

/** The stored snapshot of one reporting year: every organisation's figures, and the averages of each council type. */
public record YearFigures(ReportingYear year, Instant computedAt, List<OrganisationFigures> organisations) {

    public Optional<OrganisationFigures> of(String organisationCode) {
        return organisations.stream().filter(f -> f.code().equals(organisationCode)).findFirst();
    }

    /** The average of similar authorities for each of the five council types. */
    public Map<OrganisationKind, TypeAverage> averages(AverageMethod method) {
        Map<OrganisationKind, List<OrganisationFigures>> byKind = organisations.stream()
                .filter(f -> f.kind().hasTypeAverage())
                .collect(Collectors.groupingBy(OrganisationFigures::kind));
        Map<OrganisationKind, TypeAverage> averages = new EnumMap<>(OrganisationKind.class);
        byKind.forEach((kind, councils) -> averages.put(kind, TypeAverage.of(kind, method, councils)));
        return averages;
    }

    public Optional<TypeAverage> averageFor(OrganisationKind kind, AverageMethod method) {
        return Optional.ofNullable(averages(method).get(kind));
    }
}
