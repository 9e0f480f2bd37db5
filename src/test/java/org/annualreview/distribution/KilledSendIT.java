package org.annualreview.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.annualreview.imports.ImportProgress;
import org.annualreview.imports.Imports;
import org.annualreview.letters.LetterLayout;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;
import org.annualreview.testing.CommandProcess;
import org.annualreview.testing.H2File;
import org.annualreview.testing.ServedSite;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.ServedWorkspace.Run;
import org.annualreview.testing.SlowRelay;
import org.annualreview.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * A `send` killed with SIGKILL (kill -9: the process ends at once, closing nothing) part-way, on an H2 file database
 * (the application's own settings) and on PostgreSQL: the database opens, the next `send` (a process of its own)
 * finishes, and every recipient has each council's letter exactly once. The letter the killed run had claimed, its
 * message not ended, is known not sent (its run is a process of this machine that is gone) and goes with the next
 * run. The killed run sends through a slow mail relay, so that it can be killed while a letter waits for the server.
 * Killed the moment its first letter arrived, the run leaves that letter sent, or of unknown fate (its end went, its
 * answer was not recorded): never claimed only, which would send it twice. That failed on H2 before the end gate
 * made its record reach the file (H2 writes commits to it up to half a second late), three times in three.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class KilledSendIT {

    static final String YEAR = "2023-24";
    /** Liverpool's and Cumberland's chief executives, besides Knowsley's five contacts of docs/samples. */
    static final String CONTACTS = """
            organisation_code,role,title,given_name,surname,job_title,salutation,email
            E08000012,chief executive,Ms,Jo,Pool,Chief Executive,Dear Ms Pool,chief.executive@liverpool.sample.invalid
            E06000063,chief executive,Mr,Cam,Berland,Chief Executive,Dear Mr Berland,chief.executive@cumberland.sample.invalid
            """;
    /** How long the relay holds each connection of the killed run before the mail server greets it. */
    static final long RELAY_WAIT_MILLIS = 4_000;

    /** A council whose letter is sent, and to how many recipients. */
    record Council(String code, String name, int recipients) {
        String subject() {
            return "Annual Review letter " + YEAR + ": " + name;
        }
    }

    /** In the order they are sent (by code): three letters, seven recipients. */
    static final List<Council> COUNCILS = List.of(new Council("E06000063", "Cumberland Council", 1),
            new Council("E08000011", "Knowsley Metropolitan Borough Council", 5), new Council("E08000012", "Liverpool City Council", 1));

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    String url;
    TestDatabase postgres;
    GreenMail smtp;

    /** The samples' records and contacts, the year's letters written from our template and approved, a mail server. */
    @BeforeEach
    void approvedLettersAndAMailServer() throws Exception {
        if (databaseKind.equals("postgresql")) {
            postgres = TestDatabase.postgres();
            url = postgres.url();
        } else {
            url = H2File.url(directory.resolve("db"));
        }
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("docs/samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        Path contacts = Files.writeString(directory.resolve("contacts.csv"), CONTACTS);
        opened(database -> {
            Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
            Statistics statistics = new Statistics(database, Clock.systemUTC());
            Imports imports = new Imports(database, event -> statistics.markAllStale());
            for (List<Path> files : List.of(samples, List.of(contacts))) {
                assertThat(imports.importFiles(files, Optional.empty(), ImportProgress.NONE).succeeded()).as("imported %s", files).isTrue();
            }
            Letters letters = new Letters(database, statistics, new Organisations(database), Clock.systemUTC(),
                    LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
            ReportingYear year = ReportingYear.parse(YEAR);
            letters.loadTemplate(year, Path.of("templates/2023-24.md"));
            letters.write(year, Optional.empty(), EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);
            return letters.approve(year, Optional.empty(), "Pat Approver");
        });
        smtp = new GreenMail(new ServerSetup(ServedSite.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aSendKilledWhileALetterWaitsForTheMailServerIsFinishedByTheNextSendEveryRecipientGettingEachLetterOnce() throws Exception {
        try (SlowRelay relay = new SlowRelay(smtp.getSmtp().getPort(), RELAY_WAIT_MILLIS);
                CommandProcess killed = CommandProcess.start(url, mailThrough(relay.port()), List.of("send", "--year", YEAR))) {
            assertThat(smtp.waitForIncomingEmail(90_000, 1)).as(() -> "the first letter, through the slow relay:\n" + output(killed)).isTrue();
            // the next letter is claimed, its message held at the relay: killed now, it is known not sent
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (latestStates().values().stream().noneMatch("claimed"::equals)) {
                assertThat(smtp.getReceivedMessages()).as("the second letter is claimed before it can arrive").hasSize(1);
                assertThat(System.nanoTime()).as(() -> "the second letter claimed within a minute:\n" + output(killed)).isLessThan(deadline);
                Thread.sleep(20);
            }
            // H2 writes commits to its file up to half a second late (WRITE_DELAY): the claim, and the first letter's
            // outcome before it, are given the time to be there, well within the relay's wait
            Thread.sleep(1_000);
            assertThat(smtp.getReceivedMessages()).as("the second letter still held at the relay").hasSize(1);
            killed.kill();
        }
        assertThat(smtp.getReceivedMessages()).as("nothing more arrived").hasSize(1);
        Map<String, String> atTheKill = opened(KilledSendIT::latestStates);
        assertThat(atTheKill).as("each letter's latest message when the run was killed").isEqualTo(Map.of(COUNCILS.get(0).code(), "sent",
                COUNCILS.get(1).code(), "claimed"));

        sendAgainAndExpectEveryLetterOnce();

        List<String> claimed = opened(database -> new JdbcTemplate(database).queryForList("select state from letter_message"
                + " where organisation_code = ? order by sending", String.class, COUNCILS.get(1).code()));
        assertThat(claimed).as("the letter claimed when the run was killed: not sent, then sent by the next run").containsExactly("failed", "sent");
    }

    @Test
    void aSendKilledAsItsFirstLetterArrivedIsFinishedByTheNextSendNoLetterSentTwice() throws Exception {
        try (SlowRelay relay = new SlowRelay(smtp.getSmtp().getPort(), RELAY_WAIT_MILLIS);
                CommandProcess killed = CommandProcess.start(url, mailThrough(relay.port()), List.of("send", "--year", YEAR))) {
            assertThat(smtp.waitForIncomingEmail(90_000, 1)).as(() -> "the first letter, through the slow relay:\n" + output(killed)).isTrue();
            killed.kill();
        }
        // killed before its answer was recorded, the first letter is of unknown fate ('ending'), else sent; the next may be claimed
        Map<String, String> atTheKill = opened(KilledSendIT::latestStates);
        assertThat(atTheKill.get(COUNCILS.get(0).code())).as("the first letter when the run was killed").isIn("sent", "ending");
        assertThat(atTheKill).as("each letter's latest message when the run was killed").hasSizeLessThanOrEqualTo(2)
                .allSatisfy((code, state) -> assertThat(state).isIn(code.equals(COUNCILS.get(0).code()) ? List.of("sent", "ending")
                        : List.of("claimed")));

        sendAgainAndExpectEveryLetterOnce();
    }

    /**
     * A second `send`, straight to the mail server, finishes; every recipient has each council's letter exactly once,
     * one message a council. A letter whose run died between the end of its message and recording the answer is of
     * unknown fate and not sent again: it arrived at most once (and the second run's exit code says a letter is unknown).
     */
    private void sendAgainAndExpectEveryLetterOnce() throws Exception {
        CommandProcess.Ended second;
        try (CommandProcess again = CommandProcess.start(url, mailThrough(smtp.getSmtp().getPort()), List.of("send", "--year", YEAR))) {
            second = again.end();
        }
        Map<String, String> latest = opened(KilledSendIT::latestStates);
        List<String> unknown = COUNCILS.stream().filter(c -> List.of("ending", "unknown").contains(latest.get(c.code()))).map(Council::name).toList();
        assertThat(unknown).as("letters of unknown fate: the run killed between a message's end and its answer").hasSizeLessThanOrEqualTo(1);
        assertThat(second.exitCode()).as("the second send:\n%s", second.output()).isEqualTo(unknown.isEmpty() ? 0 : 4);

        // GreenMail keeps a copy per recipient: each council's letter must be one message, its copies one per recipient
        Map<String, List<String>> messageIds = Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(KilledSendIT::subject,
                Collectors.mapping(KilledSendIT::messageId, Collectors.toList())));
        for (Council council : COUNCILS) {
            List<String> copies = messageIds.getOrDefault(council.subject(), List.of());
            if (unknown.contains(council.name())) {
                assertThat(copies.stream().distinct().count()).as("messages of %s, of unknown fate", council.name()).isLessThanOrEqualTo(1);
                assertThat(copies.size()).as("copies of %s's letter, of unknown fate", council.name()).isIn(0, council.recipients());
            } else {
                assertThat(latest.get(council.code())).as("%s's letter", council.name()).isEqualTo("sent");
                assertThat(copies.stream().distinct().count()).as("messages of %s", council.name()).isEqualTo(1);
                assertThat(copies).as("copies of %s's letter, one per recipient", council.name()).hasSize(council.recipients());
            }
        }
        assertThat(messageIds.keySet()).as("only the councils' letters").isSubsetOf(COUNCILS.stream().map(Council::subject).toList());
        Run dryRun = ServedWorkspace.run(url, "send", "--year", YEAR, "--dry-run");
        assertThat(dryRun.out()).contains("0 would be sent.").doesNotContain("being sent by another run");
    }

    /** The state of each letter's latest message (sending), by council code, read through a plain connection. */
    private Map<String, String> latestStates() throws SQLException {
        try (Connection connection = postgres != null ? postgres.dataSource().getConnection() : DriverManager.getConnection(url, "", "")) {
            return latestStates(new SingleConnectionDataSource(connection, true));
        }
    }

    private static Map<String, String> latestStates(DataSource database) {
        return new JdbcTemplate(database).query("""
                select organisation_code, state from letter_message m where reporting_year = ?
                and sending = (select max(x.sending) from letter_message x where x.organisation_code = m.organisation_code
                               and x.reporting_year = m.reporting_year)""", rs -> {
            Map<String, String> states = new TreeMap<>();
            while (rs.next()) {
                states.put(rs.getString(1), rs.getString(2));
            }
            return states;
        }, YEAR);
    }

    /** What {@code reading} finds in the database opened afresh: on H2 a new open of the file (closed with a SHUTDOWN). */
    private <T> T opened(Function<DataSource, T> reading) throws SQLException {
        if (postgres != null) {
            return reading.apply(postgres.dataSource());
        }
        try (H2File file = new H2File(url)) {
            return reading.apply(file.dataSource());
        }
    }

    private static String output(CommandProcess process) {
        try {
            return process.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The environment that points a `send` at a mail server on this machine, without TLS. */
    private static Map<String, String> mailThrough(int port) {
        return Map.of("ANNUAL_REVIEW_MAIL_HOST", "127.0.0.1", "ANNUAL_REVIEW_MAIL_PORT", String.valueOf(port), "ANNUAL_REVIEW_MAIL_STARTTLS",
                "false");
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getHeader("Message-ID")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

}
