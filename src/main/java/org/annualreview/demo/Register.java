package org.annualreview.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.annualreview.shared.ReportingYear;

/** Writes the register: organisations.csv and populations.csv. */
final class Register {

    static final String ORGANISATIONS = "organisations.csv";
    static final String POPULATIONS = "populations.csv";

    /** The ONS base year of the reference populations. */
    private static final int BASE_MID_YEAR = 2020;
    /** Largest yearly change of a synthetic population estimate: ±0.5%. */
    private static final double DRIFT = 0.005;

    private Register() {
    }

    static long writeOrganisations(Path directory, List<Organisation> register) throws IOException {
        try (CsvFile file = CsvFile.create(directory, ORGANISATIONS, "code", "name", "short_name", "kind", "parent_code",
                "region", "start_date", "end_date", "replaced_by", "latitude", "longitude")) {
            for (Organisation o : register) {
                file.row(o.code(), o.name(), o.shortName(), o.kind().label(), o.parentCode(), o.region(),
                        CsvFile.date(o.startedOn()), CsvFile.date(o.endedOn()), o.replacedBy(), o.latitude(), o.longitude());
            }
            return file.rows();
        }
    }

    /**
     * Mid-year estimates for each mid-year of the period (the first reporting year's start to the year
     * before the last's) on whose 30 June the council existed: the 2020 figure, drifted a little each
     * year before and after it.
     */
    static long writePopulations(Path directory, List<Organisation> register, ReportingYear firstYear, ReportingYear lastYear,
            Chance chance) throws IOException {
        int firstMidYear = firstYear.startYear();
        int lastMidYear = Math.max(firstMidYear, lastYear.startYear() - 1);
        int from = Math.min(firstMidYear, BASE_MID_YEAR);
        int to = Math.max(lastMidYear, BASE_MID_YEAR);
        try (CsvFile file = CsvFile.create(directory, POPULATIONS, "organisation_code", "mid_year", "residents")) {
            for (Organisation o : register) {
                if (o.residents() <= 0) {
                    continue;
                }
                long[] estimates = drifted(o.residents(), from, to, chance);
                for (int midYear = firstMidYear; midYear <= lastMidYear; midYear++) {
                    if (o.existsOn(LocalDate.of(midYear, 6, 30))) {
                        file.row(o.code(), Integer.toString(midYear), Long.toString(estimates[midYear - from]));
                    }
                }
            }
            return file.rows();
        }
    }

    private static long[] drifted(long base, int from, int to, Chance chance) {
        long[] estimates = new long[to - from + 1];
        estimates[BASE_MID_YEAR - from] = base;
        double residents = base;
        for (int year = BASE_MID_YEAR + 1; year <= to; year++) {
            residents *= 1 + DRIFT * (2 * chance.uniform() - 1);
            estimates[year - from] = Math.round(residents);
        }
        residents = base;
        for (int year = BASE_MID_YEAR - 1; year >= from; year--) {
            residents /= 1 + DRIFT * (2 * chance.uniform() - 1);
            estimates[year - from] = Math.round(residents);
        }
        return estimates;
    }
}
