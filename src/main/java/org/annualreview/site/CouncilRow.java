package org.annualreview.site;

import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Shown;
import org.annualreview.statistics.TypeAverage;
import org.annualreview.statistics.YearFigures;

/**
 * One council's key statistics of one year as the site shows them, with the counts behind each rate and a
 * caution where a rate rests on fewer than {@link #FEW} cases.
 */
public record CouncilRow(String code, String name, String kind, Figure upheld, Figure perHundredThousand, Figure compliance,
        Figure satisfactoryRemedy) {

    /** Fewer cases than this and a rate is flagged: 2 of 3 is "67%", but says little. */
    public static final int FEW = 10;

    /** A rate as shown, what it is out of, the type's average, and whether it rests on few cases. */
    public record Figure(String shown, long count, long outOf, String average, boolean fewCases) {

        /** The rate as a plain number for sorting a table (count over what it is out of), empty when there is none. */
        public String sortValue() {
            return outOf == 0 ? "" : String.valueOf((double) count / outOf);
        }
    }

    static CouncilRow of(OrganisationFigures f, YearFigures year) {
        TypeAverage average = year.averageFor(f.kind(), AverageMethod.POOLED).orElse(null);
        return new CouncilRow(f.code(), f.name(), f.kind().label(),
                new Figure(Shown.upheld(f.upheld()), f.upheld().numerator(), f.upheld().denominator(),
                        average == null ? "" : TypeAverage.shownPercent(average.upheld(), "none"), few(f.upheld().denominator())),
                new Figure(Shown.perHundredThousand(f.upheldPerHundredThousand()), f.upheldPerHundredThousand().count(),
                        f.upheldPerHundredThousand().residents(),
                        average == null ? "" : TypeAverage.shownPerHundredThousand(average.upheldPerHundredThousand(), "none"), false),
                new Figure(Shown.compliance(f.compliance()), f.compliance().numerator(), f.compliance().denominator(),
                        average == null ? "" : TypeAverage.shownPercent(average.compliance(), "none"), few(f.compliance().denominator())),
                new Figure(Shown.satisfactoryRemedy(f.satisfactoryRemedy()), f.satisfactoryRemedy().numerator(),
                        f.satisfactoryRemedy().denominator(),
                        average == null ? "" : TypeAverage.shownPercent(average.satisfactoryRemedy(), "none"),
                        few(f.satisfactoryRemedy().denominator())));
    }

    private static boolean few(long cases) {
        return cases > 0 && cases < FEW;
    }
}
