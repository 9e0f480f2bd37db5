package org.annualreview.statistics;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and writes the one stored snapshot of figures per reporting year. */
final class SnapshotStore {

    private static final List<String> COLUMNS = columns();

    /** Every count column: the tallies, then decisions by outcome and by service area. */
    private static List<String> columns() {
        List<String> columns = new ArrayList<>();
        Arrays.stream(Tally.values()).map(Tally::column).forEach(columns::add);
        Arrays.stream(Outcome.values()).map(SnapshotStore::column).forEach(columns::add);
        Arrays.stream(ServiceArea.values()).map(SnapshotStore::column).forEach(columns::add);
        return List.copyOf(columns);
    }

    static String column(Outcome outcome) {
        return "outcome_" + outcome.code().replace('-', '_');
    }

    static String column(ServiceArea area) {
        return "area_" + area.code().replace('-', '_');
    }

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the year's snapshot; the caller runs this in one transaction. */
    void save(ReportingYear year, Instant computedAt, List<OrganisationFigures> figures) {
        jdbc.update("delete from organisation_figures where reporting_year = ?", year.toString());
        jdbc.update("delete from statistics_snapshot where reporting_year = ?", year.toString());
        jdbc.update("insert into statistics_snapshot (reporting_year, computed_at, stale) values (?, ?, false)",
                year.toString(), Timestamp.from(computedAt));
        if (copied(year, figures)) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(COLUMNS.size() + 5, "?"));
        jdbc.batchUpdate("insert into organisation_figures (" + insertedColumns() + ") values (" + marks + ")", figures, 500,
                (statement, f) -> {
                    List<Object> values = values(year, f);
                    for (int i = 0; i < values.size(); i++) {
                        // typed, so that a missing population does not make the driver ask the database what type a null is
                        statement.setObject(i + 1, values.get(i), values.get(i) instanceof String ? Types.VARCHAR : Types.BIGINT);
                    }
                });
    }

    /** The row of organisation_figures for one organisation, in the order of {@link #insertedColumns()}. */
    private static List<Object> values(ReportingYear year, OrganisationFigures f) {
        List<Object> row = new ArrayList<>(List.of(year.toString(), f.code(), f.kind().code()));
        row.add(f.population().map(p -> (Object) p.residents()).orElse(null));
        row.add(f.population().map(p -> (Object) p.midYear()).orElse(null));
        for (Tally tally : Tally.values()) {
            row.add(f.count(tally));
        }
        Map<Outcome, Long> outcomes = f.outcomes();
        for (Outcome outcome : Outcome.values()) {
            row.add(outcomes.getOrDefault(outcome, 0L));
        }
        Map<ServiceArea, Long> areas = f.serviceAreas();
        for (ServiceArea area : ServiceArea.values()) {
            row.add(areas.getOrDefault(area, 0L));
        }
        return row;
    }

    private static String insertedColumns() {
        return "reporting_year, organisation_code, kind, residents, population_mid_year, " + String.join(", ", COLUMNS);
    }

    /**
     * On PostgreSQL the rows go in with one COPY, a tenth of the time of a batch of inserts; returns false on
     * other databases, which take the batch.
     */
    private boolean copied(ReportingYear year, List<OrganisationFigures> figures) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            StringBuilder csv = new StringBuilder();
            for (OrganisationFigures f : figures) {
                csv.append(values(year, f).stream().map(v -> v == null ? "" : v.toString()).collect(Collectors.joining(","))).append('\n');
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy organisation_figures (" + insertedColumns() + ") from stdin with (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException(e);
            }
            return true;
        }));
    }

    /** The year's snapshot, unless there is none or records changed since it was computed. */
    Optional<YearFigures> loadFresh(ReportingYear year) {
        List<Instant> computed = jdbc.query("select computed_at from statistics_snapshot where reporting_year = ? and stale = false",
                (rs, n) -> rs.getTimestamp(1).toInstant(), year.toString());
        if (computed.isEmpty()) {
            return Optional.empty();
        }
        List<OrganisationFigures> figures = jdbc.query("select f.*, o.name from organisation_figures f"
                + " join organisation o on o.code = f.organisation_code where f.reporting_year = ? order by o.name, o.code", ROW, year.toString());
        return Optional.of(new YearFigures(year, computed.get(0), figures));
    }

    /** The figures a release froze, with each organisation's name as it was then. */
    YearFigures loadReleased(long releaseId, ReportingYear year, Instant computedAt) {
        return new YearFigures(year, computedAt, jdbc.query("select f.*, f.organisation_name as name from release_figures f"
                + " where f.release_id = ? order by f.organisation_name, f.organisation_code", ROW, releaseId));
    }

    /** Freezes the year's stored figures as the release's, with the organisations' names; the caller holds the snapshots' lock. */
    void copyToRelease(ReportingYear year, long releaseId) {
        jdbc.update("insert into release_figures select cast(? as bigint), o.name, f.* from organisation_figures f"
                + " join organisation o on o.code = f.organisation_code where f.reporting_year = ?", releaseId, year.toString());
    }

    private static final org.springframework.jdbc.core.RowMapper<OrganisationFigures> ROW = (rs, n) -> {
        Map<Tally, Long> counts = new EnumMap<>(Tally.class);
        for (Tally tally : Tally.values()) {
            counts.put(tally, rs.getLong(tally.column()));
        }
        Object residents = rs.getObject("residents");
        Optional<OrganisationFigures.Population> population = residents == null ? Optional.empty()
                : Optional.of(new OrganisationFigures.Population(rs.getInt("population_mid_year"), rs.getLong("residents")));
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, rs.getLong(column(outcome)));
        }
        Map<ServiceArea, Long> areas = new EnumMap<>(ServiceArea.class);
        for (ServiceArea area : ServiceArea.values()) {
            areas.put(area, rs.getLong(column(area)));
        }
        // a release frozen before compliance was counted per case has no per-case counts (V22): it keeps its own
        boolean byCase = rs.getObject(Tally.CASES_COMPLIED.column()) != null;
        return new OrganisationFigures(rs.getString("organisation_code"), rs.getString("name"),
                Term.byCode(OrganisationKind.class, rs.getString("kind")), population, counts, outcomes, areas, byCase);
    };

    void markAllStale() {
        jdbc.update("update statistics_snapshot set stale = true");
    }
}
