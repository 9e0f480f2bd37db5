package org.annualreview.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.audit.AuditLog;
import org.annualreview.letters.BadTemplate;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "templates", mixinStandardHelpOptions = true, description = "Letter templates (docs/templates.md).",
        subcommands = TemplatesCommand.Load.class)
final class TemplatesCommand implements Runnable, BeforeStarting.RunsWithoutDatabase {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Checks a template (every field on every branch) and keeps it as the year's template; earlier versions are kept.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:loaded (or the same as the latest)", "1:the template has a problem: nothing loaded", "2:bad usage"})
    static final class Load implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "YYYY-YY", description = "The reporting year whose letters it writes")
        ReportingYear year;

        @Parameters(paramLabel = "FILE", description = "The template: settings between --- lines, then the letter in Markdown")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Letters letters;
        private final AuditLog audit;

        Load(Letters letters, AuditLog audit) {
            this.letters = letters;
            this.audit = audit;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("no such file: " + file);
                return ExitCodes.REFUSED;
            }
            try {
                java.util.Optional<String> before = letters.templateSource(year);
                Letters.TemplateLoaded loaded = audit.inTransaction(() -> {
                    Letters.TemplateLoaded kept = letters.loadTemplate(year, file);
                    if (kept.changed()) {
                        audit.record(AuditLog.commandLine(), "load-template", "letter template of " + year + ", version " + kept.version(),
                                before, letters.templateSource(year));
                    }
                    kept.publicationDate().ifPresent(moved -> audit.record(AuditLog.commandLine(), "set-publication-date",
                            "publication date of " + year, moved.beforeInWords(), Optional.of(moved.afterInWords())));
                    return kept;
                });
                loaded.publicationDate().ifPresent(moved -> out.println("The publication date of " + year + " is now "
                        + moved.afterInWords() + moved.beforeInWords().map(b -> " (it was " + b + ")").orElse("") + "."));
                out.println(loaded.changed()
                        ? "Loaded " + file + " as version " + loaded.version() + " of the " + year + " letter template."
                        : file + " is the same as version " + loaded.version() + " of the " + year + " template: nothing changed.");
                return ExitCodes.OK;
            } catch (BadTemplate | Letters.AlreadyPublished e) {
                err.println(e.getMessage());
                err.println("Nothing was loaded.");
                return ExitCodes.REFUSED;
            }
        }
    }
}
