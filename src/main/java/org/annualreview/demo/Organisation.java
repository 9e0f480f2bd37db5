package org.annualreview.demo;

import java.time.LocalDate;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;

/**
 * A body in the demo register, as written to organisations.csv. {@code startedOn} is the first day it
 * existed and {@code endedOn} the last (either null: open); {@code residents} is its mid-2020 population
 * (estimated for councils abolished before then, 0 for bodies that serve no area).
 */
record Organisation(String code, String name, String shortName, OrganisationKind kind, String parentCode, String region,
        LocalDate startedOn, LocalDate endedOn, String replacedBy, String latitude, String longitude, long residents) {

    boolean isCouncil() {
        return kind.hasTypeAverage();
    }

    boolean existsIn(ReportingYear year) {
        return existsBetween(year.firstDay(), year.lastDay());
    }

    boolean existsOn(LocalDate day) {
        return existsBetween(day, day);
    }

    private boolean existsBetween(LocalDate first, LocalDate last) {
        return (startedOn == null || !startedOn.isAfter(last)) && (endedOn == null || !endedOn.isBefore(first));
    }

    /** The first day of the year it existed on; only for a year it {@link #existsIn}. */
    LocalDate firstDayIn(ReportingYear year) {
        return startedOn == null || startedOn.isBefore(year.firstDay()) ? year.firstDay() : startedOn;
    }

    /** The last day of the year it existed on; only for a year it {@link #existsIn}. */
    LocalDate lastDayIn(ReportingYear year) {
        return endedOn == null || endedOn.isAfter(year.lastDay()) ? year.lastDay() : endedOn;
    }

    /** The share of the year it existed for, 0 to 1. */
    double shareOf(ReportingYear year) {
        if (!existsIn(year)) {
            return 0;
        }
        long days = lastDayIn(year).toEpochDay() - firstDayIn(year).toEpochDay() + 1;
        return days / (double) (year.lastDay().toEpochDay() - year.firstDay().toEpochDay() + 1);
    }
}
