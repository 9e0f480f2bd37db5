package org.annualreview.letters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.shared.ReportingYear;
import org.springframework.jdbc.core.JdbcTemplate;

/** The templates loaded for each year, the notes for single letters, and every letter written, each version kept. */
final class LetterArchive {

    record StoredTemplate(ReportingYear year, int version, String fileName, String source, Instant loadedAt) {
    }

    /** A letter as stored: what the public site will show. */
    record StoredLetter(String organisationCode, ReportingYear year, int version, int templateVersion, Instant figuresComputedAt,
            String figures, String text, String html, byte[] pdf, Instant generatedAt) {
    }

    private final JdbcTemplate jdbc;

    LetterArchive(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<StoredTemplate> latestTemplate(ReportingYear year) {
        return jdbc.query("select * from letter_template where reporting_year = ? order by version desc fetch first 1 rows only",
                (rs, n) -> new StoredTemplate(year, rs.getInt("version"), rs.getString("file_name"), rs.getString("source"),
                        rs.getTimestamp("loaded_at").toInstant()), year.toString()).stream().findFirst();
    }

    /** Stores the template as the year's next version, unless it is the same text as the latest; returns the version. */
    StoredTemplate storeTemplate(ReportingYear year, String fileName, String source, Instant now) {
        Optional<StoredTemplate> latest = latestTemplate(year);
        if (latest.isPresent() && latest.get().source().equals(source)) {
            return latest.get();
        }
        int version = latest.map(t -> t.version() + 1).orElse(1);
        jdbc.update("insert into letter_template (reporting_year, version, file_name, source, loaded_at) values (?, ?, ?, ?, ?)",
                year.toString(), version, fileName, source, Timestamp.from(now));
        return new StoredTemplate(year, version, fileName, source, now);
    }

    String note(String organisationCode, ReportingYear year) {
        return jdbc.query("select note from letter_note where organisation_code = ? and reporting_year = ?",
                (rs, n) -> rs.getString(1), organisationCode, year.toString()).stream().findFirst().orElse("");
    }

    void setNote(String organisationCode, ReportingYear year, String note) {
        jdbc.update("delete from letter_note where organisation_code = ? and reporting_year = ?", organisationCode, year.toString());
        if (!note.isBlank()) {
            jdbc.update("insert into letter_note (organisation_code, reporting_year, note) values (?, ?, ?)",
                    organisationCode, year.toString(), note.strip());
        }
    }

    Optional<StoredLetter> latestLetter(String organisationCode, ReportingYear year) {
        return latestLetter(organisationCode, year, "letter_pdf");
    }

    /** The latest version, with its PDF or (for comparing, which needs only the text) without. */
    private Optional<StoredLetter> latestLetter(String organisationCode, ReportingYear year, String pdf) {
        return jdbc.query("select organisation_code, version, template_version, figures_computed_at, figures, letter_text, letter_html, "
                + pdf + " as letter_pdf, generated_at from letter where organisation_code = ? and reporting_year = ?"
                + " order by version desc fetch first 1 rows only",
                (rs, n) -> new StoredLetter(rs.getString("organisation_code"), year, rs.getInt("version"), rs.getInt("template_version"),
                        rs.getTimestamp("figures_computed_at").toInstant(), rs.getString("figures"), rs.getString("letter_text"),
                        rs.getString("letter_html"), rs.getBytes("letter_pdf"), rs.getTimestamp("generated_at").toInstant()),
                organisationCode, year.toString()).stream().findFirst();
    }

    /** One version of a letter, with its PDF. */
    Optional<StoredLetter> letter(String organisationCode, ReportingYear year, int version) {
        return jdbc.query("select organisation_code, version, template_version, figures_computed_at, figures, letter_text, letter_html, "
                + "letter_pdf, generated_at from letter where organisation_code = ? and reporting_year = ? and version = ?",
                (rs, n) -> new StoredLetter(rs.getString("organisation_code"), year, rs.getInt("version"), rs.getInt("template_version"),
                        rs.getTimestamp("figures_computed_at").toInstant(), rs.getString("figures"), rs.getString("letter_text"),
                        rs.getString("letter_html"), rs.getBytes("letter_pdf"), rs.getTimestamp("generated_at").toInstant()),
                organisationCode, year.toString(), version).stream().findFirst();
    }

    int latestVersion(String organisationCode, ReportingYear year) {
        Integer version = jdbc.queryForObject("select max(version) from letter where organisation_code = ? and reporting_year = ?",
                Integer.class, organisationCode, year.toString());
        return version == null ? 0 : version;
    }

    /** Approves the latest version of each letter of the year (of one organisation, or all); returns how many were approved now. */
    int approveLatest(ReportingYear year, java.util.Optional<String> organisationCode, String approvedBy, java.time.Instant at) {
        return approveLatest(year, organisationCode, java.util.Optional.empty(), approvedBy, at);
    }

    /** The same, of the latest versions written no later than {@code writtenBy} only (those the approver was shown). */
    int approveLatest(ReportingYear year, java.util.Optional<String> organisationCode, java.util.Optional<Instant> writtenBy, String approvedBy,
            java.time.Instant at) {
        String sql = "insert into letter_approval (organisation_code, reporting_year, version, approved_by, approved_at)"
                + " select l.organisation_code, l.reporting_year, l.version, ?, ? from letter l"
                + " where l.reporting_year = ?" + (organisationCode.isPresent() ? " and l.organisation_code = ?" : "")
                + " and l.version = (select max(v.version) from letter v where v.organisation_code = l.organisation_code"
                + " and v.reporting_year = l.reporting_year)"
                + " and not exists (select 1 from letter_approval a where a.organisation_code = l.organisation_code"
                + " and a.reporting_year = l.reporting_year and a.version = l.version)";
        List<Object> arguments = new java.util.ArrayList<>(List.of(approvedBy, java.sql.Timestamp.from(at), year.toString()));
        organisationCode.ifPresent(arguments::add);
        if (writtenBy.isPresent()) {
            sql += " and l.generated_at <= ?";
            arguments.add(java.sql.Timestamp.from(writtenBy.get()));
        }
        return jdbc.update(sql, arguments.toArray());
    }

    /** The organisations whose latest letter of the year is approved, by code. */
    List<String> approvedLatest(ReportingYear year) {
        return jdbc.queryForList("select l.organisation_code from letter l join letter_approval a on a.organisation_code = l.organisation_code"
                + " and a.reporting_year = l.reporting_year and a.version = l.version where l.reporting_year = ?"
                + " and l.version = (select max(v.version) from letter v where v.organisation_code = l.organisation_code"
                + " and v.reporting_year = l.reporting_year) order by l.organisation_code", String.class, year.toString());
    }

    /**
     * The latest version of one organisation's letter of a year, as a review lists it: who approved it and when, if anyone
     * has, and the latest version approved (this one or an earlier), if any is.
     */
    record StoredReview(String organisationCode, int version, int templateVersion, Instant generatedAt, Optional<String> approvedBy,
            Optional<Instant> approvedAt, Optional<Integer> lastApproved) {
    }

    /** The latest version of each letter of the year with its approval, if that version is approved; by code. */
    List<StoredReview> reviewLatest(ReportingYear year) {
        return reviewLatest(year, java.util.Optional.empty());
    }

    /** The same, of one organisation's letter only if one is given. */
    List<StoredReview> reviewLatest(ReportingYear year, java.util.Optional<String> organisationCode) {
        List<Object> arguments = new java.util.ArrayList<>(List.of(year.toString()));
        organisationCode.ifPresent(arguments::add);
        return jdbc.query("""
                select l.organisation_code, l.version, l.template_version, l.generated_at, a.approved_by, a.approved_at,
                       (select max(p.version) from letter_approval p
                         where p.organisation_code = l.organisation_code
                           and p.reporting_year = l.reporting_year) as last_approved
                  from letter l
                  left join letter_approval a
                    on a.organisation_code = l.organisation_code
                   and a.reporting_year = l.reporting_year
                   and a.version = l.version
                 where l.reporting_year = ?%s
                   and l.version = (select max(v.version) from letter v
                                     where v.organisation_code = l.organisation_code
                                       and v.reporting_year = l.reporting_year)
                 order by l.organisation_code
                """.formatted(organisationCode.isPresent() ? " and l.organisation_code = ?" : ""), (rs, n) -> new StoredReview(
                rs.getString("organisation_code"), rs.getInt("version"), rs.getInt("template_version"), rs.getTimestamp("generated_at").toInstant(),
                Optional.ofNullable(rs.getString("approved_by")), Optional.ofNullable(rs.getTimestamp("approved_at")).map(Timestamp::toInstant),
                Optional.ofNullable((Number) rs.getObject("last_approved")).map(Number::intValue)), arguments.toArray());
    }

    /**
     * One version of a letter as staff compare it, without its PDF: its words, the template it was written from (the
     * file's name and when it was loaded), when its figures were computed and it was written, and its approval if it has one.
     */
    record StoredVersion(String organisationCode, int version, int templateVersion, String templateFile, Instant templateLoadedAt,
            Instant figuresComputedAt, Instant generatedAt, String text, Optional<String> approvedBy, Optional<Instant> approvedAt) {
    }

    Optional<StoredVersion> versionToCompare(String organisationCode, ReportingYear year, int version) {
        return jdbc.query("""
                select l.organisation_code, l.version, l.template_version, t.file_name, t.loaded_at, l.figures_computed_at,
                       l.generated_at, l.letter_text, a.approved_by, a.approved_at
                  from letter l
                  join letter_template t
                    on t.reporting_year = l.reporting_year
                   and t.version = l.template_version
                  left join letter_approval a
                    on a.organisation_code = l.organisation_code
                   and a.reporting_year = l.reporting_year
                   and a.version = l.version
                 where l.organisation_code = ? and l.reporting_year = ? and l.version = ?
                """, (rs, n) -> new StoredVersion(rs.getString("organisation_code"), rs.getInt("version"), rs.getInt("template_version"),
                rs.getString("file_name"), rs.getTimestamp("loaded_at").toInstant(), rs.getTimestamp("figures_computed_at").toInstant(),
                rs.getTimestamp("generated_at").toInstant(), rs.getString("letter_text"), Optional.ofNullable(rs.getString("approved_by")),
                Optional.ofNullable(rs.getTimestamp("approved_at")).map(Timestamp::toInstant)), organisationCode, year.toString(), version)
                .stream().findFirst();
    }

    /** The years an organisation has a letter of, latest first. */
    List<ReportingYear> yearsOf(String organisationCode) {
        return jdbc.queryForList("select distinct reporting_year from letter where organisation_code = ? order by reporting_year desc",
                String.class, organisationCode).stream().map(ReportingYear::parse).toList();
    }

    List<ReportingYear> years() {
        return jdbc.queryForList("select distinct reporting_year from letter order by reporting_year desc", String.class).stream()
                .map(ReportingYear::parse).toList();
    }

    /** The organisations with a letter of the year, by code. */
    List<String> organisationsOf(ReportingYear year) {
        return jdbc.queryForList("select distinct organisation_code from letter where reporting_year = ? order by organisation_code",
                String.class, year.toString());
    }

    List<Integer> versions(String organisationCode, ReportingYear year) {
        return jdbc.queryForList("select version from letter where organisation_code = ? and reporting_year = ? order by version",
                Integer.class, organisationCode, year.toString());
    }

    /**
     * Keeps the letter as a new version, unless the latest version says the same from the same template; returns
     * the version that holds it.
     */
    int store(StoredLetter letter) {
        Optional<StoredLetter> latest = latestLetter(letter.organisationCode(), letter.year(), "cast(null as bytea)");
        if (latest.isPresent() && latest.get().templateVersion() == letter.templateVersion() && latest.get().text().equals(letter.text())
                && latest.get().html().equals(letter.html())) {
            return latest.get().version();
        }
        int version = latest.map(l -> l.version() + 1).orElse(1);
        jdbc.update("insert into letter (organisation_code, reporting_year, version, template_version, figures_computed_at, figures,"
                + " letter_text, letter_html, letter_pdf, generated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                letter.organisationCode(), letter.year().toString(), version, letter.templateVersion(),
                Timestamp.from(letter.figuresComputedAt()), letter.figures(), letter.text(), letter.html(), letter.pdf(),
                Timestamp.from(letter.generatedAt()));
        return version;
    }
}
