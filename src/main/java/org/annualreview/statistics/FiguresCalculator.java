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

    private final JdbcTemplate jdbc;

    FiguresCalculator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OrganisationFigures> compute(ReportingYear year) {
        Map<String, Map<Tally, Long>> counts = new HashMap<>();
        for (Tally.Counted counted : Tally.Counted.values()) {
            countInto(counts, counted, year);
        }
        Map<String, Map<Outcome, Long>> outcomes = breakdown(year, "outcome", Outcome.class);
        Map<String, Map<ServiceArea, Long>> areas = breakdown(year, "service_area", ServiceArea.class);
        Map<String, TreeMap<Integer, Long>> populations = populations();

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

    private <T extends Enum<T> & Term> Map<String, Map<T, Long>> breakdown(ReportingYear year, String column, Class<T> terms) {
        Map<String, Map<T, Long>> result = new HashMap<>();
        jdbc.query("select organisation_code, " + column + " as category, count(*) as decisions from decision"
                + " where decided_on between ? and ? group by organisation_code, " + column, rs -> {
                    result.computeIfAbsent(rs.getString("organisation_code"), c -> new EnumMap<>(terms))
                            .put(Term.byCode(terms, rs.getString("category")), rs.getLong("decisions"));
                }, Date.valueOf(year.firstDay()), Date.valueOf(year.lastDay()));
        return result;
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
