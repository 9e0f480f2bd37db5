package org.annualreview.organisations;

import java.sql.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The register of bodies the ombudsman decides complaints about. */
public final class Organisations {

    private static final String SELECT = "select code, name, short_name, kind, started_on, ended_on from organisation";
    private static final RowMapper<Organisation> ROW = (rs, n) -> new Organisation(rs.getString("code"), rs.getString("name"),
            rs.getString("short_name"), Term.byCode(OrganisationKind.class, rs.getString("kind")),
            Optional.ofNullable(rs.getDate("started_on")).map(Date::toLocalDate),
            Optional.ofNullable(rs.getDate("ended_on")).map(Date::toLocalDate));

    private final JdbcTemplate jdbc;

    public Organisations(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Finds one organisation by its code, its name or short name (any case), or failing those a unique
     * part of its name. Several matches are an error that lists them.
     */
    public Organisation find(String nameOrCode) {
        String wanted = nameOrCode.trim();
        List<Organisation> exact = jdbc.query(SELECT + " where upper(code) = ? or lower(name) = ? or lower(short_name) = ? order by name",
                ROW, wanted.toUpperCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT));
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<Organisation> matches = exact.isEmpty()
                ? jdbc.query(SELECT + " where lower(name) like ? order by name", ROW, "%" + wanted.toLowerCase(Locale.ROOT) + "%")
                : exact;
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new UnknownOrganisation("no organisation has the code or name '" + wanted + "'");
        }
        StringBuilder message = new StringBuilder("'" + wanted + "' matches " + matches.size() + " organisations; give one's code:");
        matches.stream().limit(10).forEach(o -> message.append("\n  ").append(o.code()).append("  ").append(o.name()));
        if (matches.size() > 10) {
            message.append("\n  … and ").append(matches.size() - 10).append(" more");
        }
        throw new UnknownOrganisation(message.toString());
    }

    private static final RowMapper<Contact> CONTACT = (rs, n) -> new Contact(rs.getString("organisation_code"),
            Term.byCode(ContactRole.class, rs.getString("role")), rs.getString("email"),
            Optional.ofNullable(rs.getString("title")), Optional.ofNullable(rs.getString("given_name")),
            Optional.ofNullable(rs.getString("surname")), Optional.ofNullable(rs.getString("job_title")),
            Optional.ofNullable(rs.getString("salutation")));

    /** The organisation's contacts, chief executive first, then leader, chair of scrutiny and monitoring officers. */
    public List<Contact> contacts(String organisationCode) {
        return jdbc.query("select * from contact where organisation_code = ? order by email", CONTACT, organisationCode)
                .stream().sorted(java.util.Comparator.comparing(Contact::role)).toList();
    }

    /** Every organisation's contacts at once, each organisation's in the order of {@link #contacts(String)}. */
    /** Adds a contact unless the organisation already has that address in that role; true if added. */
    public boolean addContact(Contact contact) {
        Integer present = jdbc.queryForObject("select count(*) from contact where organisation_code = ? and role = ? and email = ?",
                Integer.class, contact.organisationCode(), contact.role().code(), contact.email());
        if (present != null && present > 0) {
            return false;
        }
        jdbc.update("insert into contact (organisation_code, role, email, title, given_name, surname, job_title, salutation)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", contact.organisationCode(), contact.role().code(), contact.email(),
                contact.title().orElse(null), contact.givenName().orElse(null), contact.surname().orElse(null), contact.jobTitle().orElse(null),
                contact.salutation().orElse(null));
        return true;
    }

    public java.util.Map<String, List<Contact>> allContacts() {
        java.util.Map<String, List<Contact>> all = new java.util.HashMap<>();
        for (Contact contact : jdbc.query("select * from contact order by organisation_code, email", CONTACT)) {
            all.computeIfAbsent(contact.organisationCode(), c -> new java.util.ArrayList<>()).add(contact);
        }
        all.values().forEach(list -> list.sort(java.util.Comparator.comparing(Contact::role)));
        return all;
    }

    /** The organisation with this code, in any case. */
    public Optional<Organisation> byCode(String code) {
        return jdbc.query(SELECT + " where upper(code) = ?", ROW, code.toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    /** Every organisation in the register, by name. */
    public List<Organisation> all() {
        return jdbc.query(SELECT + " order by name, code", ROW);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from organisation", Long.class);
    }

    /** No organisation, or several, answer to a name or code. */
    public static final class UnknownOrganisation extends RuntimeException {
        UnknownOrganisation(String message) {
            super(message);
        }
    }
}
