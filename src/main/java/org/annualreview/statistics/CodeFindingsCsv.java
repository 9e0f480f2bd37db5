package org.annualreview.statistics;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A year's Complaint Handling Code records as CSV, one row per organisation of the figures: its detailed investigations
 * and those with a failure found, the cases of each provision of the year's vocabulary (a column each, named
 * {@code cases_} and the provision's code), what was found of its self-assessment, annual report and governance
 * response (empty when no search was recorded), and its failure notices. Columns are documented in docs/formats.md.
 */
public final class CodeFindingsCsv {

    private CodeFindingsCsv() {
    }

    /** The provision's column: {@code cases_stage_1_late} for {@code stage-1-late}. */
    static String column(CodeFindings.Provision provision) {
        return "cases_" + provision.code().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    public static void write(Writer out, YearFigures figures, CodeFindings findings) {
        List<String> header = new ArrayList<>(List.of("reporting_year", "code", "name", "kind", "investigated", "code_failure_cases",
                "code_failures_percent"));
        findings.provisions().forEach(p -> header.add(column(p)));
        header.addAll(List.of("self_assessment_found", "self_assessment_date", "self_assessment_address", "annual_report_found",
                "annual_report_date", "annual_report_address", "governance_response_found", "governance_response_date",
                "failure_notices", "failure_notice_dates"));
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(header);
            for (OrganisationFigures f : figures.organisations()) {
                CodeFindings.Council council = findings.of(f.code());
                List<String> row = new ArrayList<>(List.of(figures.year().toString(), f.code(), FiguresCsv.safe(f.name()), f.kind().label(),
                        String.valueOf(f.investigated()), String.valueOf(KeyStatistic.CODE_FAILURES.count(f)),
                        KeyStatistic.CODE_FAILURES.rounded(f).map(java.math.BigDecimal::toPlainString).orElse("")));
                findings.provisions().forEach(p -> row.add(String.valueOf(council.cases(p.code()))));
                council.selfAssessment().ifPresentOrElse(a -> {
                    document(row, a.selfAssessment(), true);
                    document(row, a.annualReport(), true);
                    document(row, a.governanceResponse(), false);
                }, () -> row.addAll(List.of("", "", "", "", "", "", "", "")));
                row.add(String.valueOf(council.notices().size()));
                row.add(council.notices().stream().map(n -> n.issuedOn().toString()).collect(Collectors.joining(";")));
                csv.writeRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void document(List<String> row, CodeFindings.Document d, boolean withAddress) {
        row.add(d.found() ? "yes" : "no");
        row.add(d.on().map(Object::toString).orElse(""));
        if (withAddress) {
            row.add(FiguresCsv.safe(d.address().orElse("")));
        }
    }
}
