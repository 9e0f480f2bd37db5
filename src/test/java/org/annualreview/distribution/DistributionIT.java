package org.annualreview.distribution;

import static org.annualreview.testing.MailText.plainText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.annualreview.imports.ImportProgress;
import org.annualreview.imports.Imports;
import org.annualreview.letters.LetterLayout;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;
import org.annualreview.testing.ScriptedSmtpServer;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * Sending the letters to a real SMTP server running inside the test (GreenMail), on H2 and on PostgreSQL: who
 * receives what, exactly once; a server that fails for a while; resending only when asked.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class DistributionIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    static final String KNOWSLEY = "E08000011";
    static final List<String> KNOWSLEY_CONTACTS = List.of("chief.executive@knowsley.sample.invalid", "leader@knowsley.sample.invalid",
            "scrutiny@knowsley.sample.invalid", "monitoring.officer@knowsley.sample.invalid", "deputy.mo@knowsley.sample.invalid");

    @Parameter
    String databaseKind;

    TestDatabase database;
    Letters letters;
    Organisations organisations;
    GreenMail smtp;
    int port;

    @BeforeEach
    void writeTheYearsLetters() throws Exception {
        database = TestDatabase.start(databaseKind);
        Statistics statistics = new Statistics(database.dataSource(), Clock.systemUTC());
        organisations = new Organisations(database.dataSource());
        letters = new Letters(database.dataSource(), statistics, organisations, Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("docs/samples"))) {
            samples = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(new Imports(database.dataSource(), event -> statistics.markAllStale()).importFiles(samples, Optional.empty(),
                ImportProgress.NONE).succeeded()).isTrue();
        letters.loadTemplate(YEAR, Path.of("templates/2023-24.md"));
        letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);
        port = org.annualreview.testing.ServedSite.freePort();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    Distribution distribution(int attempts, Duration firstRetryAfter) {
        return distribution(port, attempts, firstRetryAfter);
    }

    Distribution distribution(int port, int attempts, Duration firstRetryAfter) {
        return distribution(port, attempts, firstRetryAfter, Duration.ofSeconds(30));
    }

    Distribution distribution(int port, int attempts, Duration firstRetryAfter, Duration timeout) {
        return new Distribution(database.dataSource(), letters, organisations, new MailSettings("127.0.0.1", port, false, "", "",
                "Annual review <annual.review@ombudsman.example>", attempts, firstRetryAfter, timeout), Clock.systemUTC(),
                LetterLayout.DEFAULT_SCHEME);
    }

    /** Liverpool's and Cumberland's contacts, as the database holds them (Liverpool's monitoring officer given). */
    void contactsOfLiverpoolAndCumberland(String liverpoolMonitoringOfficer) {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        for (String[] c : new String[][] {{LIVERPOOL, "chief-executive", "ceo@liverpool.sample.invalid"},
                {LIVERPOOL, "monitoring-officer", liverpoolMonitoringOfficer}, {CUMBERLAND, "chief-executive", "ceo@cumberland.sample.invalid"},
                {CUMBERLAND, "leader", "leader@cumberland.sample.invalid"}}) {
            jdbc.update("insert into contact (organisation_code, role, email, surname) values (?, ?, ?, 'Sample')", (Object[]) c);
        }
    }

    static final String LIVERPOOL = "E08000012";
    static final String CUMBERLAND = "E06000063";
    static final List<String> EVERY_ADDRESS = java.util.stream.Stream.concat(KNOWSLEY_CONTACTS.stream(), Stream.of("ceo@liverpool.sample.invalid",
            "mo@liverpool.sample.invalid", "ceo@cumberland.sample.invalid", "leader@cumberland.sample.invalid")).toList();

    List<String> states() {
        return new JdbcTemplate(database.dataSource()).queryForList(
                "select organisation_code || ' ' || sending || ' ' || state from letter_message order by organisation_code, sending", String.class);
    }

    static final Distribution.Options SEND = new Distribution.Options(false, false);

    Delivery knowsley(List<Delivery> deliveries) {
        return deliveries.stream().filter(d -> d.organisationCode().equals(KNOWSLEY)).findFirst().orElseThrow();
    }

    /** How many messages each of Knowsley's contacts received. */
    List<Integer> receivedByEachContact() {
        return KNOWSLEY_CONTACTS.stream().map(address -> {
            var user = smtp.getUserManager().getUserByEmail(address);
            try {
                return user == null ? 0 : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }


    @Test
    void anApprovedLetterGoesToTheChiefExecutiveCopiedToLeaderScrutinyAndMonitoringOfficersOnceWithItsPdf() throws Exception {
        smtp.start();
        letters.approve(YEAR, Optional.empty(), "Pat Approver");

        Delivery sent = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(sent.outcome()).isEqualTo(Delivery.Outcome.SENT);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one copy for each of the five addresses").hasSize(5);
        MimeMessage message = received[0];
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString)).containsExactly(KNOWSLEY_CONTACTS.get(0));
        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.CC)).map(Address::toString))
                .containsExactlyInAnyOrderElementsOf(KNOWSLEY_CONTACTS.subList(1, 5));
        assertThat(message.getSubject()).isEqualTo("Annual Review letter 2023-24: Knowsley Metropolitan Borough Council");
        assertThat(message.getMessageID()).isEqualTo(sent.messageId());
        Multipart mixed = (Multipart) message.getContent();
        BodyPart pdf = null;
        String text = "";
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.isMimeType("application/pdf")) {
                pdf = part;
            } else {
                text = com.icegreen.greenmail.util.GreenMailUtil.getBody(part);
            }
        }
        assertThat(pdf).isNotNull();
        assertThat(pdf.getFileName()).isEqualTo("E08000011-2023-24-annual-review-letter.pdf");
        assertThat(new String(pdf.getInputStream().readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text).contains("Dear Mr Sample", "text/plain", "text/html", "24 July 2024");
        assertThat(plainText(message)).as("the plain text: words, no marks of Markdown (email.md makes the date bold)")
                .contains("Dear Mr Sample", "on 24 July 2024, on the").doesNotContain("**", "<");
        assertThat(new JdbcTemplate(database.dataSource()).queryForList(
                "select recipient from delivery where organisation_code = ? and outcome = 'sent' and sending = 1", String.class, KNOWSLEY))
                .containsExactlyInAnyOrderElementsOf(KNOWSLEY_CONTACTS);

        Delivery again = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));
        assertThat(again.outcome()).isEqualTo(Delivery.Outcome.ALREADY_SENT);
        assertThat(again.messageId()).as("the message that delivered it").isEqualTo(new JdbcTemplate(database.dataSource()).queryForObject(
                "select distinct message_id from delivery where organisation_code = ? and sending = 1", String.class, KNOWSLEY));
        assertThat(again.reason()).containsPattern("version \\d+ sent \\d+ \\w+ 20\\d\\d, \\d\\d:\\d\\d to 5 recipients");
        assertThat(receivedByEachContact()).as("nobody twice").containsExactly(1, 1, 1, 1, 1);

        Delivery resent = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.of("Knowsley"), new Distribution.Options(false, true)));
        assertThat(resent.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(receivedByEachContact()).as("a resend, asked for").containsExactly(2, 2, 2, 2, 2);
    }

    @Test
    void aLetterNotApprovedIsNotSentAndADryRunSendsNothing() throws Exception {
        smtp.start();

        assertThat(knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND)).outcome())
                .isEqualTo(Delivery.Outcome.NOT_APPROVED);
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        Delivery dry = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), new Distribution.Options(true, false)));

        assertThat(dry.outcome()).isEqualTo(Delivery.Outcome.WOULD_SEND);
        assertThat(dry.recipients()).hasSize(5).first().asString().startsWith("chief.executive@knowsley.sample.invalid (chief executive)");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from delivery", Integer.class)).isZero();
        assertThat(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND).stream()
                .filter(d -> !d.organisationCode().equals(KNOWSLEY)).map(Delivery::outcome)).containsOnly(Delivery.Outcome.NOT_APPROVED);
    }

    @Test
    void aLetterWrittenAgainAfterApprovalWaitsForApprovalOfTheNewVersion() throws Exception {
        smtp.start();
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        letters.setNote(YEAR, "Knowsley", "A paragraph added after approval.");
        letters.write(YEAR, Optional.of("Knowsley"), EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);

        assertThat(knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND)).outcome())
                .isEqualTo(Delivery.Outcome.NOT_APPROVED);
        assertThat(letters.approve(YEAR, Optional.of("Knowsley"), "Pat Approver")).isEqualTo(1);
        assertThat(knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND)).outcome()).isEqualTo(Delivery.Outcome.SENT);
    }

    @Test
    void aServerDownForAMomentIsTriedAgainWithBackOffAndEachPersonGetsTheLetterOnce() throws Exception {
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            smtp.start();
        });
        later.start();

        Delivery sent = knowsley(distribution(6, Duration.ofMillis(200)).send(YEAR, Optional.empty(), SEND));
        later.join();

        assertThat(sent.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(sent.attempts()).as("refused while down, then sent").isBetween(2, 6);
        assertThat(receivedByEachContact()).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void aServerThatStaysDownIsRecordedAsFailedAndTheNextRunDeliversTheLetterOnce() throws Exception {
        letters.approve(YEAR, Optional.empty(), "Pat Approver");

        Delivery failed = knowsley(distribution(2, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(failed.outcome()).isEqualTo(Delivery.Outcome.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.reason()).contains("Connect");
        assertThat(new JdbcTemplate(database.dataSource()).queryForList("select distinct outcome from delivery", String.class)).containsExactly("failed");
        List<Distribution.Failure> shown = distribution(2, Duration.ofMillis(50)).failures(YEAR);
        assertThat(shown).as("what staff are shown").extracting(Distribution.Failure::organisationCode).contains("E08000011");
        assertThat(shown.stream().filter(f -> f.organisationCode().equals("E08000011")).findFirst().orElseThrow().error()).contains("Connect");

        smtp.start();
        Delivery sent = knowsley(distribution(2, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(sent.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(distribution(2, Duration.ofMillis(50)).failures(YEAR)).as("delivered since").extracting(Distribution.Failure::organisationCode)
                .doesNotContain("E08000011");
        assertThat(receivedByEachContact()).containsExactly(1, 1, 1, 1, 1);
        assertThat(knowsley(distribution(2, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND)).outcome())
                .isEqualTo(Delivery.Outcome.ALREADY_SENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"550 5.1.1 No such recipient here", "554 5.7.1 Message refused"})
    void aRefusalForGoodIsTriedOnceRecordedAsFailedAndShown(String refusal) throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            if (refusal.startsWith("550")) {
                server.recipientAnswer = refusal;
            } else {
                server.dataAnswer = refusal;
            }

            Delivery refused = knowsley(distribution(server.port(), 3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

            assertThat(refused.outcome()).isEqualTo(Delivery.Outcome.FAILED);
            assertThat(refused.attempts()).as("a 5xx is not tried again").isEqualTo(1);
            assertThat(refused.reason()).contains(refusal.substring(0, 3));
            assertThat(server.stored()).isEmpty();
            assertThat(distribution(server.port(), 3, Duration.ofMillis(50)).failures(YEAR)).extracting(Distribution.Failure::attempts)
                    .containsExactly(1);
        }
    }

    @Test
    void twoRunsRacingSendEachRecipientExactlyOneCopyAndBothEndCleanly() throws Exception {
        contactsOfLiverpoolAndCumberland("mo@liverpool.sample.invalid");
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.endDelay = Duration.ofMillis(300);   // each message takes a while: the two runs overlap
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<List<Delivery>> run = () -> {
                Distribution distribution = distribution(server.port(), 3, Duration.ofMillis(50));
                start.await();
                return distribution.send(YEAR, Optional.empty(), SEND);
            };
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(run);
                var second = pool.submit(run);
                List<Delivery> both = Stream.concat(first.get().stream(), second.get().stream()).toList();

                assertThat(both.stream().filter(d -> d.outcome() == Delivery.Outcome.SENT).map(Delivery::organisationCode))
                        .as("each council's letter sent by one run").containsExactlyInAnyOrder(KNOWSLEY, LIVERPOOL, CUMBERLAND);
                assertThat(both.stream().filter(d -> List.of(KNOWSLEY, LIVERPOOL, CUMBERLAND).contains(d.organisationCode()))
                        .filter(d -> d.outcome() != Delivery.Outcome.SENT).map(Delivery::outcome))
                        .as("and skipped by the other").hasSize(3).allMatch(o -> o == Delivery.Outcome.BEING_SENT || o == Delivery.Outcome.ALREADY_SENT);
                assertThat(new SendReport(first.get()).clean()).isTrue();
                assertThat(new SendReport(second.get()).clean()).isTrue();
                assertThat(both.stream().map(Delivery::outcome)).as("at least once the runs met").contains(Delivery.Outcome.BEING_SENT);
            } finally {
                pool.shutdownNow();
            }
            assertThat(EVERY_ADDRESS).allSatisfy(address -> assertThat(server.receivedBy(address)).as(address).isEqualTo(1));
            assertThat(states()).containsExactly(CUMBERLAND + " 1 sent", KNOWSLEY + " 1 sent", LIVERPOOL + " 1 sent");
        }
    }

    @Test
    void aServerThatAnswersAfterTheTimeoutLeavesTheLetterUnknownNotSentAgainUntilResent() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.endDelay = Duration.ofMillis(2500);   // stored at once, 250 after the client has given up
            Distribution impatient = distribution(server.port(), 3, Duration.ofMillis(50), Duration.ofMillis(700));

            Delivery unknown = knowsley(impatient.send(YEAR, Optional.empty(), SEND));

            assertThat(unknown.outcome()).isEqualTo(Delivery.Outcome.UNKNOWN);
            assertThat(unknown.attempts()).as("not tried again: it may have arrived").isEqualTo(1);
            assertThat(unknown.reason()).contains("SocketTimeoutException", "may have stored it");
            assertThat(server.stored()).hasSize(1);
            assertThat(states()).containsExactly(KNOWSLEY + " 1 unknown");
            assertThat(new JdbcTemplate(database.dataSource()).queryForList("select distinct outcome from delivery", String.class))
                    .containsExactly("unknown");
            assertThat(impatient.unknown(YEAR)).extracting(Distribution.Failure::organisationCode).containsExactly(KNOWSLEY);
            assertThat(impatient.failures(YEAR)).isEmpty();
            assertThat(new SendReport(List.of(unknown)).clean()).isFalse();

            server.endDelay = Duration.ZERO;
            Delivery next = knowsley(impatient.send(YEAR, Optional.empty(), SEND));
            assertThat(next.outcome()).as("a following send").isEqualTo(Delivery.Outcome.UNKNOWN);
            assertThat(next.reason()).contains("sending 1", "resend only if it did not");
            assertThat(server.stored()).as("nothing sent").hasSize(1);

            Delivery resent = knowsley(impatient.send(YEAR, Optional.of(KNOWSLEY), new Distribution.Options(false, true)));
            assertThat(resent.outcome()).isEqualTo(Delivery.Outcome.SENT);
            assertThat(server.stored()).as("sent again because staff asked").hasSize(2);
            assertThat(states()).containsExactly(KNOWSLEY + " 1 unknown", KNOWSLEY + " 2 sent");
            assertThat(impatient.unknown(YEAR)).isEmpty();
        }
    }

    void claim(String state, String claimedBy, java.time.Instant at) {
        new JdbcTemplate(database.dataSource()).update("insert into letter_message (organisation_code, reporting_year, sending, letter_version,"
                + " message_id, state, claimed_by, claimed_at, attempts) values (?, '2023-24', 1, 1, '<one@test>', ?, ?, ?, 0)", KNOWSLEY, state,
                claimedBy, java.sql.Timestamp.from(at));
    }

    /** A claimant as a run names itself, of a process of this machine that has ended: "4242@host". */
    static String goneProcessOfThisMachine() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid() + "@" + java.net.InetAddress.getLocalHost().getHostName();
    }

    @Test
    void aClaimShortOfItsEndIsBeingSentByAnotherRunAndOnceItsRunIsLongGoneIsSentAgain() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        smtp.start();
        claim("claimed", "4242@elsewhere", java.time.Instant.now().minusSeconds(5));

        Delivery skipped = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));
        Delivery notResent = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.of(KNOWSLEY), new Distribution.Options(false, true)));

        assertThat(skipped.outcome()).isEqualTo(Delivery.Outcome.BEING_SENT);
        assertThat(skipped.reason()).contains("4242@elsewhere");
        assertThat(notResent.outcome()).as("not even by a resend").isEqualTo(Delivery.Outcome.BEING_SENT);
        assertThat(new SendReport(List.of(skipped)).clean()).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        new JdbcTemplate(database.dataSource()).update("update letter_message set claimed_at = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(1))));
        assertThat(distribution(3, Duration.ofMillis(50)).failures(YEAR)).as("shown to staff as not sent").singleElement()
                .satisfies(f -> assertThat(f.error()).contains("4242@elsewhere", "stopped before the end of the message"));
        Delivery sent = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(sent.outcome()).as("its end never went: known not sent, so sent").isEqualTo(Delivery.Outcome.SENT);
        assertThat(states()).containsExactly(KNOWSLEY + " 1 failed", KNOWSLEY + " 2 sent");
        assertThat(receivedByEachContact()).containsOnly(1);
        assertThat(distribution(3, Duration.ofMillis(50)).failures(YEAR)).isEmpty();
    }

    @Test
    void aClaimPastItsEndWhoseRunIsLongGoneIsUnknownAndNotSentAgain() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        smtp.start();
        claim("ending", "4242@elsewhere", java.time.Instant.now().minus(Duration.ofDays(1)));

        Delivery stopped = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(stopped.outcome()).isEqualTo(Delivery.Outcome.UNKNOWN);
        assertThat(stopped.reason()).contains("4242@elsewhere", "stopped after the end of the message");
        assertThat(distribution(3, Duration.ofMillis(50)).unknown(YEAR)).extracting(Distribution.Failure::organisationCode).containsExactly(KNOWSLEY);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(states()).as("recorded unknown by the run that found it").containsExactly(KNOWSLEY + " 1 unknown");
    }

    @Test
    void aClaimPastItsEndOfAProcessOfThisMachineThatHasEndedIsShownUnknownAtOnceAndNotSentAgain() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        smtp.start();
        claim("ending", goneProcessOfThisMachine(), java.time.Instant.now());
        Distribution distribution = distribution(3, Duration.ofMillis(50));
        assertThat(distribution.unknown(YEAR)).as("a recent claim: not listed by its age alone").isEmpty();

        Delivery found = knowsley(distribution.send(YEAR, Optional.empty(), SEND));

        assertThat(found.outcome()).isEqualTo(Delivery.Outcome.UNKNOWN);
        assertThat(distribution.unknown(YEAR)).as("listed for staff at once").extracting(Distribution.Failure::error)
                .singleElement().asString().contains("stopped after the end of the message");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(states()).containsExactly(KNOWSLEY + " 1 unknown");
    }

    @Test
    void aClaimOfAProcessOfThisMachineThatHasEndedIsSentAgainAtOnce() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        smtp.start();
        claim("claimed", goneProcessOfThisMachine(), java.time.Instant.now());

        Delivery sent = knowsley(distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND));

        assertThat(sent.outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(states()).containsExactly(KNOWSLEY + " 1 failed", KNOWSLEY + " 2 sent");
        assertThat(receivedByEachContact()).containsOnly(1);
    }

    @Test
    void aRunWhoseClaimIsTakenOverWhileItSendsDropsTheMessageBeforeItsEndSoEachRecipientGetsOne() throws Exception {
        letters.approve(YEAR, Optional.of(KNOWSLEY), "Pat Approver");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            server.dataDelay = Duration.ofMillis(2500);   // the first run waits on DATA while the job is taken over
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var first = pool.submit(() -> distribution(server.port(), 3, Duration.ofMillis(50)).send(YEAR, Optional.empty(),
                        new Distribution.Options(false, false, Optional.of(new Distribution.JobRun("job-1", 1)))));
                for (int i = 0; i < 200 && server.dataCommands() == 0; i++) {
                    Thread.sleep(25);
                }
                assertThat(server.dataCommands()).as("the first run reached DATA").isEqualTo(1);
                server.dataDelay = Duration.ZERO;
                // the job begun again (its first node taken for dead): the first run's claim is taken over
                Delivery second = knowsley(distribution(server.port(), 3, Duration.ofMillis(50)).send(YEAR, Optional.empty(),
                        new Distribution.Options(false, false, Optional.of(new Distribution.JobRun("job-1", 2)))));
                Delivery withdrawn = knowsley(first.get());

                assertThat(second.outcome()).isEqualTo(Delivery.Outcome.SENT);
                assertThat(withdrawn.outcome()).as("the first run, still alive, sent nothing").isEqualTo(Delivery.Outcome.BEING_SENT);
                assertThat(withdrawn.reason()).contains("taken over by another run");
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.dataCommands()).as("both runs got as far as the message").isEqualTo(2);
            assertThat(KNOWSLEY_CONTACTS).allSatisfy(address -> assertThat(server.receivedBy(address)).as(address).isEqualTo(1));
            assertThat(states()).containsExactly(KNOWSLEY + " 1 failed", KNOWSLEY + " 2 sent");
        }
    }

    @Test
    void aBadAddressInTheDatabaseSkipsThatCouncilWithTheReasonAndTheOthersAreSent() throws Exception {
        contactsOfLiverpoolAndCumberland("mo@x.example,x");
        letters.approve(YEAR, Optional.empty(), "Pat Approver");
        smtp.start();

        List<Delivery> deliveries = distribution(3, Duration.ofMillis(50)).send(YEAR, Optional.empty(), SEND);

        Delivery liverpool = deliveries.stream().filter(d -> d.organisationCode().equals(LIVERPOOL)).findFirst().orElseThrow();
        assertThat(liverpool.outcome()).isEqualTo(Delivery.Outcome.BAD_ADDRESS);
        assertThat(liverpool.reason()).contains("monitoring officer: 'mo@x.example,x' is not one email address");
        assertThat(deliveries.stream().filter(d -> d.outcome() == Delivery.Outcome.SENT).map(Delivery::organisationCode))
                .containsExactlyInAnyOrder(KNOWSLEY, CUMBERLAND);
        SendReport report = new SendReport(deliveries);
        assertThat(report.count(Delivery.Group.SENT)).isEqualTo(2);
        assertThat(report.count(Delivery.Group.FAILED)).isZero();
        assertThat(report.clean()).isTrue();
        assertThat(report.lines()).contains("Skipped, bad address (1): Liverpool City Council");
        assertThat(report.lines().get(0)).startsWith("2 sent, 0 failed, 0 unknown, " + (deliveries.size() - 2) + " skipped");
        assertThat(smtp.getReceivedMessages()).hasSize(KNOWSLEY_CONTACTS.size() + 2);
        assertThat(states()).containsExactly(CUMBERLAND + " 1 sent", KNOWSLEY + " 1 sent");
    }
}
