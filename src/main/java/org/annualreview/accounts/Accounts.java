package org.annualreview.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.organisations.Organisations;
import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The accounts that may sign in to the workspace: added, listed and found, with passwords kept only as hashes. */
public final class Accounts {

    /** Shorter passwords are refused (NCSC: length over complexity rules). */
    public static final int SHORTEST_PASSWORD = 12;

    /** One reason an account was refused, and the field of the workspace's form it is about. */
    public record Problem(String field, String message) {
    }

    /** What an account is to be: its role may be missing from a form, which is one of the problems then. */
    public record NewAccount(String username, String displayName, Optional<Role> role, Optional<String> organisation, String password,
            boolean replace) {
    }

    /** Why an account could not be added or changed, every reason at once. */
    public static final class Refused extends RuntimeException {
        private final List<Problem> problems;

        Refused(List<Problem> problems) {
            super(String.join("; ", problems.stream().map(Problem::message).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems.stream().map(Problem::message).toList();
        }

        /** The same problems, each with the form field it is about. */
        public List<Problem> byField() {
            return problems;
        }
    }

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"),
            Term.byCode(Role.class, rs.getString("role")), Optional.ofNullable(rs.getString("organisation_code")), rs.getBoolean("enabled"));

    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public Accounts(DataSource dataSource, Organisations organisations, PasswordEncoder passwords, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.organisations = organisations;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Adds an account, or with {@code replace} sets the name, role, organisation and password of an existing one.
     * A council user names its organisation (code, name or unique part of it); other roles name none.
     */
    public Account add(String username, String displayName, Role role, Optional<String> organisation, String password, boolean replace) {
        return add(new NewAccount(username, displayName, Optional.of(role), organisation, password, replace));
    }

    public Account add(NewAccount wanted) {
        List<Problem> problems = problems(wanted);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        String user = wanted.username().strip().toLowerCase(Locale.UK);
        Role role = wanted.role().orElseThrow();
        Optional<String> code = wanted.organisation().filter(o -> !o.isBlank()).map(o -> organisations.find(o).code());
        String hash = passwords.encode(wanted.password());
        if (find(user).isPresent()) {
            jdbc.update("update account set display_name = ?, password_hash = ?, role = ?, organisation_code = ?, enabled = true where username = ?",
                    wanted.displayName().strip(), hash, role.code(), code.orElse(null), user);
            signOut(user, Optional.empty());   // its password set anew: whoever is signed in with the old one, on every node
        } else {
            jdbc.update("insert into account (username, display_name, password_hash, role, organisation_code, enabled, created_at)"
                    + " values (?, ?, ?, ?, ?, true, ?)", user, wanted.displayName().strip(), hash, role.code(), code.orElse(null),
                    Timestamp.from(clock.instant()));
        }
        return find(user).orElseThrow();
    }

    /** An account as the audit log keeps it, before or after a change: its name, role and council, never its password. */
    public String described(Account account) {
        return account.displayName() + ", " + account.role().label()
                + account.organisationCode().map(c -> " of " + organisations.byCode(c).map(org.annualreview.organisations.Organisation::name).orElse(c))
                        .orElse("")
                + (account.enabled() ? "" : ", disabled");
    }

    /** Every reason the account would be refused, none if it would be added; nothing is changed. */
    public List<Problem> problems(NewAccount wanted) {
        String user = wanted.username().strip().toLowerCase(Locale.UK);
        List<Problem> problems = new ArrayList<>();
        if (!user.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new Problem("username", "the user name must be an email address: " + wanted.username()));
        }
        if (wanted.displayName().isBlank()) {
            problems.add(new Problem("name", "give the person's name"));
        }
        Optional<Role> role = wanted.role();
        Optional<String> organisation = wanted.organisation().filter(o -> !o.isBlank());
        if (role.isEmpty()) {
            problems.add(new Problem("role", "choose a role: administrator, analyst or council user"));
        } else if (role.get() == Role.COUNCIL && organisation.isEmpty()) {
            problems.add(new Problem("organisation", "a council user needs an organisation: the council whose letter and figures they see"));
        } else if (role.get() != Role.COUNCIL && organisation.isPresent()) {
            problems.add(new Problem("organisation", "only a council user is tied to an organisation: "
                    + role.get().label().toLowerCase(Locale.UK) + "s see them all"));
        } else if (organisation.isPresent()) {
            try {
                organisations.find(organisation.get());
            } catch (Organisations.UnknownOrganisation | IllegalArgumentException e) {
                problems.add(new Problem("organisation", e.getMessage()));
            }
        }
        problems.addAll(passwordProblems(wanted.password()));
        if (find(user).isPresent() && !wanted.replace()) {
            problems.add(new Problem("username", user + " already has an account"));
        }
        return problems;
    }

