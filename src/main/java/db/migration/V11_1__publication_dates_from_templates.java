package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.annualreview.letters.TemplateSettings;
import org.annualreview.shared.ReportingYear;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Carries each year's publication date out of its latest letter template (where it was kept until V11) into the
 * table publication_date, so that a database made before keeps publishing on the same day. Found by Flyway in
 * db/migration beside the SQL migrations, on H2 and PostgreSQL alike.
 */
public class V11_1__publication_dates_from_templates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement select = context.getConnection().createStatement();
                ResultSet latest = select.executeQuery("""
                        select t.reporting_year, t.file_name, t.source from letter_template t
                        where t.version = (select max(v.version) from letter_template v where v.reporting_year = t.reporting_year)""");
                PreparedStatement insert = context.getConnection().prepareStatement(
                        "insert into publication_date (reporting_year, publication_day, set_by, set_at) values (?, ?, ?, ?)")) {
            while (latest.next()) {
                ReportingYear year = ReportingYear.parse(latest.getString(1));
                Optional<java.time.LocalDate> day;
                try {
                    day = TemplateSettings.publicationDateIn(latest.getString(2), latest.getString(3), year);
                } catch (RuntimeException unreadable) {
                    day = Optional.empty();   // a template that no longer reads has no date to carry
                }
                if (day.isPresent()) {
                    insert.setString(1, year.toString());
                    insert.setObject(2, day.get());
                    insert.setString(3, "the letter template (before publication dates had a table)");
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
            }
        }
    }
}
