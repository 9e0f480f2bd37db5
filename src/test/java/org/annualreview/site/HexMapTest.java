package org.annualreview.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class HexMapTest {

    static List<BigDecimal> values(int... percents) {
        return IntStream.of(percents).sorted().mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void spreadValuesMakeFiveClassesOfAboutEqualSize() {
        BigDecimal[] breaks = HexMap.breaks(values(10, 20, 30, 40, 50, 60, 70, 80, 90, 100));

        assertThat(breaks).containsExactly(BigDecimal.valueOf(30), BigDecimal.valueOf(50), BigDecimal.valueOf(70), BigDecimal.valueOf(90));
        assertThat(HexMap.classOf(BigDecimal.valueOf(10), breaks)).isZero();
        assertThat(HexMap.classOf(BigDecimal.valueOf(100), breaks)).isEqualTo(4);
        assertThat(HexMap.colourOf(BigDecimal.valueOf(100), breaks)).isEqualTo(HexMap.CLASSES[4]);
        StringBuilder legend = new StringBuilder();
        HexMap.legend(legend, breaks, BigDecimal.valueOf(100), "%", 0);
        assertThat(legend.toString()).contains(">90% or more</text>");
    }

    @Test
    void tiedValuesMakeFewerClassesNoneEmptyAndTheLegendNeverReadsAnEmptyRange() {
        List<BigDecimal> values = values(0, 0, 0, 0, 50, 100, 100, 100, 100, 100);
        BigDecimal[] breaks = HexMap.breaks(values);

        assertThat(breaks).containsExactly(BigDecimal.valueOf(50), BigDecimal.valueOf(100));
        StringBuilder legend = new StringBuilder();
        HexMap.legend(legend, breaks, BigDecimal.valueOf(100), "%", 0);
        assertThat(legend.toString()).contains("below 50%", "50% to below 100%", ">100%</text>")
                .doesNotContain("100% to below 100%", "100% or more");
        assertThat(HexMap.colourOf(BigDecimal.ZERO, breaks)).isEqualTo(HexMap.CLASSES[0]);
        assertThat(HexMap.colourOf(BigDecimal.valueOf(100), breaks)).isEqualTo(HexMap.CLASSES[4]);
    }

    @Test
    void oneValueForEveryCouncilIsOneClassSaidToBeSo() {
        BigDecimal[] breaks = HexMap.breaks(values(100, 100, 100));

        assertThat(breaks).isEmpty();
        StringBuilder legend = new StringBuilder();
        HexMap.legend(legend, breaks, BigDecimal.valueOf(100), "%", 0);
        assertThat(legend.toString()).contains("every council with a figure").doesNotContain("below");
    }
}
