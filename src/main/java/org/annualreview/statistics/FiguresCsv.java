package org.annualreview.statistics;

import java.io.Writer;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

/** A year's figures as CSV: the same columns for `stats --format csv` and the site's download. */
public final class FiguresCsv {

    /**
     * The columns as published (add, never rename): the type averages' are named from the key statistics
     * ({@link KeyStatistic#averageColumn()}), in their order, after the method.
     */
    private static String[] columns() {
        List<String> columns = new java.util.ArrayList<>(List.of(BEFORE_AVERAGES));
        java.util.Arrays.stream(KeyStatistic.values()).map(KeyStatistic::averageColumn).forEach(columns::add);
        columns.addAll(List.of(AFTER_AVERAGES));
        return columns.toArray(String[]::new);
    }

    private static final String[] BEFORE_AVERAGES = {"reporting_year", "code", "name", "kind", "residents", "population_mid_year",
            "complaints_and_enquiries", "not_for_us", "assessed_and_closed", "investigated",
            "upheld", "upheld_percent", "upheld_per_100000", "satisfactory_remedies", "satisfactory_remedy_percent",
            "complied", "complied_late", "not_complied", "compliance_pending", "compliance_percent",
            "public_reports", "service_improvements", "enquiries", "enquiries_late", "enquiries_late_percent",
            "enquiries_extended", "enquiries_late_after_extension", "enquiries_incomplete", "training_courses", "training_attendees",
            "type_average_method"};

    private static final String[] AFTER_AVERAGES = {"compliance_unit", "recommendations_complied", "recommendations_complied_late",
            "recommendations_not_complied", "recommendations_compliance_pending", "code_failure_cases", "code_failures_percent"};

    /** After the parts it is made of: a static field is set in the order written. */
    private static final String[] COLUMNS = columns();

    private FiguresCsv() {
    }

    /** The header row alone, for a table with no rows. */
    public static void header(Writer out) {
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(COLUMNS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One row per organisation, with the type averages of the method given; text cells safe to open in a spreadsheet. */
    public static void write(Writer out, YearFigures figures, List<OrganisationFigures> shown, AverageMethod method) {
        write(out, figures, shown, method, true);
    }

    /** The same rows, with or without the header row (to follow rows of another year). */
    public static void write(Writer out, YearFigures figures, List<OrganisationFigures> shown, AverageMethod method, boolean withHeader) {
        var averages = figures.averages(method);
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            if (withHeader) {
                csv.writeRecord(COLUMNS);
            }
            for (OrganisationFigures f : shown) {
                TypeAverage a = averages.get(f.kind());
                List<String> row = new java.util.ArrayList<>(List.of(figures.year().toString(), f.code(), safe(f.name()), f.kind().label(),
                        f.population().map(p -> String.valueOf(p.residents())).orElse(""),
                        f.population().map(p -> String.valueOf(p.midYear())).orElse(""),
                        n(f.complaintsAndEnquiries()), n(f.notForUs()), n(f.assessedAndClosed()), n(f.investigated()),
                        n(f.upheld().numerator()), f.upheld().wholePercent().map(String::valueOf).orElse(""),
                        f.upheldPerHundredThousand().oneDecimal().map(Object::toString).orElse(""),
                        n(f.satisfactoryRemedy().numerator()), f.satisfactoryRemedy().wholePercent().map(String::valueOf).orElse(""),
                        n(f.compliedOnTime()), n(f.compliedLate()), n(f.notComplied()), n(f.compliancePending()),
                        f.compliance().wholePercent().map(String::valueOf).orElse(""),
                        n(f.publicReports()), n(f.serviceImprovements()), n(f.lateEnquiries().denominator()),
                        n(f.lateEnquiries().numerator()), f.lateEnquiries().wholePercent().map(String::valueOf).orElse(""),
                        n(f.extendedEnquiries()), n(f.lateAfterExtension()), n(f.incompleteEnquiries()), n(f.trainingCourses()), n(f.trainingAttendees()),
                        a == null ? "" : method.code()));
                for (KeyStatistic statistic : KeyStatistic.values()) {
                    row.add(a == null || !statistic.appliesTo(figures.year()) ? ""
                            : statistic.average(a).map(v -> statistic.round(v).toPlainString()).orElse(""));
                }
                row.addAll(List.of(f.complianceUnit(), n(f.recommendationsComplied()), n(f.recommendationsCompliedLate()),
                        n(f.recommendationsNotComplied()), n(f.recommendationsPending())));
                boolean code = KeyStatistic.CODE_FAILURES.appliesTo(figures.year());   // empty before 2026-27
                row.add(code ? n(KeyStatistic.CODE_FAILURES.count(f)) : "");
                row.add(code ? KeyStatistic.CODE_FAILURES.rounded(f).map(java.math.BigDecimal::toPlainString).orElse("") : "");
                csv.writeRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cell a spreadsheet would read as a formula (=, +, -, @ first) gets an apostrophe in front. */
    public static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String n(long value) {
        return String.valueOf(value);
    }
}
