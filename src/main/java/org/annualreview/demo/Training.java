package org.annualreview.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;

/**
 * Writes training.csv (complaint handling courses delivered to councils' staff, one row per course, as
 * many a year as the scheme's workshops) and training-totals.csv (the scheme's yearly totals, from the year before the
 * first, which the first year's letters compare with).
 */
final class Training {

    static final String COURSES = "training.csv";
    static final String TOTALS = "training-totals.csv";

    private Training() {
    }

    static long writeCourses(Path directory, List<Organisation> register, List<ReportingYear> years, Chance chance) throws IOException {
        try (CsvFile file = CsvFile.create(directory, COURSES, "organisation_code", "course", "delivered_date", "attendees")) {
            for (ReportingYear year : years) {
                List<Organisation> councils = register.stream().filter(o -> o.isCouncil() && o.existsIn(year)).toList();
                Set<String> delivered = new HashSet<>();
                int courses = YearProfile.of(year).workshops();
                while (delivered.size() < courses && !councils.isEmpty()) {
                    Organisation council = chance.pick(councils);
                    String course = course(council, chance);
                    LocalDate day = weekday(council, year, chance);
                    if (delivered.add(council.code() + "|" + course + "|" + day)) {
                        file.row(council.code(), course, CsvFile.date(day), Integer.toString(chance.between(5, 25)));
                    }
                }
            }
            return file.rows();
        }
    }

    static long writeTotals(Path directory, List<ReportingYear> years) throws IOException {
        try (CsvFile file = CsvFile.create(directory, TOTALS, "reporting_year", "workshops", "people_reached")) {
            List<ReportingYear> withTheYearBefore = new java.util.ArrayList<>();
            if (!years.isEmpty()) {
                withTheYearBefore.add(years.get(0).previous());
            }
            withTheYearBefore.addAll(years);
            for (ReportingYear year : withTheYearBefore) {
                YearProfile profile = YearProfile.of(year);
                file.row(year.toString(), Integer.toString(profile.workshops()), Integer.toString(profile.peopleReached()));
            }
            return file.rows();
        }
    }

    /** Social care courses go to councils with social care duties (not districts), about half the time. */
    private static String course(Organisation council, Chance chance) {
        boolean socialCare = council.kind() != OrganisationKind.DISTRICT_COUNCIL && chance.of(0.5);
        return chance.pick(socialCare ? Phrases.SOCIAL_CARE_COURSES : Phrases.COURSES);
    }

    private static LocalDate weekday(Organisation council, ReportingYear year, Chance chance) {
        LocalDate day;
        do {
            day = chance.dayBetween(council.firstDayIn(year), council.lastDayIn(year));
        } while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
        return day;
    }
}
