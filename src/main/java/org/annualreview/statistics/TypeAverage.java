package org.annualreview.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.PerHundredThousand;
import org.annualreview.shared.Rate;

/**
 * The average of similar authorities for one council type: the marker each council's key statistics are
 * compared with. Values are exact; {@link #shownPercent} and {@link #shownPerHundredThousand} round them.
 */
public record TypeAverage(OrganisationKind kind, AverageMethod method, int councils,
        Optional<BigDecimal> upheld, Optional<BigDecimal> upheldPerHundredThousand,
        Optional<BigDecimal> compliance, Optional<BigDecimal> satisfactoryRemedy) {

    static TypeAverage of(OrganisationKind kind, AverageMethod method, List<OrganisationFigures> councils) {
        return switch (method) {
            case POOLED -> new TypeAverage(kind, method, councils.size(),
                    pooled(councils, OrganisationFigures::upheld),
                    new PerHundredThousand(sum(councils, f -> f.upheldPerHundredThousand().count(), f -> f.population().isPresent()),
                            sum(councils, f -> f.upheldPerHundredThousand().residents(), f -> true)).exact(),
                    pooled(councils, OrganisationFigures::compliance),
                    pooled(councils, OrganisationFigures::satisfactoryRemedy));
            case MEAN_OF_COUNCILS -> new TypeAverage(kind, method, councils.size(),
                    mean(councils, f -> f.upheld().exactPercent()),
                    mean(councils, f -> f.upheldPerHundredThousand().exact()),
                    mean(councils, f -> f.compliance().exactPercent()),
                    mean(councils, f -> f.satisfactoryRemedy().exactPercent()));
        };
    }

    private static Optional<BigDecimal> pooled(List<OrganisationFigures> councils, Function<OrganisationFigures, Rate> rate) {
        return new Rate(sum(councils, f -> rate.apply(f).numerator(), f -> true),
                sum(councils, f -> rate.apply(f).denominator(), f -> true)).exactPercent();
    }

    private static long sum(List<OrganisationFigures> councils, Function<OrganisationFigures, Long> value,
            java.util.function.Predicate<OrganisationFigures> counted) {
        return councils.stream().filter(counted).mapToLong(value::apply).sum();
    }

    private static Optional<BigDecimal> mean(List<OrganisationFigures> councils, Function<OrganisationFigures, Optional<BigDecimal>> value) {
        List<BigDecimal> defined = new ArrayList<>();
        councils.forEach(f -> value.apply(f).ifPresent(defined::add));
        if (defined.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(defined.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(defined.size()), 10, RoundingMode.HALF_UP));
    }

    /** Whole percent, half up, or the words for a type with nothing to average. */
    public static String shownPercent(Optional<BigDecimal> value, String whenUndefined) {
        return value.map(v -> v.setScale(0, RoundingMode.HALF_UP).toPlainString() + "%").orElse(whenUndefined);
    }

    public static String shownPerHundredThousand(Optional<BigDecimal> value, String whenUndefined) {
        return value.map(v -> v.setScale(1, RoundingMode.HALF_UP).toPlainString()).orElse(whenUndefined);
    }
}
