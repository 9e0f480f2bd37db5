package org.annualreview.decisions;

import org.annualreview.shared.ReportingYear;

/** A change a body agreed to make after a decision, and where it has got to. */
public record ServiceImprovement(String caseReference, int number, ReportingYear year, String improvement, ImprovementStatus status) {
}
