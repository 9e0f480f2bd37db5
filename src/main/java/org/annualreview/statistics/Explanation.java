package org.annualreview.statistics;

import java.util.List;
import java.util.Optional;

import org.annualreview.shared.ReportingYear;

/**
 * What one figure of one organisation counted: the records in its numerator and, for a rate, its
 * denominator (or, for a per-100,000 figure, the population estimate divided by).
 */
public record Explanation(ReportingYear year, OrganisationFigures figures, Measure measure,
        List<String> numerator, List<String> denominator, Optional<OrganisationFigures.Population> population) {
}
