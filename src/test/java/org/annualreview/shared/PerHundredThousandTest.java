package org.annualreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PerHundredThousandTest {

    @ParameterizedTest(name = "{0} upheld among {1} residents is {2} per 100,000")
    @CsvSource({
            "4, 155134, 2.6",
            "7, 155134, 4.5",
            "1, 496770, 0.2",
            "0, 93836, 0.0",    // a real zero: the population is known
            "1, 400000, 0.3",   // 0.25 rounds half up
            "1, 2000000, 0.1",  // 0.05 rounds half up
            "12, 100000, 12.0"
    })
    void isOneDecimalRoundedHalfUp(long count, long residents, String expected) {
        assertThat(new PerHundredThousand(count, residents).oneDecimal()).contains(new BigDecimal(expected));
    }

    @Test
    void withoutAPopulationThereIsNoFigure() {
        PerHundredThousand none = new PerHundredThousand(3, 0);
        assertThat(none.isDefined()).isFalse();
        assertThat(none.oneDecimal()).isEmpty();
        assertThat(none.describeOr("no population estimate")).isEqualTo("no population estimate");
    }
}
