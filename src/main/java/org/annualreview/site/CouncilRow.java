package org.annualreview.site;

import java.util.List;

import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.TypeAverage;
import org.annualreview.statistics.YearFigures;

/**
 * One council's key statistics of one year as the site shows them, in the order of {@link KeyStatistic}, with the counts
 * behind each and a caution where a rate rests on fewer than {@link #FEW} cases.
 */
public record CouncilRow(String code, String name, String kind, List<Figure> figures) {

    /** Fewer cases than this and a rate is flagged: 2 of 3 is "67%", but says little. */
    public static final int FEW = 10;

    /**
     * A key statistic as shown: its code and label, the figure, what it is out of and the counts in words ("2 upheld of 3
     * detailed investigations"), the type's average, and whether it rests on few cases.
     */
    public record Figure(String code, String label, String shown, long count, long outOf, String counts, String average, boolean fewCases) {

        /** The figure as a plain number for sorting a table (count over what it is out of), empty when there is none. */
        public String sortValue() {
            return outOf == 0 ? "" : String.valueOf((double) count / outOf);
        }
    }

    /**
     * The council's row of the year's figures: the site's from a release, the workspace's from the working records; the
     * same figures, averages and few-cases markers either way.
     */
    public static CouncilRow of(OrganisationFigures f, YearFigures year) {
        TypeAverage average = year.averageFor(f.kind(), AverageMethod.POOLED).orElse(null);
        return new CouncilRow(f.code(), f.name(), f.kind().label(), KeyStatistic.of(year.year()).stream().map(s -> new Figure(s.code(),
                s.label(), s.shown(f), s.count(f), s.outOf(f), s.counts(f), average == null ? "" : s.shownAverage(average, "none"),
                fewCases(s, f))).toList());
    }

    /** Whether a figure rests on few cases: a rate (not a figure per 100,000 residents) out of fewer than {@link #FEW}. */
    public static boolean fewCases(KeyStatistic statistic, OrganisationFigures f) {
        return statistic.scale() == KeyStatistic.Scale.PERCENT && few(statistic.outOf(f));
    }

    /** One of the figures, by its statistic. */
    public Figure figure(KeyStatistic statistic) {
        return figures.stream().filter(f -> f.code().equals(statistic.code())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(statistic.code() + " is not published for this year"));
    }

    /** Whether a rate out of so many cases rests on few. */
    public static boolean fewCases(long outOf) {
        return few(outOf);
    }

    private static boolean few(long cases) {
        return cases > 0 && cases < FEW;
    }
}
