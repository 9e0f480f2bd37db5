package org.annualreview.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * `annual-review` run for real, as an operator runs it, in a process of its own ({@link OwnProcess}, the
 * application's DEBUG log on, output and log read line by line), so that a test can kill it with SIGKILL (kill -9:
 * the process ends at once, closing nothing) at a moment its log names, or when the test sees fit.
 */
public final class CommandProcess implements AutoCloseable {

    /** How long a process may take to reach a line of its log, or its end. */
    private static final long LONGEST_SECONDS = 90;

    /** How a process ended by itself: its exit code and everything it printed and logged. */
    public record Ended(int exitCode, String output) {
    }

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder seen = new StringBuilder();
    private final Thread reader;

    private CommandProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts `annual-review --database-url URL ARGS…` with the environment given besides the usual one (and, on
     * PostgreSQL, this user as the database user, as the tests' databases are reached).
     */
    public static CommandProcess start(String databaseUrl, Map<String, String> environment, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("--database-url", databaseUrl));
        command.addAll(args);
        ProcessBuilder builder = OwnProcess.of(List.of(), command).redirectErrorStream(true);
        builder.environment().put("LOGGING_LEVEL_ORG_ANNUALREVIEW", "DEBUG");
        if (databaseUrl.startsWith("jdbc:postgresql")) {
            builder.environment().put("ANNUAL_REVIEW_DATABASE_USER", System.getProperty("user.name"));
        }
        builder.environment().putAll(environment);
        return new CommandProcess(args.get(0), builder.start());
    }

    /**
     * Kills the process (SIGKILL) when the {@code occurrence}-th line of its log containing {@code text} appears; fails
     * if it ends before, or has not got there in 90 s.
     */
    public void killAt(String text, int occurrence) throws InterruptedException {
        int found = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONGEST_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(text) && ++found == occurrence) {
                    kill();
                    return;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                reader.join(1000);
                if (lines.isEmpty()) {
                    fail("the " + name + " ended (exit code " + process.exitValue() + ") before its log showed '" + text + "' "
                            + occurrence + " time(s), only " + found + ":\n" + seen);
                }
            }
        }
        fail("the " + name + " did not show '" + text + "' " + occurrence + " time(s) in " + LONGEST_SECONDS + " s, only " + found + ":\n" + seen);
    }

    /** Kills the process now (SIGKILL), and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the %s killed", name).isTrue();
    }

    /** Waits for the process to end by itself (at most 90 s): its exit code and output. */
    public Ended end() throws InterruptedException {
        if (!process.waitFor(LONGEST_SECONDS, TimeUnit.SECONDS)) {
            kill();
            fail("the " + name + " did not end in " + LONGEST_SECONDS + " s:\n" + output());
        }
        return new Ended(process.exitValue(), output());
    }

    /** Everything the process printed and logged so far (once it has ended: all of it). */
    public String output() throws InterruptedException {
        if (!process.isAlive()) {
            reader.join(5000);
        }
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        rest.forEach(line -> seen.append(line).append('\n'));
        return seen.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
