package org.annualreview.distribution;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.annualreview.shared.EmailAddress;
import org.annualreview.shared.ReportingYear;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.support.TransactionTemplate;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends each council its approved Annual Review letter by email: to the chief executive, with copies to the leader,
 * the chair of scrutiny and every monitoring officer, the PDF attached, a plain-text and an HTML body.
 *
 * <p>Exactly once, by the database: each message (a council, a year, a sending) is claimed with a row of its own,
 * committed before the message goes to the mail server, that only one run can insert; a run that loses the claim
 * skips the letter ("being sent by another run"). The claim then records the outcome: sent, failed (refused for good
 * with a 5xx, or every try of a transient failure used), or unknown (the connection was lost or timed out after the
 * end of the message: the server may have stored it). A letter sent, or of unknown fate, is not sent again unless a
 * resend is asked for; a failed one is sent by the next run. Every council is tried: one council's problem (a bad
 * address, a refusal) is its own line of the report.
 */
public final class Distribution {

    /**
     * What a run of sending does: only list (dry run), whether letters already sent (or of unknown fate) go again, and
     * the job it runs for, if it is one.
     */
    public record Options(boolean dryRun, boolean resend, Optional<JobRun> job) {
        public Options(boolean dryRun, boolean resend) {
            this(dryRun, resend, Optional.empty());
        }
    }

    /** A run of a sending job: the job, and which time a node began it (more than the first after a node running it died). */
    public record JobRun(String jobId, int attempt) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final String EMAIL_TEMPLATE = "/distribution/email.md";
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder().loader(new StringLoader()).strictVariables(true)
            .autoEscaping(false).newLineTrimming(false).build();
    private static final String HOST = hostName();
    /** This process on this machine, as a claim names it. */
    private static final String PROCESS = ProcessHandle.current().pid() + "@" + HOST;
    /** The process named at the end of a claimant: "4242@host", or "job … attempt 2 (4242@host)". */
    private static final java.util.regex.Pattern CLAIMANT_PROCESS = java.util.regex.Pattern.compile("(?:^|\\()(\\d+)@([^()\\s]+)\\)?$");

    /** How sending one message went: its fate, after how many attempts, and what the server said if it was not sent. */
    private record Tried(Smtp.Fate fate, int attempts, String error) {
        String state() {
            return switch (fate) {
                case SENT -> "sent";
                case UNKNOWN -> "unknown";
                case REFUSED, TRANSIENT, WITHDRAWN -> "failed";
            };
        }
    }

