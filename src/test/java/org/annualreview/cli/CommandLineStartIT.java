package org.annualreview.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.annualreview.AnnualReviewApplication;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.ServedWorkspace.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line answers before the application starts: help, version and usage errors come from picocli
 * alone, and create no database (nor any file) where they run; how fast is in docs/benchmarks.md.
 */
class CommandLineStartIT {

    static final String VERSION = "annual-review 0.1.0";

    @TempDir
    Path directory;

    /** Where the command runs, with no database given: the default, ./data/annual-review, would be made here. */
    Path workingDirectory() throws IOException {
        return Files.createDirectories(directory.resolve("work"));
    }

    /** A command in a process of its own, as ./annual-review runs it, in {@code workingDirectory}. */
    record Ended(int exitCode, String out, String err) {
    }

    static Ended runProcess(Path workingDirectory, Map<String, String> environment, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(workingDirectory.resolveSibling("out.txt").toFile())
                .redirectError(workingDirectory.resolveSibling("err.txt").toFile());
        builder.environment().remove("ANNUAL_REVIEW_DATABASE_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end in 180 s: " + command);
        }
        return new Ended(process.exitValue(), Files.readString(workingDirectory.resolveSibling("out.txt")),
                Files.readString(workingDirectory.resolveSibling("err.txt")));
    }

    /** java, the class path of the tests and the application's main class, then the arguments. */
    Ended runMain(Path classesLoaded, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classesLoaded, "-cp", System.getProperty("java.class.path"),
                AnnualReviewApplication.class.getName()));
        command.addAll(List.of(args));
        return runProcess(workingDirectory(), Map.of(), command);
    }

    static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** The classes of Spring's start, the database and its migration, if any was loaded. */
    static List<String> applicationClasses(Path classesLoaded) throws IOException {
        return Files.readAllLines(classesLoaded, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" org.springframework.boot.SpringApplication ") || line.contains(" org.h2.")
                        || line.contains(" org.flywaydb.") || line.contains(" com.zaxxer.hikari.")
                        || line.contains(" org.springframework.context.support."))
                .toList();
    }

    @Test
    void versionIsPrintedWithoutStartingTheApplicationAndMakesNoFile() throws Exception {
        Path classes = directory.resolve("classes.log");
        Ended version = runMain(classes, "--version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo(VERSION + System.lineSeparator());
        assertThat(version.err()).isEmpty();
        assertThat(entries(workingDirectory())).as("files made where --version ran").isEmpty();
        assertThat(Files.readString(classes)).as("the class loading log").contains("picocli.CommandLine ");
        assertThat(applicationClasses(classes)).as("classes of Spring's start and the database").isEmpty();
    }

    @Test
    void helpListsEveryCommandWithoutStartingTheApplicationAndMakesNoFile() throws Exception {
        Path classes = directory.resolve("classes.log");
        Ended help = runMain(classes, "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: annual-review [-hV] [--database-url=JDBC-URL] [COMMAND]")
                .contains("Serves the public site, \"Your council's performance\":").doesNotContain("\\");
        assertThat(commands(help.out())).containsExactly("demo", "import", "stats", "templates", "letters", "serve", "import-boundaries",
                "users", "send", "publish", "help");
        assertThat(help.err()).isEmpty();
        assertThat(entries(workingDirectory())).as("files made where --help ran").isEmpty();
        assertThat(applicationClasses(classes)).as("classes of Spring's start and the database").isEmpty();
    }

    /** The commands listed under "Commands:" in a usage message. */
    static List<String> commands(String usage) {
        List<String> names = new ArrayList<>();
        boolean listed = false;
        for (String line : usage.lines().toList()) {
            if (line.equals("Commands:")) {
                listed = true;
            } else if (listed) {
                Matcher name = Pattern.compile("^  ([a-z][a-z-]*)(\\s|$)").matcher(line);
                if (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    /** An H2 file database in the test's folder, never made by what is run here. */
    String databaseUrl() {
        return "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
    }

    Run run(String... args) {
        return ServedWorkspace.run(databaseUrl(), args);
    }

    @Test
    void theHelpOfEveryCommandAndSubcommandNeedsNoDatabase() {
        List<String> seen = new ArrayList<>();
        List<List<String>> toSee = new ArrayList<>(List.of(List.of()));
        while (!toSee.isEmpty()) {
            List<String> command = toSee.remove(0);
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run help = run(args.toArray(String[]::new));
            String name = String.join(" ", Stream.concat(Stream.of("annual-review"), command.stream()).toList());
            assertThat(help.exitCode()).as(name + " --help: " + help.err()).isZero();
            assertThat(help.out()).as(name + " --help").startsWith("Usage: " + name + " ").doesNotContain("\\\"");
            assertThat(help.err()).as(name + " --help").isEmpty();
            seen.add(name);
            for (String sub : commands(help.out())) {
                if (!sub.equals("help")) {
                    List<String> deeper = new ArrayList<>(command);
                    deeper.add(sub);
                    toSee.add(deeper);
                }
            }
            if (command.size() <= 1) {   // `help COMMAND` says the same
                Run helpCommand = run(Stream.concat(Stream.of("help"), command.stream()).toArray(String[]::new));
                assertThat(helpCommand.exitCode()).as("help " + name).isZero();
                assertThat(helpCommand.out()).as("help " + name).isEqualTo(help.out());
            }
        }
        assertThat(seen).contains("annual-review stats", "annual-review templates load", "annual-review letters note",
                "annual-review letters approve", "annual-review users add", "annual-review users list", "annual-review serve").hasSize(16);
        assertThat(directory.resolve("db")).as("the database named").doesNotExist();
    }

    @Test
    void usageErrorsAreAnsweredWithoutMakingADatabase() {
        for (String[] args : new String[][] {{"stats", "--bogus"}, {"stats", "--year", "2023/24"}, {"stats", "--all-years"},
                {"stats", "--explain", "upheld"}, {"stats", "--explain", "nonsense", "--organisation", "Knowsley"},
                {"stats", "--year", "2023-24", "--choose-population-estimate", "twenty"}, {"stats", "--format", "xml"},
                {"import", "--type", "complaints", "whatever.csv"}, {"import"}, {"letters", "note", "--year", "2023-24"},
                {"send", "--year", "2023"}, {"publish"}, {"serve", "--port", "eighty"},
                {"users", "add", "--username", "a@b.example", "--name", "A", "--role", "boss", "--password-file", "pw.txt"},
                {"users"}, {}}) {
            Run usage = run(args);
            assertThat(usage.exitCode()).as(String.join(" ", args) + ": " + usage.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(usage.err()).as(String.join(" ", args)).contains("Usage: annual-review");
            assertThat(usage.out()).as(String.join(" ", args)).isEmpty();
        }
        assertThat(run("stats", "--year", "2023/24").err()).startsWith("Invalid value for option '--year': reporting year must look like"
                + " 2023-24, not '2023/24'");
        assertThat(directory.resolve("db")).as("the database named").doesNotExist();
    }

    @Test
    void aCommandOfTheRecordsKeptSaysThereAreNoneRatherThanMakingAnEmptyDatabase() {
        for (String[] args : new String[][] {{"stats"}, {"stats", "--year", "2023-24"}, {"letters", "--year", "2023-24"},
                {"letters", "approve", "--year", "2023-24", "--by", "Pat"}, {"send", "--year", "2023-24", "--dry-run"},
                {"publish", "--year", "2023-24", "--status"}, {"users", "list"}}) {
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.FAILED);
            assertThat(run.err()).as(String.join(" ", args)).isEqualTo("annual-review: there is no database at "
                    + directory.resolve("db/annual-review.mv.db").toAbsolutePath() + " yet: import records (annual-review import) or load"
                    + " the demo (annual-review demo) first, or name the database with --database-url" + System.lineSeparator());
        }
        assertThat(directory.resolve("db")).as("the database named").doesNotExist();
    }

    @Test
    void theDemoFilesAloneNeedNoDatabase() throws Exception {
        Run demo = run("demo", "--generate-only", "--decisions", "300", "--files", directory.resolve("demo").toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Generated ").contains(" in " + directory.resolve("demo"));
        assertThat(entries(directory.resolve("demo"))).contains("decisions.csv", "organisations.csv");
        assertThat(directory.resolve("db")).as("the database named").doesNotExist();
    }

    /**
     * The launcher prepares its quicker start once (the jar unpacked and a class data sharing archive, in the folder
     * given), then uses it; an archive the JVM cannot use is passed over without a word. Needs the jar built from these
     * sources (as `mvn verify` has it by now): otherwise the launcher would build it.
     */
    @Test
    void theLauncherPreparesItsQuickerStartOnceAndFallsBackSilently() throws Exception {
        assumeTrue(org.annualreview.testing.OwnProcess.jarHoldsTheSourcesUnderTest(),
                "target/annual-review.jar is missing or older than the sources: run `./mvnw package` (mvn verify does)");
        Path cache = directory.resolve("cds");
        Map<String, String> environment = Map.of("ANNUAL_REVIEW_CDS_DIR", cache.toString());
        List<String> version = List.of(Path.of("annual-review").toAbsolutePath().toString(), "--version");

        Ended first = runProcess(workingDirectory(), environment, version);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo(VERSION + "\n");
        assertThat(first.err()).as("the first run").contains("preparing a quicker start");
        List<Path> prepared;
        try (Stream<Path> folders = Files.list(cache)) {
            prepared = folders.filter(Files::isDirectory).toList();
        }
        assertThat(prepared).as("one folder for this build, ready").hasSize(1);
        assertThat(prepared.get(0).resolve("ready")).as(Files.readString(cache.resolve("preparing.log"))).exists();

        Ended second = runProcess(workingDirectory(), environment, version);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).isEqualTo(VERSION + "\n");
        assertThat(second.err()).as("the second run").isEmpty();

        Files.writeString(prepared.get(0).resolve("start.jsa"), "not an archive");
        Ended spoilt = runProcess(workingDirectory(), environment, version);
        assertThat(spoilt.exitCode()).isZero();
        assertThat(spoilt.out()).isEqualTo(VERSION + "\n");
        assertThat(spoilt.err()).as("with an archive the JVM cannot use").isEmpty();

        Ended help = runProcess(workingDirectory(), environment, List.of(version.get(0), "stats", "--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: annual-review stats ");
        assertThat(entries(workingDirectory())).as("files made where the launcher ran").isEmpty();
    }
}
