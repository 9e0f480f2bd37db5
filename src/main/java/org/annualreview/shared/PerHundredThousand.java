package org.annualreview.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** A count per 100,000 residents, one decimal, rounded half up. Undefined without a population. */
public record PerHundredThousand(long count, long residents) {

    private static final BigDecimal HUNDRED_THOUSAND = BigDecimal.valueOf(100_000);

    public PerHundredThousand {
        if (count < 0 || residents < 0) {
            throw new IllegalArgumentException("cannot count below zero: " + count + " per " + residents);
        }
    }

    public boolean isDefined() {
        return residents > 0;
    }

    public Optional<BigDecimal> oneDecimal() {
        return exact().map(v -> v.setScale(1, RoundingMode.HALF_UP));
    }

    public Optional<BigDecimal> exact() {
        if (!isDefined()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(count).multiply(HUNDRED_THOUSAND)
                .divide(BigDecimal.valueOf(residents), 10, RoundingMode.HALF_UP));
    }

    public String describeOr(String whenUndefined) {
        return oneDecimal().map(BigDecimal::toPlainString).orElse(whenUndefined);
    }
}
