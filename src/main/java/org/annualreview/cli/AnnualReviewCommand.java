package org.annualreview.cli;

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
public final class AnnualReviewCommand implements Runnable {

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
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: demo, import or stats");
    }

    public static int run(ApplicationContext context, java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new AnnualReviewCommand(), new SpringFactory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("annual-review: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())));
            return ExitCodes.FAILED;
        });
        return commandLine.execute(args);
    }

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
