package org.annualreview.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.annualreview.decisions.Decision;
import org.annualreview.decisions.ServiceImprovement;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.FiguresCsv;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The site's tables as CSV that opens cleanly in a spreadsheet: UTF-8 with a byte order mark, a header row,
 * and no cell a spreadsheet would run as a formula.
 */
final class OpenDataCsv {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private OpenDataCsv() {
    }

    /**
     * Rows of decisions, one per decision, in the columns of the decisions CSV; a public report's date and title
     * only once the report's own year is published.
     */
    static final class DecisionRows implements AutoCloseable {
        private final CsvWriter csv;
        private final Set<ReportingYear> published;

        private DecisionRows(CsvWriter csv, Set<ReportingYear> published) {
            this.csv = csv;
            this.published = published;
            csv.writeRecord("case_reference", "organisation_code", "organisation_name", "reporting_year", "received_on", "decided_on",
                    "service_area", "outcome", "detailed_investigation", "satisfactory_remedy", "public_report_on", "public_report_title");
        }

        void add(Decision decision, String organisationName) {
            Decision d = decision.withPublicReportOnlyIn(published);
            csv.writeRecord(FiguresCsv.safe(d.caseReference()), d.organisationCode(), FiguresCsv.safe(organisationName), d.year().toString(),
                    d.receivedOn().toString(), d.decidedOn().toString(), d.serviceArea().label(), d.outcome().label(),
                    yesNo(d.detailedInvestigation()), yesNo(d.satisfactoryRemedy()), d.publicReportOn().map(Object::toString).orElse(""),
                    FiguresCsv.safe(d.publicReportTitle().orElse("")));
        }

        @Override
        public void close() {
            close(csv);
        }

        static void close(CsvWriter csv) {
            try {
                csv.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Rows of service improvements, one per improvement. */
    static final class ImprovementRows implements AutoCloseable {
        private final CsvWriter csv;

        private ImprovementRows(CsvWriter csv) {
            this.csv = csv;
            csv.writeRecord("case_reference", "number", "organisation_code", "organisation_name", "reporting_year", "improvement", "status");
        }

        void add(ServiceImprovement i, String organisationCode, String organisationName) {
            csv.writeRecord(FiguresCsv.safe(i.caseReference()), String.valueOf(i.number()), organisationCode, FiguresCsv.safe(organisationName),
                    i.year().toString(), FiguresCsv.safe(i.improvement()), i.status().label());
        }

        @Override
        public void close() {
            DecisionRows.close(csv);
        }
    }

    /** The rows of decisions of published years, {@code published} being every year published now. */
    static DecisionRows decisions(Writer out, java.util.Collection<ReportingYear> published) {
        return new DecisionRows(writer(out), Set.copyOf(published));
    }

    static ImprovementRows improvements(Writer out) {
        return new ImprovementRows(writer(out));
    }

    private static CsvWriter writer(Writer out) {
        try {
            out.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CsvWriter.builder().build(out);
    }

    /** A download: CSV, named, cached for five minutes (the ETag filter answers a repeat with 304). */
    static ResponseEntity<byte[]> response(StringWriter text, String filename) {
        return ResponseEntity.ok().contentType(CSV).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
