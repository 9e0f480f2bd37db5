package org.annualreview.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.annualreview.shared.ReportingYear;

/** One decision as the public sees it: the case, the body, what was decided, and what followed from it. */
public record Decision(String caseReference, String organisationCode, ServiceArea serviceArea, LocalDate receivedOn,
        LocalDate decidedOn, ReportingYear year, Outcome outcome, boolean detailedInvestigation, boolean satisfactoryRemedy,
        Optional<LocalDate> publicReportOn, Optional<String> publicReportTitle, List<String> recommendations,
        List<String> serviceImprovements) {

    /** The reporting year the public report was published in (the year its date falls in), if there is a report. */
    public Optional<ReportingYear> publicReportYear() {
        return publicReportOn.map(ReportingYear::containing);
    }

    /**
     * This decision with its public report (date and title) only if the report's own year is one of {@code years}:
     * a report dated in a year not yet published is not shown, even on a decision of a published year.
     */
    public Decision withPublicReportOnlyIn(Set<ReportingYear> years) {
        if (publicReportYear().map(years::contains).orElse(true)) {
            return this;
        }
        return new Decision(caseReference, organisationCode, serviceArea, receivedOn, decidedOn, year, outcome, detailedInvestigation,
                satisfactoryRemedy, Optional.empty(), Optional.empty(), recommendations, serviceImprovements);
    }
}
