package org.annualreview.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.audit.AuditLog;
import org.annualreview.letters.BadTemplate;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "letters", mixinStandardHelpOptions = true,
        description = "Writes the Annual Review letters of a year from its template and stored figures, keeps them in the archive"
                + " and writes them to a folder.",
        subcommands = {LettersCommand.Note.class, LettersCommand.Approve.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:letters written", "1:no template for the year, a template problem or an unknown organisation", "2:bad usage"})
final class LettersCommand implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

    @Option(names = "--year", paramLabel = "YYYY-YY", description = "Reporting year (default: the latest that has ended)")
    ReportingYear year;

    @Option(names = "--organisation", paramLabel = "NAME-OR-CODE", description = "One organisation's letter only")
    String organisation;

    @Option(names = "--format", split = ",", defaultValue = "pdf", paramLabel = "pdf|html|txt",
            description = "Formats to write, comma separated (default: ${DEFAULT-VALUE}); the archive keeps all three")
    List<Letters.Format> formats;

    @Option(names = "--out", defaultValue = "letters", paramLabel = "DIR", description = "Folder to write to (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Letters letters;
    private final Statistics statistics;
    private final AuditLog audit;

    LettersCommand(Letters letters, Statistics statistics, AuditLog audit) {
        this.letters = letters;
        this.statistics = statistics;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        PrintWriter output = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportingYear reportingYear = year != null ? year : statistics.latestYear().orElse(null);
        if (reportingYear == null) {
            err.println("There are no decisions yet: import some (annual-review import) or load the demo (annual-review demo).");
            return ExitCodes.REFUSED;
        }
        long started = System.nanoTime();
        List<Letters.Written> written;
        try (Bar bar = new Bar(organisation == null)) {
            written = letters.write(reportingYear, Optional.ofNullable(organisation), EnumSet.copyOf(formats), Optional.of(out), bar);
        } catch (Letters.NoTemplate | BadTemplate | Letters.NoTrainingTotals | Organisations.UnknownOrganisation | IllegalArgumentException e) {
            err.println(e.getMessage());
            if (e instanceof Letters.NoTemplate) {
                err.println("Load one with: ./annual-review templates load --year " + reportingYear + " FILE");
            }
            return ExitCodes.REFUSED;
        }
        long changed = written.stream().filter(Letters.Written::newVersion).count();
        if (changed > 0) {
            audit.record(AuditLog.commandLine(), "write-letters", "letters of " + reportingYear + (organisation == null ? "" : " for " + organisation),
                    Optional.empty(), Optional.of(written.size() + " written: " + changed + " new versions, " + (written.size() - changed) + " as before"));
        }
        output.printf("Wrote %,d letter%s for %s in %.1f s to %s (%,d new or changed in the archive, %,d as before).%n", written.size(),
                written.size() == 1 ? "" : "s", reportingYear, (System.nanoTime() - started) / 1e9, out.resolve(reportingYear.toString()),
                changed, written.size() - changed);
        if (written.size() == 1) {
            written.get(0).files().forEach(f -> output.println("  " + f));
        }
        return ExitCodes.OK;
    }

    /** A progress bar on a terminal, for a whole year's letters. */
    private static final class Bar implements Letters.Progress, AutoCloseable {
        private ProgressBar bar;
        private final boolean wanted;

        Bar(boolean manyLetters) {
            this.wanted = manyLetters && System.console() != null;
        }

        @Override
        public synchronized void done(int letters, int total) {
            if (!wanted) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("letters").setStyle(ProgressBarStyle.ASCII).setInitialMax(total).build();
            }
            bar.stepTo(letters);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true,
            description = "Sets the paragraph staff add to one organisation's letter of a year ({{ note }} in the template); empty text removes it.")
    static final class Note implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

        @Option(names = "--year", required = true, paramLabel = "YYYY-YY")
        ReportingYear year;

        @Option(names = "--organisation", required = true, paramLabel = "NAME-OR-CODE")
        String organisation;

        @CommandLine.Parameters(paramLabel = "TEXT", description = "The paragraph")
        String text;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Letters letters;
        private final AuditLog audit;

        Note(Letters letters, AuditLog audit) {
            this.letters = letters;
            this.audit = audit;
        }

        @Override
        public Integer call() {
            try {
                audit.inTransaction(() -> {
                    Optional<String> before = letters.note(year, organisation);
                    letters.setNote(year, organisation, text);
                    audit.record(AuditLog.commandLine(), "set-note", "paragraph for " + organisation + "'s letter of " + year, before,
                            text.isBlank() ? Optional.empty() : Optional.of(text.strip()));
                    return before;
                });
            } catch (Organisations.UnknownOrganisation e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REFUSED;
            }
            spec.commandLine().getOut().println(text.isBlank() ? "Note removed." : "Note kept: it appears where the template has {{ note }}.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves the latest version of the year's letters for sending (of every council, or one).")
    static final class Approve implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

        @Option(names = "--year", required = true, paramLabel = "YYYY-YY")
        ReportingYear year;

        @Option(names = "--organisation", paramLabel = "NAME-OR-CODE", description = "Only this council's letter")
        String organisation;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who approves (kept with the approval)")
        String by;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Letters letters;
        private final AuditLog audit;

        Approve(Letters letters, AuditLog audit) {
            this.letters = letters;
            this.audit = audit;
        }

        @Override
        public Integer call() {
            try {
                int approved = audit.inTransaction(() -> {
                    int now = letters.approve(year, java.util.Optional.ofNullable(organisation), by);
                    audit.record(AuditLog.commandLine(), "approve-letters", "letters of " + year + (organisation == null ? "" : " for " + organisation),
                            Optional.empty(), Optional.of(now + " approved by " + by));
                    return now;
                });
                spec.commandLine().getOut().printf("Approved %,d letter%s of %s for sending.%n", approved, approved == 1 ? "" : "s", year);
                return ExitCodes.OK;
            } catch (Organisations.UnknownOrganisation e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REFUSED;
            }
        }
    }
}
