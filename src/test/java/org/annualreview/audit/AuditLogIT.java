package org.annualreview.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A change and its audit entry, made in one transaction on H2 and PostgreSQL: both kept, or neither. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class AuditLogIT {

    @Parameter
    String databaseKind;

    TestDatabase database;
    AuditLog audit;
    JdbcTemplate feature;

    @BeforeEach
    void start() {
        database = TestDatabase.start(databaseKind);
        audit = new AuditLog(database.dataSource(), java.time.Clock.systemUTC());
        feature = new JdbcTemplate(database.dataSource());   // as a feature's own store holds it
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aChangeAndItsEntryAreKeptTogether() {
        int workshops = audit.inTransaction(() -> {
            feature.update("insert into training_total (reporting_year, workshops, people_reached) values ('2023-24', 126, 1700)");
            audit.record("tester", "set-training-total", "2023-24", Optional.empty(), Optional.of("126 workshops"));
            return 126;
        });

        assertThat(workshops).isEqualTo(126);
        assertThat(feature.queryForObject("select count(*) from training_total", Integer.class)).isEqualTo(1);
        assertThat(audit.latest(10)).extracting(AuditEvent::action).containsExactly("set-training-total");
    }

    @Test
    void aChangeThatFailsAfterItsEntryLeavesNeither() {
        assertThatThrownBy(() -> audit.inTransaction(() -> {
            audit.record("tester", "set-training-total", "2023-24", Optional.empty(), Optional.of("126 workshops"));
            feature.update("insert into training_total (reporting_year, workshops, people_reached) values ('2023-24', 126, 1700)");
            feature.update("insert into training_total (reporting_year, workshops, people_reached) values ('2023-24', 1, 1)");   // the same key
            return 0;
        })).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        assertThat(feature.queryForObject("select count(*) from training_total", Integer.class)).isZero();
        assertThat(audit.latest(10)).isEmpty();
    }
}
