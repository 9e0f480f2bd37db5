package org.annualreview.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and writes the one stored snapshot of figures per reporting year. */
final class SnapshotStore {

    private static final String COUNT_COLUMNS = Arrays.stream(Tally.values()).map(Tally::column).collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the year's snapshot; the caller runs this in one transaction. */
    void save(ReportingYear year, Instant computedAt, List<OrganisationFigures> figures) {
        jdbc.update("delete from organisation_figures_breakdown where reporting_year = ?", year.toString());
        jdbc.update("delete from organisation_figures where reporting_year = ?", year.toString());
        jdbc.update("delete from statistics_snapshot where reporting_year = ?", year.toString());
        jdbc.update("insert into statistics_snapshot (reporting_year, computed_at, stale) values (?, ?, false)",
                year.toString(), Timestamp.from(computedAt));
        String marks = Arrays.stream(Tally.values()).map(t -> "?").collect(Collectors.joining(", "));
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> breakdown = new ArrayList<>();
        for (OrganisationFigures f : figures) {
            List<Object> row = new ArrayList<>(List.of(year.toString(), f.code(), f.kind().code()));
            row.add(f.population().map(p -> p.residents()).orElse(null));
            row.add(f.population().map(p -> p.midYear()).orElse(null));
            for (Tally tally : Tally.values()) {
                row.add(f.count(tally));
            }
            rows.add(row.toArray());
            f.outcomes().forEach((outcome, n) -> {
                if (n > 0) {
                    breakdown.add(new Object[] {year.toString(), f.code(), "outcome", outcome.code(), n});
                }
            });
            f.serviceAreas().forEach((area, n) -> {
                if (n > 0) {
                    breakdown.add(new Object[] {year.toString(), f.code(), "service-area", area.code(), n});
                }
            });
        }
        insertInChunks("insert into organisation_figures (reporting_year, organisation_code, kind, residents, population_mid_year, "
                + COUNT_COLUMNS + ") values ", "(?, ?, ?, ?, ?, " + marks + ")", rows);
        insertInChunks("insert into organisation_figures_breakdown (reporting_year, organisation_code, dimension, category, decisions)"
                + " values ", "(?, ?, ?, ?, ?)", breakdown);
    }

    /** Multi-row inserts, a few hundred rows a statement: one round trip each instead of one per row. */
    private void insertInChunks(String insert, String rowMarks, List<Object[]> rows) {
        int chunk = 200;
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            String sql = insert + String.join(", ", java.util.Collections.nCopies(part.size(), rowMarks));
            jdbc.update(sql, part.stream().flatMap(Arrays::stream).toArray());
        }
    }

    /** The year's snapshot, unless there is none or records changed since it was computed. */
    Optional<YearFigures> loadFresh(ReportingYear year) {
        List<Instant> computed = jdbc.query("select computed_at from statistics_snapshot where reporting_year = ? and stale = false",
                (rs, n) -> rs.getTimestamp(1).toInstant(), year.toString());
        if (computed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<Outcome, Long>> outcomes = new HashMap<>();
        Map<String, Map<ServiceArea, Long>> areas = new HashMap<>();
        jdbc.query("select organisation_code, dimension, category, decisions from organisation_figures_breakdown where reporting_year = ?",
                rs -> {
                    String code = rs.getString(1);
                    if (rs.getString(2).equals("outcome")) {
                        outcomes.computeIfAbsent(code, c -> new EnumMap<>(Outcome.class))
                                .put(Term.byCode(Outcome.class, rs.getString(3)), rs.getLong(4));
                    } else {
                        areas.computeIfAbsent(code, c -> new EnumMap<>(ServiceArea.class))
                                .put(Term.byCode(ServiceArea.class, rs.getString(3)), rs.getLong(4));
                    }
                }, year.toString());
        List<OrganisationFigures> figures = jdbc.query("select f.*, o.name from organisation_figures f"
                + " join organisation o on o.code = f.organisation_code where f.reporting_year = ? order by o.name, o.code", (rs, n) -> {
                    Map<Tally, Long> counts = new EnumMap<>(Tally.class);
                    for (Tally tally : Tally.values()) {
                        counts.put(tally, rs.getLong(tally.column()));
                    }
                    Object residents = rs.getObject("residents");
                    Optional<OrganisationFigures.Population> population = residents == null ? Optional.empty()
                            : Optional.of(new OrganisationFigures.Population(rs.getInt("population_mid_year"), rs.getLong("residents")));
                    String code = rs.getString("organisation_code");
                    return new OrganisationFigures(code, rs.getString("name"), Term.byCode(OrganisationKind.class, rs.getString("kind")),
                            population, counts, outcomes.getOrDefault(code, Map.of()), areas.getOrDefault(code, Map.of()));
                }, year.toString());
        return Optional.of(new YearFigures(year, computed.get(0), figures));
    }

    void markAllStale() {
        jdbc.update("update statistics_snapshot set stale = true");
    }
}