    /** The latest message of a letter as its claim records it. */
    private record Latest(int sending, String state, Instant claimedAt, String claimedBy, String messageId, int attempts, String error,
            Optional<Instant> finishedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Letters letters;
    private final Organisations organisations;
    private final MailSettings settings;
    private final JavaMailSenderImpl mail;
    private final Smtp smtp;
    private final Clock clock;
    private final String scheme;
    private final PebbleTemplate subjectTemplate;
    private final PebbleTemplate bodyTemplate;
    private volatile Boolean embedded;

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
        properties.put("mail.smtp.connectiontimeout", String.valueOf(MailSettings.CONNECTION_TIMEOUT.toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        mail.setJavaMailProperties(properties);
        this.smtp = new Smtp(mail.getSession(), settings);
        String source;
        try (var in = Distribution.class.getResourceAsStream(EMAIL_TEMPLATE)) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.subjectTemplate = ENGINE.getTemplate(source.substring("subject:".length(), source.indexOf('\n')).strip());
        this.bodyTemplate = ENGINE.getTemplate(source.substring(source.indexOf("---\n") + 4));
    }

    /**
     * Sends (or, in a dry run, lists) the year's approved letters, of every council or of one. Every council is tried;
     * what became of each is in the list, in the order tried.
     */
    public List<Delivery> send(ReportingYear year, Optional<String> organisation, Options options) {
        Optional<String> only = organisation.map(o -> organisations.find(o).code());
        List<String> approved = letters.approved(year);
        List<Delivery> deliveries = new ArrayList<>();
        List<String> codes = only.map(List::of).orElseGet(() -> letters.organisationsWithLetters(year));
        for (String code : codes) {
            String name = organisations.byCode(code).map(Organisation::name).orElse(code);
            try {
                deliveries.add(sendOne(year, code, name, approved.contains(code), options));
            } catch (RuntimeException e) {
                // nothing was claimed, or sendOne says so itself: this council's letter was not sent, the others go on
                deliveries.add(new Delivery(code, name, Delivery.Outcome.FAILED, List.of(), "", 0, "not sent: " + Smtp.describe(e)));
            }
        }
        return deliveries;
    }

    private Delivery sendOne(ReportingYear year, String code, String name, boolean approved, Options options) {
        if (!approved) {
            return new Delivery(code, name, Delivery.Outcome.NOT_APPROVED, List.of(), "", 0,
                    "its latest letter is not approved: approve it before sending");
        }
        List<Contact> contacts = organisations.contacts(code);
        Optional<Contact> chief = contacts.stream().filter(c -> c.role() == ContactRole.CHIEF_EXECUTIVE).findFirst();
        List<String> recipients = recipients(contacts);
        if (chief.isEmpty()) {
            return new Delivery(code, name, Delivery.Outcome.NO_CHIEF_EXECUTIVE, recipients, "", 0, "import its contacts");
        }
        Optional<Latest> latest = latest(code, year);
        String state = latest.map(l -> state(l, options)).orElse("none");
        if (state.equals("claimed")) {
            return beingSent(code, name, recipients, latest.get());
        }
        if (state.equals("sent") && !options.resend()) {
            return lastSent(code, year, name, recipients);
        }
        if (state.equals("unknown") && latest.get().state().equals("ending") && !options.dryRun()) {
            recordUnknown(code, year, latest.get());   // so that staff see it at once, not once the claim is old
        }
        if (state.equals("unknown") && !options.resend()) {
            return unknown(code, name, recipients, latest.get());
        }
        List<String> bad = contacts.stream().flatMap(c -> EmailAddress.problem(c.email())
                .map(problem -> c.role().label().toLowerCase(Locale.UK) + ": " + problem).stream()).toList();
        if (!bad.isEmpty()) {
            return new Delivery(code, name, Delivery.Outcome.BAD_ADDRESS, recipients, "", 0, String.join("; ", bad)
                    + " (put the contact right, then send again)");
        }
        if (options.dryRun()) {
            return new Delivery(code, name, Delivery.Outcome.WOULD_SEND, recipients, "", 0, "");
        }
        if (state.equals("abandoned") && !abandon(code, year, latest.get())) {
            // another run moved the claim first: it took the claim over, or the run that made it has recorded an outcome after all
            return latest(code, year).map(l -> beingSent(code, name, recipients, l))
                    .orElseThrow(() -> new IllegalStateException("the claim of " + code + " went away"));
        }
        return deliver(year, code, name, chief.get(), contacts, recipients, latest.map(Latest::sending).orElse(0) + 1, claimant(options));
    }

    /**
     * Records that a claim whose run stopped before the end of its message never sent it (failed, with why), so that
     * this run sends the letter as the next sending. Only a claim still short of its end is taken: the run that made
     * it, were it still alive, would find its claim gone at the end gate and drop the message, so one of the two
     * sends it, never both. False if the claim had moved on.
     */
    private boolean abandon(String code, ReportingYear year, Latest claim) {
        Timestamp now = Timestamp.from(clock.instant());
        String error = "not sent: " + abandoned(claim.claimedBy());
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int taken = jdbc.update("""
                    update letter_message set state = 'failed', error = ?, finished_at = ?
                    where organisation_code = ? and reporting_year = ? and sending = ? and state = 'claimed' and claimed_by = ?""",
                    error, now, code, year.toString(), claim.sending(), claim.claimedBy());
            if (taken == 1) {
                jdbc.update("update delivery set outcome = 'failed', error = ?, recorded_at = ? where organisation_code = ? and reporting_year = ?"
                        + " and sending = ?", error, now, code, year.toString(), claim.sending());
            }
            return taken == 1;
        }));
    }

    /** Records as unknown a message whose run stopped after its end went to the mail server: the server may have stored it. */
    private void recordUnknown(String code, ReportingYear year, Latest claim) {
        Timestamp now = Timestamp.from(clock.instant());
        String error = ended(claim.claimedBy());
        transaction.executeWithoutResult(status -> {
            if (jdbc.update("""
                    update letter_message set state = 'unknown', error = ?, finished_at = ?
                    where organisation_code = ? and reporting_year = ? and sending = ? and state = 'ending' and claimed_by = ?""",
                    error, now, code, year.toString(), claim.sending(), claim.claimedBy()) == 1) {
                jdbc.update("update delivery set outcome = 'unknown', error = ?, recorded_at = ? where organisation_code = ? and reporting_year = ?"
                        + " and sending = ?", error, now, code, year.toString(), claim.sending());
            }
        });
    }

    /** Who claims a message in this run: the process, and the job's run if it is one. */
    private static String claimant(Options options) {
        return options.job().map(j -> "job " + j.jobId() + " attempt " + j.attempt() + " (" + PROCESS + ")").orElse(PROCESS);
    }

    /**
     * Whether the run named by a claim is known to have stopped: an earlier run of this job (a job is begun again only
     * once the node running it stopped), or a process of this machine that is no longer there.
     */
    private static boolean stopped(String claimedBy, Options options) {
        if (options.job().isPresent()) {
            String prefix = "job " + options.job().get().jobId() + " attempt ";
            if (claimedBy.startsWith(prefix) && !claimedBy.equals(claimant(options))) {
                return true;
            }
        }
        java.util.regex.Matcher process = CLAIMANT_PROCESS.matcher(claimedBy);
        return process.find() && process.group(2).equals(HOST)
                && !ProcessHandle.of(Long.parseLong(process.group(1))).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A letter whose latest message could not be delivered, or whose fate is unknown: which sending, after how many attempts, why, and when. */
    public record Failure(String organisationCode, String organisationName, int sending, int attempts, String error, java.time.Instant at) {
    }

    /**
     * The year's letters whose latest message failed, after every retry or refused for good: what staff must see and
     * put right (an address, the server) before sending again; a later sending that succeeds takes a letter off.
     */
    public List<Failure> failures(ReportingYear year) {
        return latestMessages(year, "(m.state = 'failed' or (m.state = 'claimed' and m.claimed_at < ?))",
                List.of(Timestamp.from(clock.instant().minus(settings.longestMessage()))));
    }

    /**
     * The year's letters whose latest message's fate is unknown: the connection was lost or timed out after its end (the
     * server may have stored it), or its claim is old and has no outcome (the run that made it stopped). None is sent
     * again unless staff ask for a resend, once they know it did not arrive.
     */
    public List<Failure> unknown(ReportingYear year) {
        return latestMessages(year, "(m.state = 'unknown' or (m.state = 'ending' and m.claimed_at < ?))",
                List.of(Timestamp.from(clock.instant().minus(settings.longestMessage()))));
    }

    private List<Failure> latestMessages(ReportingYear year, String condition, List<Object> arguments) {
        List<Object> all = new ArrayList<>(List.of(year.toString()));
        all.addAll(arguments);
        return jdbc.query("""
                select m.organisation_code, m.sending, m.attempts, m.error, m.state, m.claimed_by, m.claimed_at,
                       coalesce(m.finished_at, m.claimed_at) as recorded_at
                from letter_message m
                where m.reporting_year = ? and %s
                  and m.sending = (select max(x.sending) from letter_message x
                                   where x.organisation_code = m.organisation_code and x.reporting_year = m.reporting_year)
                order by m.organisation_code""".formatted(condition),
                (rs, n) -> new Failure(rs.getString("organisation_code"), organisations.byCode(rs.getString("organisation_code"))
                        .map(Organisation::name).orElse(rs.getString("organisation_code")), rs.getInt("sending"), rs.getInt("attempts"),
                        switch (rs.getString("state")) {
                            case "claimed" -> "not sent: " + abandoned(rs.getString("claimed_by")) + "; the next sending sends it";
                            case "ending" -> ended(rs.getString("claimed_by"));
                            default -> Optional.ofNullable(rs.getString("error")).orElse("");
                        },
                        rs.getTimestamp("recorded_at").toInstant()),
                all.toArray());
    }

    private static String abandoned(String claimedBy) {
        return "claimed by run " + claimedBy + ", which stopped before the end of the message went to the mail server";
    }

    private static String ended(String claimedBy) {
        return "claimed by run " + claimedBy + ", which stopped after the end of the message went to the mail server and before recording"
                + " what it answered";
    }

    /**
     * A short message to one address, sent while a person waits for a page (a confirmation link, a link to set a new
     * password): plain text and HTML from Markdown; throws if the mail server did not take it.
     */
    public void sendNotice(String to, String subject, String markdown) {
        MimeMessage message;
        try {
            message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(subject);
            text(helper, markdown);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        // tried once, not again after waits as a letter is: a person is waiting for the page, which says to try again later
        Smtp.Attempt tried = smtp.send(message, Smtp.EndGate.OPEN);
        if (tried.fate() != Smtp.Fate.SENT) {
            throw new MailSendException(tried.error());
        }
    }

    /**
     * Sends one council's message: claims it (or finds it claimed by another run), tries it, trying a transient
     * failure again, and records the outcome on the claim and on each recipient.
     */
    private Delivery deliver(ReportingYear year, String code, String name, Contact chief, List<Contact> contacts, List<String> recipients,
            int sending, String claimant) {
        Letters.Letter letter = letters.latestByCode(code, year).orElseThrow();
        String messageId = "<annual-review." + year + "." + code + "." + sending + "." + UUID.randomUUID() + "@" + domain() + ">";
        message(year, name, letter, chief, contacts, messageId);   // a message that cannot be made stops here, nothing claimed
        if (!claim(code, year, sending, letter.version(), messageId, contacts, claimant)) {
            return latest(code, year).map(l -> beingSent(code, name, recipients, l))
                    .orElseThrow(() -> new IllegalStateException("the claim of sending " + sending + " was refused, yet it is not there"));
        }
        Claim claim = new Claim(code, year, sending, claimant);
        Tried tried = sendTrying(() -> ending(claim), () -> message(year, name, letter, chief, contacts, messageId), claim);
        if (tried.fate() == Smtp.Fate.WITHDRAWN) {
            return new Delivery(code, name, Delivery.Outcome.BEING_SENT, recipients, messageId, tried.attempts(), tried.error());
        }
        Delivery.Outcome outcome = switch (tried.fate()) {
            case SENT -> Delivery.Outcome.SENT;
            case UNKNOWN -> Delivery.Outcome.UNKNOWN;
            case REFUSED, TRANSIENT, WITHDRAWN -> Delivery.Outcome.FAILED;
        };
        String reason = switch (tried.fate()) {
            case SENT -> "";
            case UNKNOWN -> tried.error() + "; the mail server may have stored it: not sent again unless resent";
            case REFUSED, TRANSIENT, WITHDRAWN -> tried.error();
        };
        try {
            record(claim, tried);
        } catch (RuntimeException e) {
            return new Delivery(code, name, Delivery.Outcome.UNKNOWN, recipients, messageId, tried.attempts(), outcome.words()
                    + (reason.isEmpty() ? "" : " (" + reason + ")") + ", but that could not be recorded: " + Smtp.describe(e));
        }
        return new Delivery(code, name, outcome, recipients, messageId, tried.attempts(), reason);
    }

    /**
     * Claims a message for this run: its row and its recipients' rows, committed before anything is sent. False if
     * another run has claimed the same sending (the primary key refuses the second).
     */
    private boolean claim(String code, ReportingYear year, int sending, int version, String messageId, List<Contact> contacts, String claimant) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("""
                        insert into letter_message (organisation_code, reporting_year, sending, letter_version, message_id, state, claimed_by,
                                                    claimed_at, attempts)
                        values (?, ?, ?, ?, ?, 'claimed', ?, ?, 0)""", code, year.toString(), sending, version, messageId, claimant, now);
                for (Contact c : distinct(contacts)) {
                    jdbc.update("""
                            insert into delivery (organisation_code, reporting_year, sending, recipient, recipient_role, copy, letter_version,
                                                  message_id, outcome, attempts, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'claimed', 0, ?)""", code, year.toString(), sending, c.email(), c.role().code(),
                            c.role() != ContactRole.CHIEF_EXECUTIVE, version, messageId, now);
                }
            });
            return true;
        } catch (DataIntegrityViolationException refused) {
            if (latest(code, year).filter(l -> l.sending() >= sending).isPresent()) {
                return false;   // a duplicate key: another run holds this sending
            }
            throw refused;
        }
    }

    /** A message claimed by this run: which council's, of which year, which sending, and the claimant's name. */
    private record Claim(String code, ReportingYear year, int sending, String claimant) {
    }

    /**
     * The end gate of a claimed message: records, committed and on disk, that its end is going to the server, if the
     * claim is still this run's (not taken over by a run that found this one stopped). From then on a stop leaves it
     * unknown.
     */
    private boolean ending(Claim claim) {
        boolean ours = Boolean.TRUE.equals(transaction.execute(status -> jdbc.update("""
                update letter_message set state = 'ending'
                where organisation_code = ? and reporting_year = ? and sending = ? and claimed_by = ? and state in ('claimed', 'ending')""",
                claim.code(), claim.year().toString(), claim.sending(), claim.claimant()) == 1));
        if (ours && embedded()) {
            // H2 writes a commit to its file up to half a second later (WRITE_DELAY): a process killed in that time would
            // leave the claim short of its end, known not sent, and the letter would go twice (KilledSendIT)
            jdbc.execute("checkpoint");
        }
        return ours;
    }

    /** Whether the database is H2, whose commits reach its file a moment later; PostgreSQL's are durable when committed. */
    private boolean embedded() {
        if (embedded == null) {
            embedded = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().equals("H2")));
        }
        return embedded;
    }

    /** An attempt ended with a definite answer (a 4xx, or no end sent): the message is known not stored, claimed again. */
    private void notEnded(Claim claim) {
        jdbc.update("update letter_message set state = 'claimed' where organisation_code = ? and reporting_year = ? and sending = ?"
                + " and claimed_by = ? and state = 'ending'", claim.code(), claim.year().toString(), claim.sending(), claim.claimant());
    }

    /** The outcome of a claimed message, on it and on each of its recipients, while it is still this run's. */
    private void record(Claim claim, Tried tried) {
        Timestamp now = Timestamp.from(clock.instant());
        String error = tried.fate() == Smtp.Fate.SENT ? null : tried.error().substring(0, Math.min(tried.error().length(), 2000));
        transaction.executeWithoutResult(status -> {
            int recorded = jdbc.update("""
                    update letter_message set state = ?, attempts = ?, error = ?, finished_at = ?
                    where organisation_code = ? and reporting_year = ? and sending = ? and claimed_by = ? and state in ('claimed', 'ending')""",
                    tried.state(), tried.attempts(), error, now, claim.code(), claim.year().toString(), claim.sending(), claim.claimant());
            if (recorded == 1) {
                jdbc.update("""
                        update delivery set outcome = ?, attempts = ?, error = ?, recorded_at = ?
                        where organisation_code = ? and reporting_year = ? and sending = ?""",
                        tried.state(), tried.attempts(), error, now, claim.code(), claim.year().toString(), claim.sending());
            }
        });
    }

    /**
     * Sends a message, made afresh for each attempt; a transient failure is tried again after a wait that doubles
     * each time, up to the attempts set; a refusal, or a message whose fate is unknown, ends the trying.
     */
    private Tried sendTrying(Smtp.EndGate gate, java.util.function.Supplier<MimeMessage> message, Claim claim) {
        Smtp.Attempt last = null;
        int attempt = 0;
        while (attempt < Math.max(1, settings.attempts())) {
            attempt++;
            MimeMessage made;
            try {
                made = message.get();
            } catch (RuntimeException e) {
                return new Tried(Smtp.Fate.REFUSED, attempt, "the message could not be made: " + Smtp.describe(e));
            }
            last = smtp.send(made, gate);
            if (last.fate() != Smtp.Fate.TRANSIENT) {
                return new Tried(last.fate(), attempt, last.error());
            }
            notEnded(claim);
            if (attempt < settings.attempts()) {
                pause(settings.firstRetryAfter().multipliedBy(1L << (attempt - 1)).toMillis());
            }
        }
        return new Tried(Smtp.Fate.TRANSIENT, attempt, last.error());
    }

    /** The latest message of the letter, claimed or finished. */
    private Optional<Latest> latest(String code, ReportingYear year) {
        return jdbc.query("""
                select sending, state, claimed_at, claimed_by, message_id, attempts, error, finished_at
                from letter_message
                where organisation_code = ? and reporting_year = ?
                order by sending desc
                fetch first 1 rows only""", (rs, n) -> new Latest(rs.getInt("sending"), rs.getString("state"),
                rs.getTimestamp("claimed_at").toInstant(), rs.getString("claimed_by"), rs.getString("message_id"), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("error")).orElse(""),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant)), code, year.toString()).stream().findFirst();
    }

    /**
     * The state of a message as a run of sending sees it. A claim with no outcome is being sent by its run, unless that
     * run stopped (or the claim is older than any message can take): then, short of the end of its message, it is
     * abandoned (known not sent, and sent again); past it, unknown.
     */
    private String state(Latest latest, Options options) {
        boolean open = latest.state().equals("claimed") || latest.state().equals("ending");
        if (!open) {
            return latest.state();
        }
        boolean stopped = stopped(latest.claimedBy(), options) || latest.claimedAt().isBefore(clock.instant().minus(settings.longestMessage()));
        if (!stopped) {
            return "claimed";
        }
        return latest.state().equals("claimed") ? "abandoned" : "unknown";
    }

    private Delivery beingSent(String code, String name, List<String> recipients, Latest latest) {
        return new Delivery(code, name, Delivery.Outcome.BEING_SENT, recipients, latest.messageId(), 0, "sending " + latest.sending()
                + " claimed " + SENT_AT.format(latest.claimedAt()) + " by run " + latest.claimedBy() + "; nothing sent by this run");
    }

    private Delivery unknown(String code, String name, List<String> recipients, Latest latest) {
        String why = latest.state().equals("ending") ? ended(latest.claimedBy()) : latest.error();
        return new Delivery(code, name, Delivery.Outcome.UNKNOWN, recipients, latest.messageId(), latest.attempts(), "sending " + latest.sending()
                + " of " + SENT_AT.format(latest.finishedAt().orElse(latest.claimedAt())) + ": " + why
                + "; ask the council whether it arrived, and resend only if it did not");
    }

    private static List<Contact> distinct(List<Contact> contacts) {
        return List.copyOf(contacts.stream().collect(java.util.stream.Collectors.toMap(Contact::email, c -> c, (a, b) -> a,
                java.util.LinkedHashMap::new)).values());
    }

    private static List<String> recipients(List<Contact> contacts) {
        return contacts.stream().map(c -> c.email() + " (" + c.role().label().toLowerCase(Locale.UK) + ")").toList();
    }

    /** The plain text (as the letters' plain text writes Markdown: no marks of emphasis or tags) and the HTML, both made from the Markdown. */
    private void text(MimeMessageHelper helper, String markdown) throws MessagingException {
        helper.setText(letters.plainText(markdown), HtmlRenderer.builder().escapeHtml(true).build().render(Parser.builder().build().parse(markdown)));
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

    /** A letter's latest message delivered: when it went, which version, with which message id, and to whom. */
    public record Sent(java.time.Instant at, int version, String messageId, List<String> recipients) {
    }

    /** One recipient's row of a delivered message. */
    private record Recipient(String address, java.time.Instant at, int version, String messageId) {
    }

    /** The latest message of the organisation's letter of the year that was delivered, if one was. */
    public Optional<Sent> sent(String code, ReportingYear year) {
        List<Recipient> rows = jdbc.query("""
                select recipient, recorded_at, letter_version, message_id from delivery
                where organisation_code = ? and reporting_year = ? and outcome = 'sent'
                  and sending = (select max(sending) from delivery where organisation_code = ? and reporting_year = ? and outcome = 'sent')
                order by copy, recipient""", (rs, n) -> new Recipient(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                rs.getString(4)), code, year.toString(), code, year.toString());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Sent(rows.stream().map(Recipient::at).max(java.time.Instant::compareTo).orElseThrow(), rows.get(0).version(),
                rows.get(0).messageId(), rows.stream().map(Recipient::address).toList()));
    }

    /** A letter already sent: when its latest delivered message went, to how many, with which message id. */
    private Delivery lastSent(String code, ReportingYear year, String name, List<String> recipients) {
        Sent sent = sent(code, year).orElseThrow(() -> new IllegalStateException("the letter of " + code + " is recorded sent, yet no recipient is"));
        return new Delivery(code, name, Delivery.Outcome.ALREADY_SENT, recipients, sent.messageId(), 0, "version " + sent.version() + " sent "
                + SENT_AT.format(sent.at()) + " to " + sent.recipients().size() + " recipients; a resend sends it again");
    }

    private static final java.time.format.DateTimeFormatter SENT_AT = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    private String domain() {
        int at = settings.from().lastIndexOf('@');
        return at < 0 ? "annual-review.invalid" : settings.from().substring(at + 1).replace(">", "").strip();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
