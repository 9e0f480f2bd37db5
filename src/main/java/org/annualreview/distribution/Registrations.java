package org.annualreview.distribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.organisations.Contact;
import org.annualreview.organisations.ContactRole;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Monitoring officers registering to receive their council's letter directly: they ask on a public form, confirm
 * their address by the link emailed to it, and staff approve the request before the address is used (it becomes
 * one of the council's monitoring officer contacts, copied on the letter).
 */
public final class Registrations {

    /** What was wrong with a request, by form field, every one at once. */
    public static final class Refused extends RuntimeException {
        private final List<String[]> problems;

        Refused(List<String[]> problems) {
            super(String.join("; ", problems.stream().map(p -> p[1]).toList()));
            this.problems = List.copyOf(problems);
        }

        /** Pairs of (field, message). */
        public List<String[]> problems() {
            return problems;
        }
    }

    private static final RowMapper<Registration> ROW = (rs, n) -> new Registration(rs.getLong("id"), rs.getString("organisation_code"),
            rs.getString("full_name"), rs.getString("email"), Optional.ofNullable(rs.getString("job_title")),
            rs.getTimestamp("requested_at").toInstant(), Optional.ofNullable(rs.getTimestamp("confirmed_at")).map(Timestamp::toInstant),
            Optional.ofNullable(rs.getString("outcome")));

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final Distribution distribution;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Registrations(DataSource dataSource, Organisations organisations, Distribution distribution, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.organisations = organisations;
        this.distribution = distribution;
        this.clock = clock;
    }

    /**
     * Records a request and emails its confirmation link ({@code confirmAddress} followed by the token) to the
     * address given. Nothing is kept if the form has a problem.
     */
    public void request(String organisationCode, String fullName, String email, String jobTitle, String confirmAddress) {
        List<String[]> problems = new ArrayList<>();
        Optional<Organisation> council = organisations.byCode(organisationCode == null ? "" : organisationCode.strip())
                .filter(o -> o.kind().hasTypeAverage());
        if (council.isEmpty()) {
            problems.add(new String[] {"council", "Select your council"});
        }
        if (fullName == null || fullName.isBlank()) {
            problems.add(new String[] {"name", "Enter your full name"});
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.UK);
        if (!org.annualreview.shared.EmailAddress.isValid(address)) {
            problems.add(new String[] {"email", "Enter an email address in the correct format, like name@example.gov.uk"});
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into registration (organisation_code, full_name, email, job_title, token_sha256, requested_at)"
                + " values (?, ?, ?, ?, ?, ?)", council.get().code(), fullName.strip(), address,
                jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip(), sha256(token), Timestamp.from(clock.instant()));
        distribution.sendNotice(address, "Confirm your email address to receive " + council.get().name() + "'s Annual Review letter",
                "You asked to receive the ombudsman's Annual Review letter to " + council.get().name() + " as its monitoring officer.\n\n"
                        + "To confirm that this is your address, open this link:\n\n<" + confirmAddress + token + ">\n\n"
                        + "Our staff will then check the request before we use the address. If you did not ask, ignore this message.");
    }

    /** Confirms the address of the request the token was sent for; empty if the token is unknown. */
    public Optional<Registration> confirm(String token) {
        String hash = sha256(token == null ? "" : token.strip());
        jdbc.update("update registration set confirmed_at = ? where token_sha256 = ? and confirmed_at is null",
                Timestamp.from(clock.instant()), hash);
        return jdbc.query("select * from registration where token_sha256 = ?", ROW, hash).stream().findFirst();
    }

    /** Confirmed requests no one has decided on yet, oldest first. */
    public List<Registration> awaitingDecision() {
        return jdbc.query("select * from registration where confirmed_at is not null and outcome is null order by requested_at", ROW);
    }

    /**
     * Approves (the address becomes a monitoring officer contact of the council) or refuses a confirmed request;
     * returns it, or empty if there is no confirmed undecided request of that id.
     */
    public Optional<Registration> decide(long id, boolean approve, String decidedBy) {
        Optional<Registration> found = awaitingDecision().stream().filter(r -> r.id() == id).findFirst();
        found.ifPresent(r -> {
            jdbc.update("update registration set outcome = ?, decided_at = ?, decided_by = ? where id = ?", approve ? "approved" : "refused",
                    Timestamp.from(clock.instant()), decidedBy, id);
            if (approve) {
                String[] names = r.fullName().split("\\s+", 2);
                organisations.addContact(new Contact(r.organisationCode(), ContactRole.MONITORING_OFFICER, r.email(), Optional.empty(),
                        Optional.of(names[0]), names.length > 1 ? Optional.of(names[1]) : Optional.empty(),
                        Optional.of(r.jobTitle().orElse("Monitoring Officer")), Optional.of("Dear " + r.fullName())));
            }
        });
        return found;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
