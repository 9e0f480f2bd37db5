package org.annualreview.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.annualreview.site.Boundaries;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-boundaries", mixinStandardHelpOptions = true,
        description = "Loads council boundaries for the site's map from a GeoJSON file keyed by GSS code (such as ONS's"
                + " 'Local Authority Districts (May 2023) Boundaries UK BUC'), replacing those loaded before; all or nothing.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:loaded", "1:the file has problems: nothing changed", "2:bad usage"})
final class ImportBoundariesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "GeoJSON FeatureCollection of Polygon or MultiPolygon features in WGS84")
    Path file;

    @Option(names = "--code-property", paramLabel = "NAME", defaultValue = "${env:ANNUAL_REVIEW_BOUNDARIES_CODE_PROPERTY:-code}",
            description = "The feature property holding the GSS code, such as LAD23CD (default: ${DEFAULT-VALUE})")
    String codeProperty;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Boundaries boundaries;

    ImportBoundariesCommand(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("no such file: " + file);
            return ExitCodes.REFUSED;
        }
        try {
            int councils = boundaries.load(file, codeProperty);
            spec.commandLine().getOut().printf("Loaded the boundaries of %,d councils from %s; the site's map now draws them.%n", councils, file);
            return ExitCodes.OK;
        } catch (Boundaries.Refused e) {
            e.problems().stream().limit(100).forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().println("Nothing was loaded.");
            return ExitCodes.REFUSED;
        }
    }
}
