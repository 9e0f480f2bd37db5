package org.annualreview.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.annualreview.AnnualReviewApplication;

/**
 * The application started in a process of its own, as an operator starts it: through ./annual-review when the jar it
 * runs holds the sources under test (as in `mvn verify`, which packages it before these tests), so that the process
 * starts as quickly as the operator's (the jar unpacked, with the class data sharing archive the launcher makes once per
 * build: about 3 s of CPU less a start on 2 cores); otherwise (a test run from an IDE after a change) java on the
 * tests' class path. Either way the process is the JVM itself (the launcher ends with exec), so killing it kills the
 * application, and the JVM's quick compiler alone runs it, as the short runs of the tests want.
 */
public final class OwnProcess {

    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Path JAR = HOME.resolve("target/annual-review.jar");
    private static final String QUICK = "-XX:TieredStopAtLevel=1";

    private OwnProcess() {
    }

    /** `annual-review ARGS…` with the JVM options given (system properties, -D…), in a process builder to be started. */
    public static ProcessBuilder of(List<String> javaOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        String javaHome = System.getProperty("java.home");
        if (jarHoldsTheSourcesUnderTest()) {
            command.addAll(List.of("bash", HOME.resolve("annual-review").toString()));
            List<String> options = new ArrayList<>(List.of(QUICK));
            options.addAll(javaOptions);
            if (options.stream().anyMatch(o -> o.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("the launcher's JVM options are split at spaces: " + options);
            }
            builder.environment().put("ANNUAL_REVIEW_JAVA_OPTS", String.join(" ", options));
            // the launcher runs `java` from the PATH: this test's own
            builder.environment().put("PATH", Path.of(javaHome, "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        } else {
            command.addAll(List.of(Path.of(javaHome, "bin", "java").toString(), QUICK));
            command.addAll(javaOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), AnnualReviewApplication.class.getName()));
        }
        command.addAll(args);
        return builder;
    }

    /**
     * The launcher and its jar are there, and the jar is newer than everything the launcher would build it again for
     * (its own test, needs_build): the launcher runs the sources under test without building.
     */
    public static boolean jarHoldsTheSourcesUnderTest() {
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(HOME.resolve("annual-review"))) {
            return false;
        }
        try {
            FileTime built = Files.getLastModifiedTime(JAR);
            for (Path sources : List.of(HOME.resolve("src/main"), HOME.resolve("templates"), HOME.resolve("pom.xml"))) {
                if (!Files.exists(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    if (files.anyMatch(file -> newer(file, built))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
