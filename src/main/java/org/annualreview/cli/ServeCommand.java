package org.annualreview.cli;

import java.util.concurrent.Callable;

import org.annualreview.site.Publication;
import org.springframework.core.env.Environment;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the public site, \"Your council's performance\": the published years' figures and letters, until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    /** Read before Spring starts (AnnualReviewApplication.Settings); declared here for --help. */
    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ANNUAL_REVIEW_PORT, else 8080)")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Environment environment;
    private final Publication publication;

    ServeCommand(Environment environment, Publication publication) {
        this.environment = environment;
        this.publication = publication;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.printf("Serving Your council's performance at http://localhost:%s/ (published years: %s). Ctrl-C stops it.%n",
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")),
                publication.publishedYears().isEmpty() ? "none yet" : publication.publishedYears());
        out.flush();
        untilStopped();
        return ExitCodes.OK;
    }

    /**
     * Serves until the thread is interrupted (a test stopping its server; Ctrl-C ends the process through the shutdown
     * hook instead), then returns so that the application closes: web server, jobs and connection pools. The interrupt
     * is not passed on, because Spring's close begins with a timed lock that an interrupted thread never gets: it would
     * return at once and leave all of them running.
     */
    static void untilStopped() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException stopped) {
            // asked to stop: returning is the answer
        }
    }
}
