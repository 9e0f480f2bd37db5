package org.annualreview.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunnelPlotTest {

    @Test
    void aRateIsPlacedAgainstTheLimitsThatNarrowAsInvestigationsGrow() {
        double average = 0.6;
        // 100 investigations: 95% limits 0.6 ± 1.96·0.049 = 0.504 to 0.696; 99.8% limits 0.6 ± 3.09·0.049 = 0.449 to 0.751
        assertThat(FunnelPlot.band(point(60, 100), average)).isEqualTo("within the limits");
        assertThat(FunnelPlot.band(point(70, 100), average)).isEqualTo("above the 95% limit");
        assertThat(FunnelPlot.band(point(80, 100), average)).isEqualTo("above the 99.8% limit");
        assertThat(FunnelPlot.band(point(40, 100), average)).isEqualTo("below the 99.8% limit");
        // the same 80% on 5 investigations is within chance
        assertThat(FunnelPlot.band(point(4, 5), average)).isEqualTo("within the limits");
        assertThat(FunnelPlot.band(point(0, 0), average)).isEqualTo("no investigations");
    }

    private static FunnelPlot.Point point(long upheld, long investigated) {
        return new FunnelPlot.Point("E1", "A council", investigated, upheld, false);
    }
}
