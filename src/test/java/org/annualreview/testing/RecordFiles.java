package org.annualreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.annualreview.imports.ImportProgress;
import org.annualreview.imports.ImportReport;
import org.annualreview.imports.Imports;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Record files for a test, written as CSV (one file per record type) and imported through the real
 * importer: {@code files.organisation(...).decision(aDecision("C1").upheld()).importInto(imports)}.
 */
public final class RecordFiles {

    private final Path directory;
    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();

    public RecordFiles(Path directory) {
        this.directory = directory;
    }

    public RecordFiles row(String recordType, Map<String, String> cells) {
        rows.computeIfAbsent(recordType, t -> new ArrayList<>()).add(new LinkedHashMap<>(cells));
        return this;
    }

    public RecordFiles organisation(String code, String name, String kind) {
        return organisation(code, name, kind, "1974-04-01", "");
    }

    public RecordFiles organisation(String code, String name, String kind, String startDate, String endDate) {
        return row("organisations", cells("code", code, "name", name, "kind", kind, "start_date", startDate, "end_date", endDate));
    }

    public RecordFiles population(String code, int midYear, int residents) {
        return row("populations", cells("organisation_code", code, "mid_year", String.valueOf(midYear), "residents", String.valueOf(residents)));
    }

    public RecordFiles decision(DecisionRow decision) {
        return row("decisions", decision.cells());
    }

    public RecordFiles recommendation(String caseReference, int number, String dueDate, String outcome, String complianceDate) {
        return row("recommendations", cells("case_reference", caseReference, "number", String.valueOf(number),
                "recommendation", "Apologise and pay £100", "due_date", dueDate, "compliance_outcome", outcome, "compliance_date", complianceDate));
    }

    public RecordFiles serviceImprovement(String caseReference, int number, String status) {
        return row("service-improvements", cells("case_reference", caseReference, "number", String.valueOf(number),
                "improvement", "Train staff", "status", status));
    }

    public RecordFiles enquiry(String caseReference, int number, String organisationCode, String sent, String due, String extendedTo,
            String answered) {
        return row("enquiries", cells("case_reference", caseReference, "number", String.valueOf(number), "organisation_code", organisationCode,
                "sent_date", sent, "due_date", due, "extended_to", extendedTo, "answered_date", answered, "complete", answered.isEmpty() ? "" : "yes"));
    }

    public RecordFiles training(String organisationCode, String course, String date, int attendees) {
        return row("training", cells("organisation_code", organisationCode, "course", course, "delivered_date", date,
                "attendees", String.valueOf(attendees)));
    }

    /** Writes one CSV per record type, headed by every heading its rows use; returns the files. */
    public List<Path> write() {
        List<Path> files = new ArrayList<>();
        rows.forEach((type, list) -> {
            Set<String> headings = new LinkedHashSet<>();
            list.forEach(r -> headings.addAll(r.keySet()));
            Path file = directory.resolve(type + ".csv");
            try (CsvWriter csv = CsvWriter.builder().build(file)) {
                csv.writeRecord(headings);
                for (Map<String, String> r : list) {
                    csv.writeRecord(headings.stream().map(h -> r.getOrDefault(h, "")).toList());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.add(file);
        });
        return files;
    }

    /** Writes the files, imports them, and fails the test with the problems if the import was refused. */
    public ImportReport importInto(Imports imports) {
        ImportReport report = imports.importFiles(write(), Optional.empty(), ImportProgress.NONE);
        if (!report.succeeded()) {
            throw new AssertionError("the test's records were refused: " + report.problems());
        }
        rows.clear();
        return report;
    }

    public static Map<String, String> cells(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
