package org.annualreview.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.annualreview.shared.ReportingYear;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code annual-review} command and its global options; the work is done by one subcommand per verb. */
@Command(name = "annual-review",
        mixinStandardHelpOptions = true,
        version = "annual-review 0.1.0",
        description = "The yearly review of an ombudsman's decisions about public bodies: records, statistics, letters.",
        subcommands = {DemoCommand.class, ImportCommand.class, StatsCommand.class, TemplatesCommand.class, LettersCommand.class,
                ServeCommand.class, ImportBoundariesCommand.class, UsersCommand.class, SendCommand.class, PublishCommand.class,
                CommandLine.HelpCommand.class})
public final class AnnualReviewCommand implements Runnable, BeforeStarting.RunsWithoutDatabase {

    /** The exit code when the database cannot be opened or fails (see ExitCodes). */
    public static final int DATABASE_FAILED = ExitCodes.FAILED;

    public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/annual-review;AUTO_SERVER=TRUE";

    /** Read before Spring starts (see AnnualReviewApplication.Settings); declared here for --help and validation. */
    @Option(names = "--database-url", paramLabel = "JDBC-URL", scope = CommandLine.ScopeType.INHERIT,
            description = "Database to use (also ANNUAL_REVIEW_DATABASE_URL). Default: " + DEFAULT_DATABASE_URL)
    String databaseUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command (they are listed below)");
    }

    /**
     * Runs what the command line asks without starting the application when it can: --help, --version, help, a usage
     * error picocli finds (an unknown option, a missing or malformed argument, options that do not go together), and
     * the commands that need no database. These create no file and take a fraction of a second. Empty when the command
     * needs the application: then {@link #run(ApplicationContext, PrintWriter, PrintWriter, String...)} runs it.
     *
     * @param missingDatabase the database file named, when it is an H2 file that does not exist yet
     */
    public static OptionalInt runWithoutApplication(Optional<Path> missingDatabase, PrintWriter out, PrintWriter err, String... args) {
        CommandLine model = configured(new CommandLine(new AnnualReviewCommand(), WITHOUT_FEATURES), out, err);
        CommandLine.ParseResult parsed;
        try {
            parsed = model.parseArgs(args);
            boolean help = helpRequested(parsed);
            if (!help) {
                checkUsage(parsed);
            }
            Object command = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1).getCommand();
            if (!help && !(command instanceof BeforeStarting.RunsWithoutDatabase without && without.runsWithoutDatabase())) {
                if (command instanceof BeforeStarting.NeedsExistingDatabase && missingDatabase.isPresent()) {
                    err.println("annual-review: there is no database at " + missingDatabase.get() + " yet: import records (annual-review import)"
                            + " or load the demo (annual-review demo) first, or name the database with --database-url");
                    return OptionalInt.of(ExitCodes.FAILED);
                }
                return OptionalInt.empty();
            }
        } catch (CommandLine.ParameterException usage) {
            // answered below as picocli answers it: the problem, then the usage of the command concerned
        }
        return OptionalInt.of(model.execute(args));
    }

    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        return parsed.asCommandLineList().stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested()
                || c.getCommandSpec().helpCommand());
    }

    /** Checks the options of the command named together, if it has such checks; a ParameterException says what is wrong. */
    private static void checkUsage(CommandLine.ParseResult parsed) {
        List<CommandLine> commands = parsed.asCommandLineList();
        if (commands.get(commands.size() - 1).getCommand() instanceof BeforeStarting.ChecksUsage checked) {
            checked.checkUsage();
        }
    }

    /** Runs the command line with the application's features (the commands created through Spring). */
    public static int run(ApplicationContext context, PrintWriter out, PrintWriter err, String... args) {
        return configured(new CommandLine(new AnnualReviewCommand(), new SpringFactory(context)), out, err).execute(args);
    }

    /** What every run of the command line shares, with or without the application. */
    private static CommandLine configured(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        commandLine.registerConverter(ReportingYear.class, name -> {
            try {
                return ReportingYear.parse(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        commandLine.setExecutionStrategy(parsed -> {
            if (!helpRequested(parsed)) {
                checkUsage(parsed);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("annual-review: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())));
            return ExitCodes.FAILED;
        });
        return commandLine;
    }

    /**
     * Creates each command without its features (none is used to print help or check usage): a command's constructor
     * only keeps what it is given.
     */
    private static final CommandLine.IFactory WITHOUT_FEATURES = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().startsWith("org.annualreview")) {
                Constructor<?> constructor = type.getDeclaredConstructors()[0];
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(new Object[constructor.getParameterCount()]));
            }
            return CommandLine.defaultFactory().create(type);
        }
    };

    /** Creates commands through Spring, so that they receive the feature facades they call. */
    private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.getPackageName().startsWith("org.annualreview")) {
                return context.getAutowireCapableBeanFactory().createBean(type);
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
