package org.annualreview.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A share with its numerator and denominator kept, so every percentage can be traced to what was counted.
 * A zero denominator has no value: callers show {@link #describeOr(String)} instead of NaN or a made-up 0%.
 */
public record Rate(long numerator, long denominator) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Rate {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a rate cannot count below zero: " + numerator + "/" + denominator);
        }
        if (numerator > denominator) {
            throw new IllegalArgumentException("a rate's numerator " + numerator + " exceeds its denominator " + denominator);
        }
    }

    public boolean isDefined() {
        return denominator > 0;
    }

    /** Whole percent, rounded half up: 6 of 9 is 67, 1 of 8 is 13. Empty when nothing was counted. */
    public Optional<Integer> wholePercent() {
        if (!isDefined()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).intValueExact());
    }

    /** The exact share, for averaging; empty when nothing was counted. */
    public Optional<BigDecimal> exactPercent() {
        if (!isDefined()) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP));
    }

    /** "67%", or the given words (such as "no investigations") when the denominator is zero. */
    public String describeOr(String whenUndefined) {
        return wholePercent().map(p -> p + "%").orElse(whenUndefined);
    }
}
