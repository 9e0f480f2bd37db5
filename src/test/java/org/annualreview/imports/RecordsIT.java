package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.annualreview.audit.AuditLog;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records one at a time, on H2 and PostgreSQL: what a form saves is what a file's row would import, and the
 * audit entry made in the change's transaction is kept with it or, failing, takes the change with it.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class RecordsIT {

    @Parameter
    String databaseKind;

    TestDatabase database;
    Records records;
    AuditLog audit;
    List<Object> events;

    @BeforeEach
    void importTheSamples() throws Exception {
        database = TestDatabase.start(databaseKind);
        events = new ArrayList<>();
        Imports imports = new Imports(database.dataSource(), events::add);
        List<Path> samples;
        try (Stream<Path> list = Files.list(Path.of("docs/samples"))) {
            samples = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(imports.importFiles(samples, Optional.empty(), ImportProgress.NONE).succeeded()).isTrue();
        events.clear();
        records = new Records(database.dataSource(), imports, events::add);
        audit = new AuditLog(database.dataSource(), java.time.Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    static Map<String, String> contact(String email) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("organisation_code", "E08000012");
        cells.put("role", "monitoring-officer");
        cells.put("surname", "Officer");
        cells.put("email", email);
        return cells;
    }

    final Records.Changed audited = (connection, change, before, after) -> audit.record(connection, "tester", change.name().toLowerCase(),
            "contact", before.map(Records::describe), after.map(Records::describe));

    final Records.Changed failing = (connection, change, before, after) -> {
        throw new SQLException("the audit log refused the entry");
    };

    long count(String sql, Object... arguments) {
        return new JdbcTemplate(database.dataSource()).queryForObject(sql, Long.class, arguments);
    }

    @Test
    void aSavedRecordReadsBackAsAFileWouldHoldItAndItsAuditEntryIsKept() {
        Records.Saved saved = records.save(RecordType.CONTACTS, contact("Kept@Liverpool.example"), true, audited);

        assertThat(saved.change()).isEqualTo(Records.Change.ADDED);
        assertThat(saved.after().orElseThrow()).containsEntry("role", "monitoring-officer").containsEntry("email", "Kept@Liverpool.example")
                .containsEntry("title", "");
        assertThat(count("select count(*) from audit_event where action = 'added' and after_text like ?", "%email: Kept@Liverpool.example%"))
                .isEqualTo(1);
        assertThat(events).as("the figures are marked for working out again").hasSize(1);
    }

    @Test
    void aChangeWhoseAuditEntryFailsIsNotKept() {
        assertThatThrownBy(() -> records.save(RecordType.CONTACTS, contact("lost@liverpool.example"), true, failing))
                .isInstanceOf(Imports.ImportFailed.class).hasMessageContaining("the audit log refused the entry");

        assertThat(records.byKey(RecordType.CONTACTS, List.of("E08000012", "monitoring-officer", "lost@liverpool.example"))).isEmpty();
        assertThat(count("select count(*) from contact where organisation_code = 'E08000012'")).isZero();
    }

    @Test
    void aDeletionWhoseAuditEntryFailsLeavesTheRecord() {
        List<String> key = List.of("SAMPLE-23-0001", "1");

        assertThatThrownBy(() -> records.delete(RecordType.RECOMMENDATIONS, key, failing)).hasMessageContaining("recording the deletion");

        assertThat(records.byKey(RecordType.RECOMMENDATIONS, key)).isPresent();
        assertThat(records.delete(RecordType.RECOMMENDATIONS, key, audited).problem()).isEmpty();
        assertThat(records.byKey(RecordType.RECOMMENDATIONS, key)).isEmpty();
        assertThat(records.byKey(RecordType.RECOMMENDATIONS, List.of("SAMPLE-23-0001", "2"))).as("the decoy").isPresent();
        assertThat(count("select count(*) from audit_event where action = 'deleted' and before_text like ?", "%number: 1%")).isEqualTo(1);
    }

    @Test
    void aSearchFindsTheWordsInAnyTextColumnAndLeavesTheRestOut() {
        Records.Page found = records.find(RecordType.DECISIONS, new Records.Search("sample-23-000", Optional.of("E08000011"), Optional.empty(), 1));
        Records.Page none = records.find(RecordType.DECISIONS, new Records.Search("sample-23-000", Optional.of("E08000012"), Optional.empty(), 1));
        Records.Page literal = records.find(RecordType.DECISIONS, new Records.Search("sample_23%", Optional.empty(), Optional.empty(), 1));

        assertThat(found.records()).isNotEmpty().allSatisfy(r -> assertThat(r.get("organisation_code")).isEqualTo("E08000011"));
        assertThat(found.total()).isEqualTo(found.records().size());
        assertThat(none.records()).as("the same words of another council's").allSatisfy(r -> assertThat(r.get("organisation_code")).isEqualTo("E08000012"));
        assertThat(literal.total()).as("% and _ typed are the characters themselves").isZero();
    }
}
