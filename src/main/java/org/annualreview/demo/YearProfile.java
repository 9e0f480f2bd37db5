package org.annualreview.demo;

import java.util.Map;

import org.annualreview.shared.ReportingYear;

/**
 * What a reporting year looked like nationally, calibrated on the ombudsman's published figures: the
 * complaints and enquiries decided, the share given a detailed investigation, the upheld rate (of those
 * investigated), the satisfactory remedy rate (of those upheld), and the scheme's training totals.
 * Years before 2019-20 look like 2019-20 and years after 2026-27 like 2026-27.
 */
record YearProfile(long decisions, double investigatedShare, double upheldRate, double satisfactoryRemedyRate,
        int workshops, int peopleReached) {

    private static final int FIRST = 2019;
    private static final int LAST = 2026;

    private static final Map<Integer, YearProfile> BY_START_YEAR = Map.of(
            2019, new YearProfile(16_850, 0.210, 0.55, 0.13, 118, 1_400),
            // no new complaints were taken from 18 March to 29 June 2020
            2020, new YearProfile(11_830, 0.265, 0.67, 0.12, 120, 1_450),
            2021, new YearProfile(16_200, 0.218, 0.66, 0.12, 122, 1_600),
            // the rise is partly the ombudsman's own change of investigation process
            2022, new YearProfile(16_400, 0.212, 0.74, 0.13, 124, 1_650),
            2023, new YearProfile(17_940, 0.215, 0.80, 0.14, 126, 1_700),
            2024, new YearProfile(18_800, 0.205, 0.83, 0.13, 128, 1_750),
            2025, new YearProfile(18_600, 0.205, 0.83, 0.13, 127, 1_720),
            // not yet published: as 2025-26, the demo's first year of the Complaint Handling Code
            2026, new YearProfile(18_700, 0.205, 0.83, 0.13, 128, 1_740));

    static YearProfile of(ReportingYear year) {
        return BY_START_YEAR.get(Math.max(FIRST, Math.min(LAST, year.startYear())));
    }
}
