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

    /** Why an account could not be added, every reason at once. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
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
        String user = username.strip().toLowerCase(Locale.UK);
        List<String> problems = new ArrayList<>();
        if (!user.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add("the user name must be an email address: " + username);
        }
        if (displayName.isBlank()) {
            problems.add("give the person's name");
        }
        if (password.length() < SHORTEST_PASSWORD) {
            problems.add("the password must have at least " + SHORTEST_PASSWORD + " characters");
        }
        Optional<String> code = Optional.empty();
        if (role == Role.COUNCIL && organisation.isEmpty()) {
            problems.add("a council user needs --organisation: the council whose letter and figures they see");
        } else if (role != Role.COUNCIL && organisation.isPresent()) {
            problems.add("only a council user is tied to an organisation: " + role.label().toLowerCase(Locale.UK) + "s see them all");
        } else if (organisation.isPresent()) {
            try {
                code = Optional.of(organisations.find(organisation.get()).code());
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        boolean exists = find(user).isPresent();
        if (exists && !replace) {
            problems.add(user + " already has an account (--replace sets its details and password anew)");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        String hash = passwords.encode(password);
        if (exists) {
            jdbc.update("update account set display_name = ?, password_hash = ?, role = ?, organisation_code = ?, enabled = true where username = ?",
                    displayName.strip(), hash, role.code(), code.orElse(null), user);
        } else {
            jdbc.update("insert into account (username, display_name, password_hash, role, organisation_code, enabled, created_at)"
                    + " values (?, ?, ?, ?, ?, true, ?)", user, displayName.strip(), hash, role.code(), code.orElse(null),
                    Timestamp.from(clock.instant()));
        }
        return find(user).orElseThrow();
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
