package org.annualreview.statistics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Computes reporting years' figures from the records: one grouped query per kind of record, built from the
 * {@link Tally} definitions, for one year or for every year at once. Covers every council that existed in a
 * year and every other body with records in it.
 */
final class FiguresCalculator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FiguresCalculator.class);

    private final JdbcTemplate jdbc;

    FiguresCalculator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the given years; a single year is read through its index, several in one pass each. */
    Map<ReportingYear, List<OrganisationFigures>> compute(List<ReportingYear> years) {
        Optional<ReportingYear> only = years.size() == 1 ? Optional.of(years.get(0)) : Optional.empty();
        Map<String, Map<String, Map<Tally, Long>>> counts = new HashMap<>();
        Map<String, Map<String, Map<Outcome, Long>>> outcomes = new HashMap<>();
        Map<String, Map<String, Map<ServiceArea, Long>>> areas = new HashMap<>();
        for (Tally.Counted counted : Tally.Counted.values()) {
            long started = System.nanoTime();
            countInto(counts, counted, only, outcomes, areas);
            LOG.debug("{} {}: {} ms", only.map(Object::toString).orElse("all years"), counted, (System.nanoTime() - started) / 1_000_000);
        }
        long started = System.nanoTime();
        Map<String, TreeMap<Integer, Long>> populations = populations();
        Map<String, Integer> chosenEstimates = new HashMap<>();
        jdbc.query("select reporting_year, mid_year from population_estimate_chosen",
                rs -> { chosenEstimates.put(rs.getString(1), rs.getInt(2)); });
        List<Registered> register = jdbc.query("select code, name, kind, started_on, ended_on from organisation order by name, code",
                (rs, n) -> new Registered(rs.getString("code"), rs.getString("name"), Term.byCode(OrganisationKind.class, rs.getString("kind")),
                        rs.getDate("started_on"), rs.getDate("ended_on")));
        LOG.debug("populations and register: {} ms", (System.nanoTime() - started) / 1_000_000);

        Map<ReportingYear, List<OrganisationFigures>> result = new LinkedHashMap<>();
        for (ReportingYear year : years) {
            String name = year.toString();
            Map<String, Map<Tally, Long>> yearCounts = counts.getOrDefault(name, Map.of());
            List<OrganisationFigures> figures = new ArrayList<>();
            for (Registered o : register) {
                if (o.existedIn(year) && o.kind().hasTypeAverage() || yearCounts.containsKey(o.code())) {
                    figures.add(new OrganisationFigures(o.code(), o.name(), o.kind(),
                            populationFor(populations.get(o.code()), chosenEstimates.getOrDefault(name, year.startYear())),
                            yearCounts.getOrDefault(o.code(), Map.of()),
                            outcomes.getOrDefault(name, Map.of()).getOrDefault(o.code(), Map.of()),
                            areas.getOrDefault(name, Map.of()).getOrDefault(o.code(), Map.of())));
                }
            }
            result.put(year, figures);
        }
        return result;
    }

    private record Registered(String code, String name, OrganisationKind kind, Date startedOn, Date endedOn) {
        boolean existedIn(ReportingYear year) {
            return (startedOn == null || !startedOn.toLocalDate().isAfter(year.lastDay()))
                    && (endedOn == null || !endedOn.toLocalDate().isBefore(year.firstDay()));
        }
    }

    /**
     * One grouped query for one kind of record. The decisions' query also splits them by outcome and by service
     * area, so that the largest table is read once.
     */
    private void countInto(Map<String, Map<String, Map<Tally, Long>>> counts, Tally.Counted counted, Optional<ReportingYear> only,
            Map<String, Map<String, Map<Outcome, Long>>> outcomes, Map<String, Map<String, Map<ServiceArea, Long>>> areas) {
        List<Tally> tallies = Arrays.stream(Tally.values()).filter(t -> t.counted() == counted).toList();
        boolean breakdowns = counted == Tally.Counted.DECISIONS;
        List<String> aggregates = new ArrayList<>();
        tallies.forEach(t -> aggregates.add(t.aggregate() + " as " + t.column()));
        if (breakdowns) {
            Arrays.stream(Outcome.values()).forEach(o -> aggregates.add(countWhere("d.outcome", o) + " as " + SnapshotStore.column(o)));
            Arrays.stream(ServiceArea.values()).forEach(a -> aggregates.add(countWhere("d.service_area", a) + " as " + SnapshotStore.column(a)));
        }
        String sql = "select " + counted.year + " as reporting_year, " + counted.organisation + " as organisation_code, "
                + String.join(", ", aggregates)
                + " from " + counted.from
                + (only.isPresent() ? " where " + counted.year + " = ?" : " where " + counted.year + " is not null")
                + " group by " + counted.year + ", " + counted.organisation;
        jdbc.query(sql, rs -> {
            String year = rs.getString("reporting_year");
            String organisation = rs.getString("organisation_code");
            Map<Tally, Long> row = counts.computeIfAbsent(year, y -> new HashMap<>())
                    .computeIfAbsent(organisation, c -> new EnumMap<>(Tally.class));
            for (Tally tally : tallies) {
                row.put(tally, rs.getLong(tally.column()));
            }
            if (breakdowns) {
                Map<Outcome, Long> byOutcome = outcomes.computeIfAbsent(year, y -> new HashMap<>())
                        .computeIfAbsent(organisation, c -> new EnumMap<>(Outcome.class));
                for (Outcome outcome : Outcome.values()) {
                    byOutcome.put(outcome, rs.getLong(SnapshotStore.column(outcome)));
                }
                Map<ServiceArea, Long> byArea = areas.computeIfAbsent(year, y -> new HashMap<>())
                        .computeIfAbsent(organisation, c -> new EnumMap<>(ServiceArea.class));
                for (ServiceArea area : ServiceArea.values()) {
                    byArea.put(area, rs.getLong(SnapshotStore.column(area)));
                }
            }
        }, only.map(y -> new Object[] {y.toString()}).orElse(new Object[0]));
    }

    private static String countWhere(String column, Term term) {
        return "coalesce(sum(case when " + column + " = '" + term.code() + "' then 1 else 0 end), 0)";
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
        return populationFor(estimates, year.startYear());
    }

    /**
     * The estimate of the mid-year given (the middle of the reporting year, or the one staff chose for it); failing that
     * the latest earlier one; failing that the earliest later one.
     */
    static Optional<OrganisationFigures.Population> populationFor(TreeMap<Integer, Long> estimates, int midYear) {
        if (estimates == null || estimates.isEmpty()) {
            return Optional.empty();
        }
        var chosen = Optional.ofNullable(estimates.floorEntry(midYear)).orElse(estimates.ceilingEntry(midYear));
        return Optional.of(new OrganisationFigures.Population(chosen.getKey(), chosen.getValue()));
    }
}
