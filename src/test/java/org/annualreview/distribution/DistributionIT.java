package org.annualreview.distribution;

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
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
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
        return new Distribution(database.dataSource(), letters, organisations, new MailSettings("127.0.0.1", port, false, "", "",
                "Annual review <annual.review@ombudsman.example>", attempts, firstRetryAfter), Clock.systemUTC(), LetterLayout.DEFAULT_SCHEME);
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
}
