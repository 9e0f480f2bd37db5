package org.annualreview.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTest {

    @ParameterizedTest(name = "{0} of {1} is {2}%")
    @CsvSource({
            "6, 9, 67",      // the DOMAIN's own example
            "2, 3, 67",
            "1, 3, 33",
            "1, 8, 13",      // 12.5 rounds half up
            "1, 200, 1",     // 0.5 rounds half up
            "1, 201, 0",     // 0.497...
            "0, 5, 0",       // a real 0%: there were investigations and none was upheld
            "5, 5, 100",
            "199, 200, 100", // 99.5 rounds up to 100
            "397, 400, 99",  // 99.25
            "3665, 4441, 83" // the national 2024-25 figure
    })
    void wholePercentRoundsHalfUp(long numerator, long denominator, int percent) {
        assertThat(new Rate(numerator, denominator).wholePercent()).contains(percent);
    }

    @Test
    void aZeroDenominatorHasNoPercentAndSaysWhy() {
        Rate none = new Rate(0, 0);
        assertThat(none.isDefined()).isFalse();
        assertThat(none.wholePercent()).isEmpty();
        assertThat(none.exactPercent()).isEmpty();
        assertThat(none.describeOr("no investigations")).isEqualTo("no investigations");
    }

    @Test
    void exactPercentKeepsTheFractionForAveraging() {
        assertThat(new Rate(1, 3).exactPercent()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(new BigDecimal("33.3333333333")));
    }

    @Test
    void aNumeratorAboveItsDenominatorIsRefused() {
        assertThatThrownBy(() -> new Rate(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
