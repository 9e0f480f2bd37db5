package org.annualreview.distribution;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.annualreview.letters.Letters;
import org.annualreview.organisations.Contact;
import org.annualreview.organisations.ContactRole;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends each council its approved Annual Review letter by email: to the chief executive, with copies to the
 * leader, the chair of scrutiny and every monitoring officer, the PDF attached, a plain-text and an HTML body.
 * Every message is recorded per recipient. Sending is idempotent: a letter already sent is not sent again unless
 * a resend is asked for. A transient failure is tried again with back-off; a permanent one is recorded and shown.
 */
public final class Distribution {

    /** What a run of sending does: only list (dry run), and whether letters already sent go again. */
    public record Options(boolean dryRun, boolean resend) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String EMAIL_TEMPLATE = "/distribution/email.md";
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true)
            .autoEscaping(false).newLineTrimming(false).build();

    /** How sending one message went: delivered or not, after how many attempts, and the last failure if any. */
    private record Tried(boolean delivered, int attempts, MailException failure) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Letters letters;
    private final Organisations organisations;
    private final MailSettings settings;
    private final JavaMailSenderImpl mail;
    private final Clock clock;
    private final String scheme;
    private final PebbleTemplate subjectTemplate;
    private final PebbleTemplate bodyTemplate;

    public Distribution(DataSource dataSource, Letters letters, Organisations organisations, MailSettings settings, Clock clock, String scheme) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        this.letters = letters;
        this.organisations = organisations;
        this.settings = settings;
        this.clock = clock;
        this.scheme = scheme;
        this.mail = new JavaMailSenderImpl();
        mail.setHost(settings.host());
        mail.setPort(settings.port());
        if (!settings.username().isBlank()) {
            mail.setUsername(settings.username());
            mail.setPassword(settings.password());
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        mail.setJavaMailProperties(properties);
        String source;
        try (var in = Distribution.class.getResourceAsStream(EMAIL_TEMPLATE)) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.subjectTemplate = ENGINE.getTemplate(source.substring("subject:".length(), source.indexOf('\n')).strip());
        this.bodyTemplate = ENGINE.getTemplate(source.substring(source.indexOf("---\n") + 4));
    }

    /** Sends (or, in a dry run, lists) the year's approved letters, of every council or of one. */
    public List<Delivery> send(ReportingYear year, Optional<String> organisation, Options options) {
        Optional<String> only = organisation.map(o -> organisations.find(o).code());
        List<String> approved = letters.approved(year);
        List<Delivery> deliveries = new ArrayList<>();
        List<String> codes = only.map(List::of).orElseGet(() -> letters.organisationsWithLetters(year));
        for (String code : codes) {
            String name = organisations.byCode(code).map(Organisation::name).orElse(code);
            if (!approved.contains(code)) {
                deliveries.add(new Delivery(code, name, Delivery.Outcome.NOT_APPROVED, List.of(), "", 0,
                        "its latest letter is not approved: ./annual-review letters approve --year " + year));
                continue;
            }
            List<Contact> contacts = organisations.contacts(code);
            Optional<Contact> chief = contacts.stream().filter(c -> c.role() == ContactRole.CHIEF_EXECUTIVE).findFirst();
            List<String> recipients = recipients(contacts);
            if (chief.isEmpty()) {
                deliveries.add(new Delivery(code, name, Delivery.Outcome.NO_CHIEF_EXECUTIVE, recipients, "", 0, "import its contacts"));
                continue;
            }
            int sent = sendings(code, year, "sent");
            if (sent > 0 && !options.resend()) {
                deliveries.add(lastSent(code, year, name, recipients));
                continue;
            }
            if (options.dryRun()) {
                deliveries.add(new Delivery(code, name, Delivery.Outcome.WOULD_SEND, recipients, "", 0, ""));
                continue;
            }
            deliveries.add(deliver(year, code, name, chief.get(), contacts, recipients));
        }
        return deliveries;
    }

    /** A letter whose latest message could not be delivered: which sending, after how many attempts, why, and when. */
    public record Failure(String organisationCode, String organisationName, int sending, int attempts, String error, java.time.Instant at) {
    }

    /**
     * The year's letters whose latest message failed, after every retry or refused for good: what staff must see and
     * put right (an address, the server) before sending again; a later sending that succeeds takes a letter off.
     */
    public List<Failure> failures(ReportingYear year) {
        return jdbc.query("""
                select d.organisation_code, d.sending, max(d.attempts) as attempts, max(d.error) as error, max(d.recorded_at) as recorded_at
                from delivery d
                where d.reporting_year = ? and d.outcome = 'failed'
                  and d.sending = (select max(x.sending) from delivery x
                                   where x.organisation_code = d.organisation_code and x.reporting_year = d.reporting_year)
                group by d.organisation_code, d.sending
                order by d.organisation_code""",
                (rs, n) -> new Failure(rs.getString("organisation_code"), organisations.byCode(rs.getString("organisation_code"))
                        .map(Organisation::name).orElse(rs.getString("organisation_code")), rs.getInt("sending"), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getString("error")).orElse(""), rs.getTimestamp("recorded_at").toInstant()),
                year.toString());
    }

    /** A short message to one address (a confirmation link, say): plain text and HTML from Markdown, tried like a letter. */
    public void sendNotice(String to, String subject, String markdown) {
        Tried tried = sendTrying(() -> {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(to);
                helper.setSubject(subject);
                text(helper, markdown);
                return message;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!tried.delivered()) {
            throw tried.failure();
        }
    }

    /** Sends one council's message, trying a transient failure again, and records it per recipient. */
    private Delivery deliver(ReportingYear year, String code, String name, Contact chief, List<Contact> contacts, List<String> recipients) {
        Letters.Letter letter = letters.latestByCode(code, year).orElseThrow();
        int sending = sendings(code, year, null) + 1;
        String messageId = "<annual-review." + year + "." + code + "." + sending + "." + UUID.randomUUID() + "@" + domain() + ">";
        Tried tried = sendTrying(() -> message(year, name, letter, chief, contacts, messageId));
        String error = tried.delivered() ? null : rootMessage(tried.failure());
        record(code, year, sending, letter.version(), contacts, messageId, tried.delivered(), tried.attempts(), error);
        return new Delivery(code, name, tried.delivered() ? Delivery.Outcome.SENT : Delivery.Outcome.FAILED, recipients, messageId,
                tried.attempts(), tried.delivered() ? "" : error);
    }

    /**
     * Sends a message, made afresh for each attempt; a transient failure is tried again after a wait that doubles
     * each time, up to the attempts set; a permanent one ends the trying.
     */
    private Tried sendTrying(java.util.function.Supplier<MimeMessage> message) {
        MailException failure = null;
        int attempt = 0;
        while (attempt < Math.max(1, settings.attempts())) {
            attempt++;
            try {
                mail.send(message.get());
                return new Tried(true, attempt, null);
            } catch (MailException e) {
                failure = e;
                if (permanent(e)) {
                    break;
                }
                if (attempt < settings.attempts()) {
                    pause(settings.firstRetryAfter().multipliedBy(1L << (attempt - 1)).toMillis());
                }
            }
        }
        return new Tried(false, attempt, failure);
    }

    private static List<String> recipients(List<Contact> contacts) {
        return contacts.stream().map(c -> c.email() + " (" + c.role().label().toLowerCase(Locale.UK) + ")").toList();
    }

    /** The plain text, and the HTML made from it as Markdown. */
    private static void text(MimeMessageHelper helper, String markdown) throws MessagingException {
        helper.setText(markdown, HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(markdown)));
    }

    private MimeMessage message(ReportingYear year, String name, Letters.Letter letter, Contact chief, List<Contact> contacts, String messageId) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(chief.email());
            helper.setCc(contacts.stream().filter(c -> c != chief).map(Contact::email).distinct().toArray(String[]::new));
            String[] email = email(year, name, chief);
            helper.setSubject(email[0]);
            text(helper, email[1]);
            helper.addAttachment(letter.organisationCode() + "-" + year + "-annual-review-letter.pdf", new ByteArrayResource(letter.pdf()),
                    "application/pdf");
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject and the Markdown body, from the email template. */
    private String[] email(ReportingYear year, String name, Contact chief) {
        Map<String, Object> fields = Map.of("organisation", name, "year", year.toString(),
                "yearEnd", String.valueOf(year.lastDay().getYear()), "scheme", scheme,
                "salutation", chief.salutation().orElse("Dear " + chief.shortName()),
                "publicationDate", letters.publicationDate(year).map(DAY::format).orElse("the publication date"));
        return new String[] {render(subjectTemplate, fields), render(bodyTemplate, fields)};
    }

    private static String render(PebbleTemplate template, Map<String, Object> fields) {
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void record(String code, ReportingYear year, int sending, int version, List<Contact> contacts, String messageId, boolean delivered,
            int attempts, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(status -> {
            for (Contact c : contacts.stream().collect(java.util.stream.Collectors.toMap(Contact::email, c -> c, (a, b) -> a,
                    java.util.LinkedHashMap::new)).values()) {
                jdbc.update("insert into delivery (organisation_code, reporting_year, sending, recipient, recipient_role, copy, letter_version,"
                        + " message_id, outcome, attempts, error, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        code, year.toString(), sending, c.email(), c.role().code(), c.role() != ContactRole.CHIEF_EXECUTIVE, version, messageId,
                        delivered ? "sent" : "failed", attempts, error == null ? null : error.substring(0, Math.min(error.length(), 2000)), now);
            }
        });
    }

    /** A letter already sent: when its latest delivered message went, to how many, with which message id. */
    private Delivery lastSent(String code, ReportingYear year, String name, List<String> recipients) {
        return jdbc.query("""
                select message_id, max(recorded_at) as recorded_at, count(*) as recipients, max(letter_version) as version
                from delivery
                where organisation_code = ? and reporting_year = ? and outcome = 'sent'
                  and sending = (select max(sending) from delivery where organisation_code = ? and reporting_year = ? and outcome = 'sent')
                group by message_id""", (rs, n) -> new Delivery(code, name, Delivery.Outcome.ALREADY_SENT, recipients, rs.getString("message_id"), 0,
                "version " + rs.getInt("version") + " sent " + SENT_AT.format(rs.getTimestamp("recorded_at").toInstant()) + " to "
                        + rs.getInt("recipients") + " recipients; a resend sends it again"),
                code, year.toString(), code, year.toString()).get(0);
    }

    private static final java.time.format.DateTimeFormatter SENT_AT = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    /** How many messages of the year were recorded for the organisation (of the outcome given, or all). */
    private int sendings(String code, ReportingYear year, String outcome) {
        Integer n = jdbc.queryForObject("select count(distinct sending) from delivery where organisation_code = ? and reporting_year = ?"
                + (outcome == null ? "" : " and outcome = ?"), Integer.class,
                outcome == null ? new Object[] {code, year.toString()} : new Object[] {code, year.toString(), outcome});
        return n == null ? 0 : n;
    }

    /** A refusal for good: the server answered 5xx, or an address is malformed. Anything else may pass on a later try. */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
            if (t instanceof jakarta.mail.internet.AddressException) {
                return true;
            }
            if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t.getCause()) {
                if (permanent(m.getNextException())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private String domain() {
        int at = settings.from().lastIndexOf('@');
        return at < 0 ? "annual-review.invalid" : settings.from().substring(at + 1).replace(">", "").strip();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
