package org.annualreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.annualreview.audit.AuditLog;
import java.util.concurrent.Callable;

import org.annualreview.imports.ImportReport;
import org.annualreview.imports.Imports;
import org.annualreview.imports.RecordType;
import org.annualreview.imports.SourceSummary;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports record files: CSV (one record type each, named after it, such as decisions.csv) or XLSX "
                + "(one sheet per record type). All files are one transaction: if any row is invalid nothing changes, "
                + "and every problem is listed by file, row and column. Importing the same rows again changes nothing.",
                "Record types, in the order they are imported: " + "organisations, populations, contacts, decisions, "
                        + "recommendations, service-improvements, enquiries, training, training-totals. See docs/formats.md."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything was imported", "1:nothing was imported: the files have problems", "2:bad usage",
                "3:the database failed"})
final class ImportCommand implements Callable<Integer>, BeforeStarting.ChecksUsage {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV or XLSX files")
    List<Path> files;

    @Option(names = "--type", paramLabel = "RECORD-TYPE",
            description = "What the CSV files hold, when their names do not say (such as decisions)")
    String type;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Imports imports;
    private final AuditLog audit;

    ImportCommand(Imports imports, AuditLog audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @Override
    public void checkUsage() {
        if (type != null && RecordType.named(type).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown record type '" + type + "': use one of " + RecordType.allNames());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<RecordType> recordType = type == null ? Optional.empty() : RecordType.named(type);
        long started = System.nanoTime();
        boolean terminal = System.console() != null;
        ImportReport report = imports.importFiles(files, recordType, TerminalProgress.ifTerminal(), (connection, merged) -> {
            if (merged.inserted() + merged.updated() > 0) {
                audit.record(connection, AuditLog.commandLine(), "import", String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()),
                        Optional.empty(), Optional.of(String.format("%d rows: %d inserted, %d updated, %d unchanged", merged.rows(),
                                merged.inserted(), merged.updated(), merged.unchanged())));
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!report.succeeded()) {
            err.printf("Nothing was imported: %,d problem%s found.%n", report.problemCount(), report.problemCount() == 1 ? "" : "s");
            report.problems().forEach(p -> err.println("  " + p));
            if (type == null && report.problems().stream().anyMatch(p -> p.toString().contains("cannot tell which records the file holds"))) {
                err.println("  (or give --type to say which records a file holds)");
            }
            if (report.unlistedProblems() > 0) {
                err.printf("  … and %,d more problems not listed.%n", report.unlistedProblems());
            }
            return ExitCodes.REFUSED;
        }
        if (terminal) {
            for (SourceSummary s : report.sources()) {
                out.printf("  %-40s %,10d rows: %,d inserted, %,d updated, %,d unchanged%n",
                        s.source(), s.rows(), s.inserted(), s.updated(), s.unchanged());
            }
        }
        out.printf("Imported %d source%s, %,d rows in %.1f s: %,d inserted, %,d updated, %,d unchanged.%n",
                report.sources().size(), report.sources().size() == 1 ? "" : "s", report.rows(), seconds,
                report.inserted(), report.updated(), report.unchanged());
        return ExitCodes.OK;
    }
}
