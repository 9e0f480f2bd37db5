package org.annualreview.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.audit.AuditLog;
import org.annualreview.shared.Dates;
import org.annualreview.shared.EmailAddress;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords after an account is made: its holder changes their own (knowing the current one), and an administrator
 * emails a one-time link to the account's address with which to set a new one. Either way the account's other sessions
 * are signed out, and the change is audited in words (never the password). A link's random token is kept only as its
 * SHA-256; it works once (the database decides, by the one UPDATE that finds it unused), for {@link #LINK_LIFETIME}, and
 * not once a newer link replaced it.
 */
public final class Passwords {

    public static final Duration LINK_LIFETIME = Duration.ofHours(24);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** Sends one short message (Distribution's notices): to, subject, Markdown body; throws if it could not be sent. */
    @FunctionalInterface
    public interface Mail {
        void send(String to, String subject, String markdown);
    }

    /** Why a password was not changed or a link not sent, every reason at once, by form field. */
    public static final class Refused extends RuntimeException {
        private final List<Accounts.Problem> problems;

        Refused(List<Accounts.Problem> problems) {
            super(String.join("; ", problems.stream().map(Accounts.Problem::message).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Accounts.Problem> problems() {
            return problems;
        }
    }

    /** A holder changing their own password; {@code session} is the one they change it from, which stays signed in. */
    public record Change(String username, String current, String password, String confirmation, String address, Optional<String> session) {
        @Override
        public String toString() {
            return "Change[" + username + "]";
        }
    }

    /** What a link is now: usable by its account, or used, expired, replaced by a newer one, or unknown. */
    public enum LinkState {
        USABLE, USED, EXPIRED, REPLACED, UNKNOWN
    }

    /** A link as it was found: its state and, unless unknown, its account. */
    public record Link(LinkState state, Optional<String> username) {
        static final Link UNKNOWN = new Link(LinkState.UNKNOWN, Optional.empty());
    }

    /** A link sent: to whom, and until when it works. */
    public record Sent(Account account, Instant expiresAt) {
    }

    /** Whether a link set its account's password; if not, the link's state (used, expired, replaced, unknown). */
    public record Reset(boolean set, LinkState state, Optional<String> username, int sessionsSignedOut) {
        static Reset refused(Link link) {
            return new Reset(false, link.state() == LinkState.USABLE ? LinkState.USED : link.state(), link.username(), 0);
        }
    }

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Mail mail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Passwords(DataSource dataSource, Accounts accounts, LoginThrottle throttle, AuditLog audit, Mail mail, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Changes a holder's own password: the current one must be right (each wrong one counts as a failed sign-in to the
     * account, and once it has none left no change is tried), the new one as long as any new account's, given twice.
     * Returns how many other sessions of the account were signed out.
     */
    public int change(Change change) {
        String user = change.username().strip().toLowerCase(Locale.UK);
        List<Accounts.Problem> problems = new ArrayList<>();
        if (change.current().isEmpty()) {
            problems.add(new Accounts.Problem("current-password", "Enter your current password"));
        } else if (!throttle.attempt(user, change.address())) {
            problems.add(new Accounts.Problem("current-password", "Too many wrong passwords for this account. Try again in "
                    + LoginThrottle.WINDOW.toMinutes() + " minutes"));
        } else if (!accounts.isPassword(user, change.current())) {
            problems.add(new Accounts.Problem("current-password", "Your current password is not right: enter the password you signed in with"));
        } else {
            throttle.succeeded(user, change.address());
        }
        problems.addAll(Accounts.passwordProblems(change.password(), change.confirmation()));
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Accounts.HashedPassword hashed = accounts.hash(change.password());
        return audit.inTransaction(() -> {
            int signedOut = accounts.setPassword(user, hashed, change.session());
            audit.record(user, "change-password", user, Optional.empty(),
                    Optional.of("Password changed by the account holder; " + sessions(signedOut) + " signed out"));
            return signedOut;
        });
    }

    /**
     * Emails a link to set a new password to the account's address ({@code linkAddress} followed by the token), at an
     * administrator's request, replacing any link sent before that is still unused. An account whose user name is not an
     * email address, or that is disabled, is sent nothing. The link is kept before the message goes, and dropped if it
     * could not be sent; the sending is audited once sent.
     */
    public Sent sendResetLink(String username, String requestedBy, String linkAddress) {
        Account account = accounts.find(username).orElseThrow(() -> new Refused(List.of(new Accounts.Problem("username",
                "there is no account " + username))));
        if (!EmailAddress.isValid(account.username())) {
            throw new Refused(List.of(new Accounts.Problem("username", "no link can be sent to " + account.username() + ": it has no email"
                    + " address (its user name is not one); give the person a new password another way, or add an account for their email address")));
        }
        if (!account.enabled()) {
            throw new Refused(List.of(new Accounts.Problem("username", account.username() + " is disabled: enable it before sending a link"
                    + " to set a new password")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(LINK_LIFETIME);
        jdbc.update("insert into password_reset (token_sha256, username, requested_by, requested_at, expires_at) values (?, ?, ?, ?, ?)",
                sha256(token), account.username(), requestedBy, Timestamp.from(now), Timestamp.from(expires));
        try {
            mail.send(account.username(), "Set a new password for the annual review workspace",
                    "An administrator asked for a link to set a new password for your account (" + account.username()
                            + ") on the ombudsman's annual review workspace.\n\n"
                            + "To choose your new password, open this link:\n\n<" + linkAddress + token + ">\n\n"
                            + "The link works once, until " + inWords(expires) + " (UK time). Setting a new password signs your account out"
                            + " everywhere else.\n\nIf you did not expect this message, ignore it: your password stays as it is.");
        } catch (RuntimeException e) {
            jdbc.update("delete from password_reset where token_sha256 = ?", sha256(token));
            throw e;
        }
        audit.inTransaction(() -> {
            jdbc.update("update password_reset set replaced_at = ? where username = ? and token_sha256 <> ? and used_at is null and replaced_at is null",
                    Timestamp.from(now), account.username(), sha256(token));
            audit.record(requestedBy, "send-password-reset", account.username(), Optional.empty(), Optional.of("A link to set a new password"
                    + " emailed to " + account.username() + ", working once until " + inWords(expires) + " (UK time)"));
            return expires;
        });
        return new Sent(account, expires);
    }

    /** What the link of this token is now; nothing changes. */
    public Link link(String token) {
        if (!wellFormed(token)) {
            return Link.UNKNOWN;
        }
        return jdbc.query("select username, expires_at, used_at, replaced_at from password_reset where token_sha256 = ?",
                (rs, n) -> new Link(rs.getTimestamp("used_at") != null ? LinkState.USED
                        : rs.getTimestamp("replaced_at") != null ? LinkState.REPLACED
                        : !rs.getTimestamp("expires_at").toInstant().isAfter(clock.instant()) ? LinkState.EXPIRED : LinkState.USABLE,
                        Optional.of(rs.getString("username"))), sha256(token)).stream().findFirst().orElse(Link.UNKNOWN);
    }

    /**
     * Sets the account's new password with the link, if the link is still usable: the one UPDATE that marks it used
     * decides, so that of two uses at once one alone succeeds. Then the account's other sessions are signed out (all
     * but {@code session}, the request's own), any hold on its signing in is cleared, and the use is audited, in one
     * transaction. A password that breaks the rules is refused and leaves the link usable.
     */
    public Reset reset(String token, String password, String confirmation, Optional<String> session) {
        Link found = link(token);
        if (found.state() != LinkState.USABLE) {
            return Reset.refused(found);
        }
        List<Accounts.Problem> problems = Accounts.passwordProblems(password, confirmation);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Accounts.HashedPassword hashed = accounts.hash(password);
        String user = found.username().orElseThrow();
        return audit.inTransaction(() -> {
            Instant now = clock.instant();
            int claimed = jdbc.update("update password_reset set used_at = ? where token_sha256 = ? and used_at is null and replaced_at is null"
                    + " and expires_at > ?", Timestamp.from(now), sha256(token), Timestamp.from(now));
            if (claimed != 1) {
                return Reset.refused(link(token));   // used meanwhile by another request, or expired since
            }
            int signedOut = accounts.setPassword(user, hashed, session);
            throttle.cleared(user);
            String requestedBy = jdbc.queryForObject("select requested_by from password_reset where token_sha256 = ?", String.class, sha256(token));
            audit.record(user, "reset-password", user, Optional.empty(), Optional.of("Password set by the account holder with the link emailed"
                    + " at the request of " + requestedBy + "; " + sessions(signedOut) + " signed out; any hold on signing in cleared"));
            return new Reset(true, LinkState.USED, Optional.of(user), signedOut);
        });
    }

    /** A token as links carry it: 32 random bytes in URL-safe Base64, 43 characters. */
    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static String sessions(int count) {
        return count == 0 ? "no other session" : count == 1 ? "1 other session" : count + " other sessions";
    }

    /** "14:05 on 4 December 2026" in UK time. */
    static String inWords(Instant at) {
        var local = at.atZone(UK);
        return TIME.format(local) + " on " + Dates.inWords(local.toLocalDate());
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
