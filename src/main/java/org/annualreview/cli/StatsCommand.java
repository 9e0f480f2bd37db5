package org.annualreview.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.annualreview.demo.DemoLabel;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.Measure;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints the figures of a reporting year from its stored snapshot (computed first if records changed).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:figures printed", "1:unknown organisation, or nothing to report", "2:bad usage", "3:the database failed"})
final class StatsCommand implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase, BeforeStarting.ChecksUsage {

    enum Format { table, csv, json }

    @Option(names = "--year", paramLabel = "YYYY-YY", description = "Reporting year, such as 2023-24 (default: the latest that has ended)")
    ReportingYear year;

    @Option(names = "--organisation", paramLabel = "NAME-OR-CODE", description = "One organisation, by GSS code or name")
    String organisation;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--average", defaultValue = "pooled", paramLabel = "pooled|mean",
            description = "How averages of similar authorities are formed (default: ${DEFAULT-VALUE}, as the letters use)")
    String average;

    @Option(names = "--explain", paramLabel = "MEASURE",
            description = "List the records counted in one figure of --organisation: upheld, compliance, satisfactory-remedy, "
                    + "upheld-per-100000, late-enquiries, code-failures, "
                    + "code-failures:PROVISION (one provision of the Complaint Handling Code, such as code-failures:stage-1-late), …")
    String explain;

    /** From --explain code-failures:PROVISION. */
    private String provision;

    /** From --explain (checkUsage). */
    private Measure measure;

    @Option(names = "--recompute", description = "Recompute the snapshot from the records first")
    boolean recompute;

    @Option(names = "--all-years", description = "With --recompute: recompute every year that has decisions, and print one line a year")
    boolean allYears;

    @Option(names = "--choose-population-estimate", paramLabel = "MID-YEAR|rule",
            description = "Make --year's figures per 100,000 residents divide by the mid-year population estimate given (such as 2022),"
                    + " or by the rule's again (rule: the estimate for the middle of the year); with --reason. Audited.")
    String chooseEstimate;

    @Option(names = "--reason", paramLabel = "WHY", description = "Why the estimate was chosen (kept, and printed with the figures)")
    String reason;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** From --average (checkUsage). */
    private AverageMethod method;

    /** From --choose-population-estimate (checkUsage): the mid-year estimate chosen, or none for the rule. */
    private java.util.OptionalInt midYear;

    private final Statistics statistics;
    private final Organisations organisations;
    private final DemoLabel demoLabel;
    private final org.annualreview.audit.AuditLog audit;

    StatsCommand(Statistics statistics, Organisations organisations, DemoLabel demoLabel, org.annualreview.audit.AuditLog audit) {
        this.statistics = statistics;
        this.organisations = organisations;
        this.demoLabel = demoLabel;
        this.audit = audit;
    }

    /** The options that go together, before anything starts: --all-years, --choose-population-estimate, --average, --explain. */
    @Override
    public void checkUsage() {
        if (allYears) {
            if (!recompute || year != null || organisation != null || explain != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--all-years goes with --recompute alone");
            }
            return;
        }
        if (chooseEstimate != null) {
            if (year == null || organisation != null || explain != null || recompute) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--choose-population-estimate goes with --year and --reason alone");
            }
            try {
                midYear = chooseEstimate.strip().equalsIgnoreCase("rule") ? java.util.OptionalInt.empty()
                        : java.util.OptionalInt.of(Integer.parseInt(chooseEstimate.strip()));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--choose-population-estimate takes a year (such as 2022) or rule, not "
                        + chooseEstimate);
            }
            return;
        }
        try {
            method = AverageMethod.byCode(average);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        measure = explain == null ? null : measureToExplain();
    }

    /** Records the estimate chosen for the year (or the rule again), audited, and says what the figures now divide by. */
    private int chooseEstimate(PrintWriter out) {
        String before = statistics.estimateInWords(year);
        try {
            audit.inTransaction(() -> {
                statistics.chooseEstimate(year, midYear, "command line", reason);
                audit.record(org.annualreview.audit.AuditLog.commandLine(), "choose-population-estimate", year.toString(),
                        java.util.Optional.of(before), java.util.Optional.of(Statistics.choiceInWords(midYear, reason)));
                return null;
            });
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        out.printf("%s: figures per 100,000 residents now divide by %s (before: %s).%n", year,
                midYear.isPresent() ? "each council's mid-" + midYear.getAsInt() + " estimate (or its nearest recorded)"
                        : "the estimate for the middle of the year (the rule)", before);
        return ExitCodes.OK;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (allYears) {
            return recomputeAllYears(out);
        }
        if (chooseEstimate != null) {
            return chooseEstimate(out);
        }
        ReportingYear reportingYear = year;
        if (reportingYear == null) {
            var latest = statistics.latestYear();
            if (latest.isEmpty()) {
                err.println("There are no decisions yet: import some (annual-review import) or load the demo (annual-review demo).");
                return ExitCodes.REFUSED;
            }
            reportingYear = latest.get();
        }
        Organisation one = null;
        if (organisation != null) {
            try {
                one = organisations.find(organisation);
            } catch (Organisations.UnknownOrganisation e) {
                err.println(e.getMessage());
                return ExitCodes.REFUSED;
            }
        }
        YearFigures figures = recompute ? statistics.recompute(reportingYear) : statistics.figures(reportingYear);
        boolean synthetic = demoLabel.isSynthetic();
        List<OrganisationFigures> shown = figures.organisations();
        if (one != null) {
            shown = figures.of(one.code()).map(List::of).orElse(List.of());
            if (shown.isEmpty()) {
                err.println(one.name() + " (" + one.code() + ") has no figures for " + reportingYear
                        + ": a council appears in the years it existed, any other body in the years it has records.");
                return ExitCodes.REFUSED;
            }
        }
        if (measure != null) {
            org.annualreview.statistics.Explanation explanation = statistics.explain(reportingYear, one.code(), measure);
            if (provision != null) {   // one provision of the Code: the investigations that failed it, of all investigations
                java.util.Optional<org.annualreview.statistics.CodeFindings.Provision> failed = statistics.codeFindings(reportingYear)
                        .provision(provision);
                if (failed.isEmpty()) {
                    err.println("Unknown Complaint Handling Code provision '" + provision + "': the provisions are "
                            + statistics.codeFindings(reportingYear).provisions().stream().map(p -> p.code()).toList());
                    return ExitCodes.REFUSED;
                }
                out.println("Provision: " + failed.get().label() + " (" + provision + ")");
                explanation = new org.annualreview.statistics.Explanation(explanation.year(), explanation.figures(), explanation.measure(),
                        statistics.casesFailing(reportingYear, one.code(), provision), explanation.denominator(), java.util.Optional.empty());
            }
            FiguresOutput.explanation(out, explanation, synthetic);
            if (measure == Measure.UPHELD_PER_100000) {
                ReportingYear explained = reportingYear;
                out.println(statistics.chosenEstimate(reportingYear).map(c -> String.format("The mid-%d estimate was chosen for %s by %s on %s: %s",
                                c.midYear(), explained, c.chosenBy(), c.chosenAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate(), c.reason()))
                        .orElse("The estimate is the rule's for " + explained + ": mid-" + explained.startYear()
                                + ", else the latest earlier one, else the earliest later one (no other was chosen)."));
            }
            return ExitCodes.OK;
        }
        switch (format) {
            case json -> FiguresOutput.json(out, figures, shown, method, synthetic, java.util.Optional.of(statistics.codeFindings(reportingYear)));
            case csv -> FiguresOutput.csv(out, figures, shown, method);
            case table -> {
                if (one != null) {
                    FiguresOutput.organisationTable(out, figures, shown.get(0), method, synthetic,
                            java.util.Optional.of(statistics.codeFindings(reportingYear)));
                } else {
                    FiguresOutput.yearTable(out, figures, method, synthetic);
                }
            }
        }
        return ExitCodes.OK;
    }

    private int recomputeAllYears(PrintWriter out) {
        long started = System.nanoTime();
        List<YearFigures> years = statistics.recomputeAllYears();
        long took = (System.nanoTime() - started) / 1_000_000;
        for (YearFigures figures : years) {
            long decided = figures.organisations().stream().mapToLong(OrganisationFigures::complaintsAndEnquiries).sum();
            out.printf("%s: %,d organisations, %,d decisions%n", figures.year(), figures.organisations().size(), decided);
        }
        out.printf("All years computed and stored in %,d ms.%n", took);
        return ExitCodes.OK;
    }

    /** The measure --explain names; it needs --organisation. */
    private Measure measureToExplain() {
        String code = explain;
        if (explain.contains(":")) {   // code-failures:PROVISION
            code = explain.substring(0, explain.indexOf(':'));
            provision = explain.substring(explain.indexOf(':') + 1).strip();
            if (Measure.byCode(code).filter(m -> m == Measure.CODE_FAILURES).isEmpty() || provision.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Only code-failures is explained by provision (code-failures:stage-1-late), not '" + explain + "'");
            }
        }
        var measure = Measure.byCode(code);
        if (measure.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown measure '" + explain + "': use one of " + Measure.codes());
        }
        if (organisation == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--explain needs --organisation");
        }
        return measure.get();
    }
}
