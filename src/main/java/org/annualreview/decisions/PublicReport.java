package org.annualreview.decisions;

import java.time.LocalDate;

import org.annualreview.shared.ReportingYear;

/** A report the ombudsman published on a case, in the year of its publication date. */
public record PublicReport(String caseReference, LocalDate publishedOn, ReportingYear year, String title) {
}
