package org.annualreview.statistics;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.organisations.OrganisationKind;

/**
 * The average of similar authorities for one council type: the marker each council's key statistics are
 * compared with, one value for each {@link KeyStatistic}. Values are exact; {@link KeyStatistic#shownAverage} rounds them.
 */
public record TypeAverage(OrganisationKind kind, AverageMethod method, int councils, Map<KeyStatistic, Optional<BigDecimal>> values) {

    public TypeAverage {
        values = Map.copyOf(values);
    }

    static TypeAverage of(OrganisationKind kind, AverageMethod method, List<OrganisationFigures> councils) {
        Map<KeyStatistic, Optional<BigDecimal>> values = new EnumMap<>(KeyStatistic.class);
        for (KeyStatistic statistic : KeyStatistic.values()) {
            values.put(statistic, statistic.averageOver(councils, method));
        }
        return new TypeAverage(kind, method, councils.size(), values);
    }

    /** The type's average of one key statistic, empty when nothing could be averaged. */
    public Optional<BigDecimal> value(KeyStatistic statistic) {
        return values.getOrDefault(statistic, Optional.empty());
    }

    public Optional<BigDecimal> upheld() {
        return value(KeyStatistic.UPHELD);
    }

    public Optional<BigDecimal> upheldPerHundredThousand() {
        return value(KeyStatistic.UPHELD_PER_100000);
    }

    public Optional<BigDecimal> compliance() {
        return value(KeyStatistic.COMPLIANCE);
    }

    public Optional<BigDecimal> satisfactoryRemedy() {
        return value(KeyStatistic.SATISFACTORY_REMEDY);
    }
}
