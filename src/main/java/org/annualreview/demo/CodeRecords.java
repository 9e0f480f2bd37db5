package org.annualreview.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.annualreview.shared.ReportingYear;

/**
 * Writes what the ombudsman found of each council's own work under its Complaint Handling Code, for each year it
 * considers the Code ({@link CodeFailures#FIRST_YEAR} on; nothing before): code-self-assessments.csv, a row per council
 * (most published their self-assessment and annual complaints report; a council with many Code failures less often; no
 * governing body's response without the report), and code-failure-notices.csv, a few notices a year, to councils that
 * published no self-assessment or often failed the Code. Addresses are under the council's {@code .demo.invalid}
 * domain, and every notice says "(demo)".
 */
final class CodeRecords {

    static final String SELF_ASSESSMENTS = "code-self-assessments.csv";
    static final String FAILURE_NOTICES = "code-failure-notices.csv";

    /** Notices a year: at least, at most. */
    static final int FEWEST_NOTICES = 3;
    static final int MOST_NOTICES = 6;

    /** A council failing the Code in at least this share of its investigations may be sent a notice. */
    private static final double NOTICE_WORTHY_FAILURES = 0.45;

    private CodeRecords() {
    }

    /** The rows each file got. */
    record Counts(long selfAssessments, long failureNotices) {
    }

    static Counts write(Path directory, List<Organisation> register, List<ReportingYear> years, Map<String, Traits> traits,
            Chance chance) throws IOException {
        try (CsvFile assessments = CsvFile.create(directory, SELF_ASSESSMENTS, "organisation_code", "reporting_year",
                "self_assessment_found", "self_assessment_date", "self_assessment_address", "annual_report_found",
                "annual_report_date", "annual_report_address", "governance_response_found", "governance_response_date");
                CsvFile notices = CsvFile.create(directory, FAILURE_NOTICES, "organisation_code", "issued_date", "reason")) {
            for (ReportingYear year : years) {
                if (!CodeFailures.considered(year)) {
                    continue;
                }
                List<Organisation> councils = register.stream().filter(o -> o.isCouncil() && o.existsIn(year)).toList();
                Set<String> unpublished = new HashSet<>();
                for (Organisation council : councils) {
                    if (!selfAssessment(assessments, council, year, traits.get(council.code()), chance)) {
                        unpublished.add(council.code());
                    }
                }
                notices(notices, councils, year, traits, unpublished, chance);
            }
            return new Counts(assessments.rows(), notices.rows());
        }
    }

    /**
     * Writes the council's row of the year: the self-assessment found with its date and address, or not; the annual
     * report likelier where the self-assessment was found; the governing body's response only after a report found.
     * Returns whether the self-assessment was found.
     */
    private static boolean selfAssessment(CsvFile file, Organisation council, ReportingYear year, Traits traits, Chance chance) {
        double failures = traits.codeFailures();
        boolean found = chance.of(clamp(0.92 - 0.5 * failures, 0.5, 0.95));
        LocalDate foundOn = found ? dayIn(council, year, 4, 9, chance) : null;
        boolean report = chance.of(found ? 0.88 : 0.3);
        LocalDate reportOn = report ? dayIn(council, year, 5, 10, chance) : null;
        boolean response = report && chance.of(0.75);
        LocalDate responseOn = response ? min(reportOn.plusDays(chance.between(14, 120)), council.lastDayIn(year)) : null;
        String site = "https://www." + Contacts.domain(council) + "/complaints/";
        file.row(council.code(), year.toString(), CsvFile.yesNo(found), CsvFile.date(foundOn), found ? site + "self-assessment" : null,
                CsvFile.yesNo(report), CsvFile.date(reportOn), report ? site + "annual-report" : null, CsvFile.yesNo(response),
                CsvFile.date(responseOn));
        return found;
    }

    /**
     * A few notices in the year, to different councils: those that published no self-assessment or fail the Code
     * often (any council, should there be too few of those), issued from July to March.
     */
    private static void notices(CsvFile file, List<Organisation> councils, ReportingYear year, Map<String, Traits> traits,
            Set<String> unpublished, Chance chance) {
        List<Organisation> worthy = councils.stream()
                .filter(c -> unpublished.contains(c.code()) || traits.get(c.code()).codeFailures() >= NOTICE_WORTHY_FAILURES)
                .toList();
        int count = chance.between(FEWEST_NOTICES, MOST_NOTICES);
        List<Organisation> noticed = new ArrayList<>(chance.sample(worthy.size() >= count ? worthy : councils, count));
        noticed.sort((a, b) -> a.code().compareTo(b.code()));
        for (Organisation council : noticed) {
            LocalDate issued = dayIn(council, year, 4, 12, chance);
            String reason = unpublished.contains(council.code()) ? Phrases.NOTICE_NO_SELF_ASSESSMENT : chance.pick(Phrases.NOTICE_REASONS);
            file.row(council.code(), CsvFile.date(issued), reason);
        }
    }

    /**
     * A day from the first of the year's {@code fromMonth}-th month to the end of its {@code toMonth}-th (April the
     * first), within the days the council existed.
     */
    private static LocalDate dayIn(Organisation council, ReportingYear year, int fromMonth, int toMonth, Chance chance) {
        LocalDate first = max(year.firstDay().plusMonths(fromMonth - 1), council.firstDayIn(year));
        LocalDate last = min(year.firstDay().plusMonths(toMonth).minusDays(1), council.lastDayIn(year));
        return last.isBefore(first) ? chance.dayBetween(council.firstDayIn(year), council.lastDayIn(year)) : chance.dayBetween(first, last);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
