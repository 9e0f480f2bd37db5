package org.annualreview.letters;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.shared.ReportingYear;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day each reporting year's figures and letters go public: one row a year, set by an administrator (or the
 * operator at the command line), never by the wording of a template an analyst loads; and, for a published year
 * taken off the site, its withdrawal.
 */
final class PublicationDates {

    private final JdbcTemplate jdbc;

    PublicationDates(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<LocalDate> of(ReportingYear year) {
        return jdbc.query("select publication_day from publication_date where reporting_year = ?",
                (rs, n) -> rs.getObject(1, LocalDate.class), year.toString()).stream().findFirst();
    }

    /** Sets the year's day (in the caller's transaction); the same day again changes nothing. Returns whether it changed. */
    boolean set(ReportingYear year, LocalDate day, String by, Instant at) {
        Optional<LocalDate> current = of(year);
        if (current.filter(day::equals).isPresent()) {
            return false;
        }
        if (current.isPresent()) {
            jdbc.update("update publication_date set publication_day = ?, set_by = ?, set_at = ? where reporting_year = ?", day, by,
                    Timestamp.from(at), year.toString());
        } else {
            jdbc.update("insert into publication_date (reporting_year, publication_day, set_by, set_at) values (?, ?, ?, ?)", year.toString(), day,
                    by, Timestamp.from(at));
        }
        return true;
    }

    /** Whether an administrator published the year (it has a release: see org.annualreview.publication). */
    boolean released(ReportingYear year) {
        return !jdbc.queryForList("select number from publication_release where reporting_year = ? and number = 1", Integer.class,
                year.toString()).isEmpty();
    }

    Optional<Letters.Withdrawal> withdrawal(ReportingYear year) {
        return jdbc.query("select withdrawn_at, withdrawn_by, reason from withdrawal where reporting_year = ?", (rs, n) -> new Letters.Withdrawal(
                rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)), year.toString()).stream().findFirst();
    }

    /** Records the year's withdrawal (in the caller's transaction); false if it was withdrawn already. */
    boolean withdraw(ReportingYear year, String by, Instant at, String reason) {
        return jdbc.update("insert into withdrawal (reporting_year, withdrawn_at, withdrawn_by, reason) select ?, ?, ?, ? where not exists"
                + " (select 1 from withdrawal where reporting_year = ?)", year.toString(), Timestamp.from(at), by, reason, year.toString()) == 1;
    }
}
