package org.annualreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.annualreview.testing.ScriptedSmtpServer;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.ServedWorkspace.Run;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `send` as staff run it, against a real SMTP server socket in the test, on an H2 file database and on PostgreSQL: the
 * report at the end, the exit codes, and two commands (two processes) at once.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class SendCommandIT {

    static final String KNOWSLEY = "E08000011";
    static final String LIVERPOOL = "E08000012";
    static final String CUMBERLAND = "E06000063";
    static final List<String> ADDRESSES = List.of("chief.executive@knowsley.sample.invalid", "leader@knowsley.sample.invalid",
            "scrutiny@knowsley.sample.invalid", "monitoring.officer@knowsley.sample.invalid", "deputy.mo@knowsley.sample.invalid",
            "ceo@cumberland.sample.invalid", "leader@cumberland.sample.invalid");

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    String databaseUrl;
    TestDatabase postgres;
    ScriptedSmtpServer server;
    Map<String, String> mail;

    Run run(String... args) {
        return ServedWorkspace.run(databaseUrl, args);
    }

    /** Knowsley's contacts from the samples, Cumberland's, and Liverpool's with a monitoring officer's address that is a list. */
    @BeforeEach
    void approvedLettersAndAServer() throws Exception {
        if (databaseKind.equals("postgresql")) {
            postgres = TestDatabase.postgres();
            databaseUrl = postgres.url();
        } else {
            databaseUrl = "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        }
        server = new ScriptedSmtpServer();
        mail = Map.of("annual-review.mail.host", "127.0.0.1", "annual-review.mail.port", String.valueOf(server.port()),
                "annual-review.mail.starttls", "false", "annual-review.mail.attempts", "2", "annual-review.mail.first-retry-after-seconds", "0.05");
        mail.forEach(System::setProperty);
        try (Stream<Path> files = Files.list(Path.of("docs/samples"))) {
            assertThat(run(Stream.concat(Stream.of("import"), files.filter(f -> f.toString().endsWith(".csv")).sorted().map(Path::toString))
                    .toArray(String[]::new)).exitCode()).isZero();
        }
        assertThat(run("templates", "load", "--year", "2023-24", "templates/2023-24.md").exitCode()).isZero();
        assertThat(run("letters", "--year", "2023-24", "--out", directory.resolve("letters").toString()).exitCode()).isZero();
        assertThat(run("letters", "approve", "--year", "2023-24", "--by", "Pat Approver").exitCode()).isZero();
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement(
                "insert into contact (organisation_code, role, email, surname) values (?, ?, ?, 'Sample')")) {
            for (String[] contact : new String[][] {{LIVERPOOL, "chief-executive", "ceo@liverpool.sample.invalid"},
                    {LIVERPOOL, "monitoring-officer", "mo@x.example,x"}, {CUMBERLAND, "chief-executive", "ceo@cumberland.sample.invalid"},
                    {CUMBERLAND, "leader", "leader@cumberland.sample.invalid"}}) {
                for (int i = 0; i < 3; i++) {
                    insert.setString(i + 1, contact[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        mail.keySet().forEach(System::clearProperty);
        server.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    Connection connection() throws Exception {
        return DriverManager.getConnection(databaseUrl, databaseKind.equals("h2") ? "" : System.getProperty("user.name"), "");
    }

    List<String> states() throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = connection(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("select organisation_code, sending, state from letter_message order by organisation_code, sending")) {
            while (rs.next()) {
                states.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
            }
        }
        return states;
    }

    @Test
    void everyCouncilIsTriedAndTheRunEndsWithAReportWhoseExitCodeSaysWhetherAnythingFailed() throws Exception {
        server.dataAnswer = "554 5.7.1 Message refused";

        Run refused = run("send", "--year", "2023-24");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(4);
        assertThat(server.dataCommands()).as("one attempt each: a 5xx is not tried again").isEqualTo(2);
        assertThat(refused.out()).containsPattern("Liverpool City Council +bad address +monitoring officer: 'mo@x.example,x' is not one email address")
                .contains("0 sent, 2 failed, 0 unknown, ", "Failed (2): Cumberland Council; Knowsley Metropolitan Borough Council",
                        "Skipped, bad address (1): Liverpool City Council");

        server.dataAnswer = "354 End data with <CR><LF>.<CR><LF>";
        Run sent = run("send", "--year", "2023-24");

        assertThat(sent.exitCode()).as(sent.out() + sent.err()).isZero();
        assertThat(sent.out()).contains("2 sent, 0 failed, 0 unknown, ", "Skipped, bad address (1): Liverpool City Council")
                .doesNotContain("Failed (");
        assertThat(ADDRESSES).allSatisfy(address -> assertThat(server.receivedBy(address)).as(address).isEqualTo(1));
        assertThat(states()).containsExactly(CUMBERLAND + " 1 failed", CUMBERLAND + " 2 sent", KNOWSLEY + " 1 failed", KNOWSLEY + " 2 sent");
        try (Connection c = connection(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("select after_text from audit_event where action = 'send-letters' order by id")) {
            List<String> audited = new ArrayList<>();
            while (rs.next()) {
                audited.add(rs.getString(1));
            }
            assertThat(audited).hasSize(2);
            assertThat(audited.get(0)).startsWith("0 sent, 2 failed, 0 unknown, ");
            assertThat(audited.get(1)).startsWith("2 sent, 0 failed, 0 unknown, ");
        }
    }

    @Test
    void aLetterWhoseFateIsUnknownMakesTheExitCodeFourAndIsNotSentAgainWithoutResend() throws Exception {
        System.setProperty("annual-review.mail.timeout-seconds", "0.7");
        try {
            server.endDelay = Duration.ofMillis(2500);
            Run timedOut = run("send", "--year", "2023-24", "--organisation", "Knowsley");
            server.endDelay = Duration.ZERO;
            Run again = run("send", "--year", "2023-24", "--organisation", "Knowsley");
            Run resent = run("send", "--year", "2023-24", "--organisation", "Knowsley", "--resend");

            assertThat(timedOut.exitCode()).isEqualTo(4);
            assertThat(timedOut.out()).containsPattern("Knowsley Metropolitan Borough Council +unknown: may have been delivered")
                    .contains("0 sent, 0 failed, 1 unknown, 0 skipped.", "Unknown, may have been delivered, not sent again without --resend (1): "
                            + "Knowsley Metropolitan Borough Council");
            assertThat(again.exitCode()).isEqualTo(4);
            assertThat(again.out()).contains("0 sent, 0 failed, 1 unknown, 0 skipped.");
            assertThat(resent.exitCode()).isZero();
            assertThat(resent.out()).contains("1 sent, 0 failed, 0 unknown, 0 skipped.");
            assertThat(server.stored()).as("the first (stored, then answered too late) and the resend").hasSize(2);
        } finally {
            System.clearProperty("annual-review.mail.timeout-seconds");
        }
    }

    @Test
    void twoCommandsAtOnceSendEachRecipientOneCopyAndBothEndCleanly() throws Exception {
        // Two processes on one H2 file share it through the automatic server of the first, which ends with that process:
        // the other then fails to start or stops (exit code 3) before sending anything. Production is PostgreSQL.
        Assumptions.assumeTrue(databaseKind.equals("postgresql"), "two processes on one H2 file do not outlive the first (H2's automatic server)");
        server.endDelay = Duration.ofMillis(800);
        List<String> properties = new ArrayList<>();
        mail.forEach((key, value) -> properties.add("-D" + key + "=" + value));
        List<String> command = List.of("--database-url", databaseUrl, "send", "--year", "2023-24");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(org.annualreview.testing.OwnProcess.of(properties, command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("send-" + i + ".txt").toFile()).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the command ends").isTrue();
        }

        for (int i = 0; i < 2; i++) {
            String out = Files.readString(directory.resolve("send-" + i + ".txt"));
            assertThat(processes.get(i).exitValue()).as(out).isZero();
            assertThat(out).contains("0 failed, 0 unknown", "Skipped, bad address (1): Liverpool City Council");
        }
        String both = Files.readString(directory.resolve("send-0.txt")) + Files.readString(directory.resolve("send-1.txt"));
        System.out.println("Two send commands at once on " + databaseKind + ":\n" + both);
        assertThat(both.lines().filter(line -> line.matches("(Knowsley Metropolitan Borough Council|Cumberland Council) +sent .*")))
                .as("each letter sent by one command").hasSize(2);
        assertThat(ADDRESSES).allSatisfy(address -> assertThat(server.receivedBy(address)).as(address).isEqualTo(1));
        assertThat(states()).containsExactly(CUMBERLAND + " 1 sent", KNOWSLEY + " 1 sent");
    }
}
