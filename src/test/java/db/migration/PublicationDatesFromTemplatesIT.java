package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.annualreview.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database made before publication dates had a table keeps publishing on the same day: the Java migration 11.1
 * carries each year's date out of its latest template (not an earlier version's) into publication_date.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class PublicationDatesFromTemplatesIT {

    @Parameter
    String databaseKind;

    @Test
    void eachYearsDateIsCarriedFromItsLatestTemplate() throws Exception {
        try (TestDatabase database = TestDatabase.start(databaseKind)) {
            JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
            String template = Files.readString(Path.of("templates/2023-24.md"));
            Timestamp now = Timestamp.from(Instant.parse("2024-07-01T09:00:00Z"));
            // as a database made before V11 held them: two versions of 2023-24's template, one of 2022-23's, none of 2021-22's
            jdbc.update("insert into letter_template (reporting_year, version, file_name, source, loaded_at) values (?, ?, ?, ?, ?)",
                    "2023-24", 1, "2023-24.md", template.replace("publication-date: 24 July", "publication-date: 20 July"), now);
            jdbc.update("insert into letter_template (reporting_year, version, file_name, source, loaded_at) values (?, ?, ?, ?, ?)",
                    "2023-24", 2, "2023-24.md", template.replace("publication-date: 24 July", "publication-date: 2024-07-31"), now);
            jdbc.update("insert into letter_template (reporting_year, version, file_name, source, loaded_at) values (?, ?, ?, ?, ?)",
                    "2022-23", 1, "2022-23.md", template, now);
            jdbc.update("delete from \"flyway_schema_history\" where \"version\" = '11.1'");   // quoted: H2 keeps Flyway's lower-case names

            Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").outOfOrder(true).load().migrate();

            assertThat(jdbc.queryForObject("select publication_day from publication_date where reporting_year = '2023-24'", LocalDate.class))
                    .isEqualTo(LocalDate.of(2024, 7, 31));
            assertThat(jdbc.queryForObject("select publication_day from publication_date where reporting_year = '2022-23'", LocalDate.class))
                    .isEqualTo(LocalDate.of(2023, 7, 24));
            assertThat(jdbc.queryForObject("select count(*) from publication_date", Integer.class)).isEqualTo(2);
        }
    }
}
