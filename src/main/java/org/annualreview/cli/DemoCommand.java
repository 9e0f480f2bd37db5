package org.annualreview.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.demo.DemoDataset;
import org.annualreview.demo.DemoLabel;
import org.annualreview.imports.ImportReport;
import org.annualreview.imports.Imports;
import org.annualreview.shared.ReportingYear;
import org.annualreview.letters.Letters;
import org.annualreview.letters.ShippedTemplates;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.Statistics;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Loads the synthetic demo dataset (every English council, 2019-20 to 2026-27, invented decisions; from 2026-27 "
                + "with Complaint Handling Code records) through the normal import, computes every year's figures and prints the key "
                + "statistics of the latest year.",
                "It refuses a database that holds real records. Running it again changes nothing."})
final class DemoCommand implements Callable<Integer>, BeforeStarting.RunsWithoutDatabase {

    @Option(names = "--seed", defaultValue = "" + DemoDataset.Options.DEFAULT_SEED, description = "Seed of the dataset (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--decisions", defaultValue = "0", paramLabel = "N",
            description = "Exactly N decisions over all years instead of realistic volumes (for benchmarks)")
    long decisions;

    @Option(names = "--files", defaultValue = "data/demo", paramLabel = "DIR",
            description = "Where the generated record files are written (default: ${DEFAULT-VALUE})")
    Path directory;

    @Option(names = "--generate-only", description = "Write the record files and stop, without importing them")
    boolean generateOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Imports imports;
    private final Statistics statistics;
    private final DemoLabel demoLabel;

    @Option(names = "--letters", defaultValue = "letters", paramLabel = "DIR",
            description = "Where the latest year's letters are written as PDF (default: ${DEFAULT-VALUE}); every year's go in the archive")
    Path lettersDirectory;

    enum LetterYears { all, recent, latest, none }

    @Option(names = "--letters-for", defaultValue = "all", paramLabel = "all|recent|latest|none",
            description = "Whose letters the demo writes: every demo year's (default), the latest two years' (one public already,"
                    + " one not yet), the latest year's, or none")
    LetterYears letterYears;

    @Option(names = "--no-serve", description = "Stop when the demo is loaded instead of serving the site")
    boolean noServe;

    /** Read before Spring starts (AnnualReviewApplication.Settings); declared here for --help. */
    @Option(names = "--port", paramLabel = "PORT", description = "Port the site is served on (default: ANNUAL_REVIEW_PORT, else 8080)")
    int port;

    private final org.springframework.core.env.Environment environment;
    private final Letters letters;
    private final org.annualreview.accounts.Accounts accounts;
    private final org.annualreview.publication.Releases releases;
    private final org.annualreview.organisations.Organisations organisations;

    DemoCommand(Imports imports, Statistics statistics, DemoLabel demoLabel, Letters letters,
            org.springframework.core.env.Environment environment, org.annualreview.accounts.Accounts accounts,
            org.annualreview.publication.Releases releases, org.annualreview.organisations.Organisations organisations) {
        this.releases = releases;
        this.organisations = organisations;
        this.environment = environment;
        this.accounts = accounts;
        this.imports = imports;
        this.statistics = statistics;
        this.demoLabel = demoLabel;
        this.letters = letters;
    }

