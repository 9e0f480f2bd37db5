package org.annualreview.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.annualreview.shared.ReportingYear;

/** One decision as the public sees it: the case, the body, what was decided, and what followed from it. */
public record Decision(String caseReference, String organisationCode, ServiceArea serviceArea, LocalDate receivedOn,
        LocalDate decidedOn, ReportingYear year, Outcome outcome, boolean detailedInvestigation, boolean satisfactoryRemedy,
        Optional<LocalDate> publicReportOn, Optional<String> publicReportTitle, List<String> recommendations,
        List<String> serviceImprovements) {
}