    /** What is wrong with a new password, by the rule every path keeps (`users add`, the forms): nothing if it will do. */
    public static List<Problem> passwordProblems(String password) {
        return password.length() < SHORTEST_PASSWORD
                ? List.of(new Problem("password", "the password must have at least " + SHORTEST_PASSWORD + " characters")) : List.of();
    }

    /** The same, for a form that asks for the new password twice: also whether the two differ. */
    public static List<Problem> passwordProblems(String password, String confirmation) {
        List<Problem> problems = new ArrayList<>(passwordProblems(password));
        if (!password.equals(confirmation)) {
            problems.add(new Problem("confirmation", "the two passwords differ: enter the same password in both"));
        }
        return problems;
    }

    /** A password as it is kept: only its hash, made before any row is claimed (hashing takes a while, on purpose). */
    public record HashedPassword(String hash) {
        @Override
        public String toString() {
            return "HashedPassword[…]";
        }
    }

    public HashedPassword hash(String password) {
        return new HashedPassword(passwords.encode(password));
    }

    /** Whether the password is the account's own (an enabled account's or not): false for an account there is not. */
    public boolean isPassword(String username, String password) {
        return passwordHash(username).map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    /**
     * Sets the account's password and signs out every other session of it (their rows in Spring Session's table go, so
     * that their next request, on any node, finds no session and is sent to sign in); the session {@code keep}, the one
     * making the change, stays. Run in the caller's transaction, with its audit entry. Returns how many were signed out.
     */
    public int setPassword(String username, HashedPassword password, Optional<String> keep) {
        String user = username.strip().toLowerCase(Locale.UK);
        if (jdbc.update("update account set password_hash = ? where username = ?", password.hash(), user) != 1) {
            throw new IllegalStateException("no account " + user);
        }
        return signOut(user, keep);
    }

    /**
     * Signs out the account's sessions but {@code keep}: their rows in Spring Session's table go, so that their next
     * request, on any node, finds no session and is sent to sign in. Returns how many.
     */
    private int signOut(String user, Optional<String> keep) {
        return jdbc.update("delete from spring_session where principal_name = ? and session_id <> ?", user, keep.orElse(""));
    }

    /**
     * Lets the account sign in again, or no longer: a disabled account keeps its details but cannot sign in. Nobody
     * disables their own account, so that an administrator is never locked out by their own hand. Empty if there is
     * no such account.
     */
    public Optional<Account> setEnabled(String username, boolean enabled, String changedBy) {
        String user = username.strip().toLowerCase(Locale.UK);
        if (!enabled && user.equals(changedBy.strip().toLowerCase(Locale.UK))) {
            throw new Refused(List.of(new Problem("username", "you cannot disable your own account: ask another administrator")));
        }
        jdbc.update("update account set enabled = ? where username = ?", enabled, user);
        return find(user);
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select * from account where username = ?", ROW, username.strip().toLowerCase(Locale.UK)).stream().findFirst();
    }

    /** The stored hash, for signing in only. */
    Optional<String> passwordHash(String username) {
        return jdbc.queryForList("select password_hash from account where username = ?", String.class,
                username.strip().toLowerCase(Locale.UK)).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("select * from account order by role, username", ROW);
    }
}
