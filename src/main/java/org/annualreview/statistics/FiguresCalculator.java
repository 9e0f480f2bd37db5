package org.annualreview.statistics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes a reporting year's figures from the records: one grouped query per kind of record, built from
 * the {@link Tally} definitions. Covers every council that existed in the year and every other body with
 * records in it.
 */
final class FiguresCalculator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FiguresCalculator.class);

    private final JdbcTemplate jdbc;

    FiguresCalculator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganisationFigures> compute(ReportingYear year) {
        Map<String, Map<Tally, Long>> counts = new HashMap<>();
        for (Tally.Counted counted : Tally.Counted.values()) {
            long begun = System.nanoTime();
            countInto(counts, counted, year);
            LOG.debug("{} {}: {} ms", year, counted, (System.nanoTime() - begun) / 1_000_000);
        }
        long breakdownStarted = System.nanoTime();
        Map<String, Map<Outcome, Long>> outcomes = new HashMap<>();
        Map<String, Map<ServiceArea, Long>> areas = new HashMap<>();
        breakdown(year, outcomes, areas);
        Map<String, TreeMap<Integer, Long>> populations = populations();
        LOG.debug("{} breakdowns and populations: {} ms", year, (System.nanoTime() - breakdownStarted) / 1_000_000);

        List<OrganisationFigures> figures = new ArrayList<>();
        jdbc.query("select code, name, kind, started_on, ended_on from organisation order by name, code", rs -> {
            String code = rs.getString("code");
            OrganisationKind kind = Term.byCode(OrganisationKind.class, rs.getString("kind"));
            Date started = rs.getDate("started_on");
            Date ended = rs.getDate("ended_on");
            boolean existed = (started == null || !started.toLocalDate().isAfter(year.lastDay()))
                    && (ended == null || !ended.toLocalDate().isBefore(year.firstDay()));
            if (existed && kind.hasTypeAverage() || counts.containsKey(code)) {
                figures.add(new OrganisationFigures(code, rs.getString("name"), kind,
                        populationFor(populations.get(code), year),
                        counts.getOrDefault(code, Map.of()), outcomes.getOrDefault(code, Map.of()), areas.getOrDefault(code, Map.of())));
            }
        });
        return figures;
    }

    private void countInto(Map<String, Map<Tally, Long>> counts, Tally.Counted counted, ReportingYear year) {
        List<Tally> tallies = java.util.Arrays.stream(Tally.values()).filter(t -> t.counted() == counted).toList();
        String sql = "select " + counted.organisation + " as organisation_code, "
                + tallies.stream().map(t -> t.aggregate() + " as " + t.column()).collect(Collectors.joining(", "))
                + " from " + counted.from
                + " where " + counted.date + " between ? and ?"
                + " group by " + counted.organisation;
        jdbc.query(withYearEnd(sql, year), rs -> {
            Map<Tally, Long> row = counts.computeIfAbsent(rs.getString("organisation_code"), c -> new EnumMap<>(Tally.class));
            for (Tally tally : tallies) {
                row.put(tally, rs.getLong(tally.column()));
            }
        }, Date.valueOf(year.firstDay()), Date.valueOf(year.lastDay()));
    }

    /** Tally conditions may compare with the last day of the year; it is a date literal both databases read. */
    static String withYearEnd(String sql, ReportingYear year) {
        return sql.replace(":year_end", "date '" + year.lastDay() + "'");
    }

    /** Decisions of the year by outcome and by service area, from one grouped query. */
    private void breakdown(ReportingYear year, Map<String, Map<Outcome, Long>> outcomes, Map<String, Map<ServiceArea, Long>> areas) {
        jdbc.query("select organisation_code, outcome, service_area, count(*) as decisions from decision"
                + " where decided_on between ? and ? group by organisation_code, outcome, service_area", rs -> {
                    String code = rs.getString("organisation_code");
                    long decisions = rs.getLong("decisions");
                    outcomes.computeIfAbsent(code, c -> new EnumMap<>(Outcome.class))
                            .merge(Term.byCode(Outcome.class, rs.getString("outcome")), decisions, Long::sum);
                    areas.computeIfAbsent(code, c -> new EnumMap<>(ServiceArea.class))
                            .merge(Term.byCode(ServiceArea.class, rs.getString("service_area")), decisions, Long::sum);
                }, Date.valueOf(year.firstDay()), Date.valueOf(year.lastDay()));
    }

    private Map<String, TreeMap<Integer, Long>> populations() {
        Map<String, TreeMap<Integer, Long>> result = new HashMap<>();
        jdbc.query("select organisation_code, mid_year, residents from population", rs -> {
            result.computeIfAbsent(rs.getString("organisation_code"), c -> new TreeMap<>())
                    .put(rs.getInt("mid_year"), rs.getLong("residents"));
        });
        return result;
    }

    /**
     * The estimate for the middle of the reporting year (mid-2023 for 2023-24); failing that the latest
     * earlier one; failing that the earliest later one.
     */
    static Optional<OrganisationFigures.Population> populationFor(TreeMap<Integer, Long> estimates, ReportingYear year) {
        if (estimates == null || estimates.isEmpty()) {
            return Optional.empty();
        }
        var chosen = Optional.ofNullable(estimates.floorEntry(year.startYear())).orElse(estimates.ceilingEntry(year.startYear()));
        return Optional.of(new OrganisationFigures.Population(chosen.getKey(), chosen.getValue()));
    }
}