    /** Writing the record files alone needs no database. */
    @Override
    public boolean runsWithoutDatabase() {
        return generateOnly;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!generateOnly && demoLabel.holdsRealRecords()) {
            err.println("This database holds records that are not the demo dataset; demo data would mix with them.");
            err.println("Give another database with --database-url (or ANNUAL_REVIEW_DATABASE_URL).");
            return ExitCodes.REFUSED;
        }
        DemoDataset.Options options = DemoDataset.Options.defaults().withSeed(seed);
        if (decisions > 0) {
            options = options.withDecisions(decisions);
        }
        long started = System.nanoTime();
        Files.createDirectories(directory);
        DemoDataset.Summary summary = new DemoDataset().write(directory, options);
        out.printf("*** %s ***%n", DemoLabel.BANNER);
        out.printf("Generated %,d records (%,d decisions, seed %d) in %s in %.1f s.%n", summary.totalRows(), summary.decisions(), seed,
                directory, seconds(started));
        if (generateOnly) {
            return ExitCodes.OK;
        }
        List<Path> files = DemoDataset.FILE_NAMES.stream().map(directory::resolve).toList();
        long importing = System.nanoTime();
        ImportReport report = imports.importFiles(files, Optional.empty(),
                TerminalProgress.ifTerminal());
        if (!report.succeeded()) {
            err.println("The demo dataset was refused by the importer (a bug; please report it):");
            report.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.FAILED;
        }
        demoLabel.markSynthetic();
        out.printf("Imported %,d rows in %.1f s: %,d inserted, %,d updated, %,d unchanged.%n", report.rows(), seconds(importing),
                report.inserted(), report.updated(), report.unchanged());
        // a demo run again imports nothing new: its figures stand (a year is computed only if its records changed), and
        // so do its letters, unless the template of their year changed or a council has none
        boolean recordsChanged = report.inserted() > 0 || report.updated() > 0;
        long computing = System.nanoTime();
        List<ReportingYear> years = statistics.yearsWithDecisions();
        years.forEach(statistics::figures);
        out.printf("Figures of %d reporting years ready in %.1f s.%n%n", years.size(), seconds(computing));
        // the demo's latest year is synthetic from end to end, so it is lettered and published like the others even
        // before it has ended (its publication date, from its template, may still be ahead: the site shows it from then)
        ReportingYear latest = options.lastYear();
        long writing = System.nanoTime();
        int written = 0;
        ReportingYear from = switch (letterYears) {
            case all -> options.firstYear();
            case recent -> latest.previous().compareTo(options.firstYear()) < 0 ? options.firstYear() : latest.previous();
            case latest -> latest;
            case none -> latest.next();
        };
        int standing = 0;
        for (ReportingYear year = from; year.compareTo(latest) <= 0; year = year.next()) {
            ReportingYear thisYear = year;
            String style = ShippedTemplates.styleFor(year);
            boolean templateChanged = letters.loadTemplate(year, style, ShippedTemplates.source(style)).changed();
            Optional<Path> folder = year.equals(latest) ? Optional.of(lettersDirectory) : Optional.empty();
            int councils = letters.toWrite(year).size();
            if (!recordsChanged && !templateChanged && letters.organisationsWithLetters(year).size() >= councils
                    && folder.map(f -> f.resolve(thisYear.toString())).map(DemoCommand::pdfs).orElse((long) councils) >= councils) {
                standing += councils;
                continue;
            }
            written += letters.write(year, Optional.empty(), EnumSet.of(Letters.Format.pdf), folder, Letters.Progress.NONE).size();
        }
        if (written > 0) {
            out.printf("Wrote %,d Annual Review letters (every council, from templates/) in %.1f s; %s's are in %s.%n%n",
                    written, seconds(writing), latest, lettersDirectory.resolve(latest.toString()));
        }
        if (standing > 0) {
            out.printf("%,d letters stand as written before (nothing they say has changed); %s's are in %s.%n%n", standing, latest,
                    lettersDirectory.resolve(latest.toString()));
        }
        int published = 0;
        for (ReportingYear year = from; year.compareTo(latest) <= 0; year = year.next()) {
            published += publish(year) ? 1 : 0;
        }
        if (published > 0) {
            out.printf("Published %d demo years (release 1 of each, every letter approved; the demo emails no one, so each council is"
                    + " published by exception).%n%n", published);
        }
        FiguresOutput.yearTable(out, statistics.figures(latest), AverageMethod.POOLED, true);
        out.printf("%nNext: ./annual-review stats --year %s --organisation Knowsley   (one council in full)%n", latest);
        out.printf("      ./annual-review stats --year %s --organisation Knowsley --explain upheld   (the cases behind a figure)%n", latest);
        if (KeyStatistic.CODE_FAILURES.appliesTo(latest)) {
            out.printf("      ./annual-review stats --year %s --organisation Knowsley --explain code-failures   (its Complaint Handling Code"
                    + " failures)%n", latest);
        }
        out.printf("      ./annual-review letters --year %s --organisation Knowsley --format pdf,html,txt   (one letter)%n", latest);
        demoAccounts(out);
        if (!noServe && environment.getProperty("local.server.port") != null) {
            out.printf("%nServing the demo site at http://localhost:%s/  (Ctrl-C stops it; --no-serve skips it);"
                    + " the workspace at http://localhost:%s/workspace%n", environment.getProperty("local.server.port"),
                    environment.getProperty("local.server.port"));
            out.flush();
            ServeCommand.untilStopped();
        }
        return ExitCodes.OK;
    }

    /**
     * Publishes a demo year as the operator, as staff would after sending: its letters approved and, since the demo
     * emails no one, an exception recorded for each council. A year published already (a second run) is left as it is.
     */
    private boolean publish(ReportingYear year) {
        if (releases.latest(year).isPresent() || letters.publicationDate(year).isEmpty()) {
            return false;
        }
        Letters.Actor operator = Letters.Actor.operator();
        letters.approve(year, Optional.empty(), "the demo");
        java.util.Set<String> excepted = releases.exceptions(year).keySet();
        for (String code : releases.councilsOf(year)) {
            if (!excepted.contains(code)) {
                releases.recordException(year, organisations.byCode(code).orElseThrow(), "Demo data: the demo emails no one", operator);
            }
        }
        if (!releases.readiness(year).ready()) {
            return false;
        }
        releases.publish(year, operator);
        return true;
    }

    /** The PDF files in a folder (none if it is not there). */
    private static long pdfs(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * One workspace account per role, each made with a random password printed once, when the demo first runs: a
     * later run leaves the accounts (and their passwords) as they are.
     */
    private void demoAccounts(PrintWriter out) {
        String[][] demo = {{"administrator@demo.example", "Demo Administrator", "administrator", null},
                {"analyst@demo.example", "Demo Analyst", "analyst", null}, {"knowsley@demo.example", "Demo Council User", "council", "E08000011"}};
        if (java.util.Arrays.stream(demo).allMatch(account -> accounts.find(account[0]).isPresent())) {
            out.printf("%nDemo accounts for the workspace: %s (passwords as printed when the demo first ran; a new one with"
                    + " ./annual-review users add --username NAME --name NAME --role ROLE --replace).%n",
                    String.join(", ", java.util.Arrays.stream(demo).map(a -> a[0]).toList()));
            return;
        }
        out.printf("%nDemo accounts for the workspace (the passwords are printed this once):%n");
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String[] account : demo) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            org.annualreview.accounts.Role role = org.annualreview.shared.Term.byCode(org.annualreview.accounts.Role.class, account[2]);
            accounts.add(account[0], account[1], role, Optional.ofNullable(account[3]), password, true);
            out.printf("  %-14s %-28s password %s%n", role.label() + (account[3] == null ? "" : " (Knowsley)"), account[0], password);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
