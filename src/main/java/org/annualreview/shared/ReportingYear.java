package org.annualreview.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ombudsman's reporting year: 1 April to 31 March, named like {@code 2023-24}.
 */
public record ReportingYear(int startYear) implements Comparable<ReportingYear> {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter ANNEX = DateTimeFormatter.ofPattern("dd/MM/yy");

    public ReportingYear {
        if (startYear < 1974 || startYear > 2999) {
            throw new IllegalArgumentException("reporting year must start between 1974 and 2999, not " + startYear);
        }
    }

    /** Parses {@code 2023-24}; the second part must be the year after the first. */
    public static ReportingYear parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("reporting year must look like 2023-24, not '" + name + "'");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        if ((start + 1) % 100 != end) {
            throw new IllegalArgumentException("reporting year '" + name + "' must name two consecutive years, like "
                    + start + "-" + String.format("%02d", (start + 1) % 100));
        }
        return new ReportingYear(start);
    }

    /** The year a visitor or a form named, if it is a reporting year at all (a page's address, say); empty otherwise. */
    public static java.util.Optional<ReportingYear> find(String name) {
        try {
            return java.util.Optional.of(parse(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The reporting year holding a date: 31 March 2024 is in 2023-24, 1 April 2024 in 2024-25. */
    public static ReportingYear containing(LocalDate date) {
        return new ReportingYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public ReportingYear next() {
        return new ReportingYear(startYear + 1);
    }

    public ReportingYear previous() {
        return new ReportingYear(startYear - 1);
    }

    /** "the year ending 31 March 2024". */
    public String endingPhrase() {
        return "the year ending " + LONG.format(lastDay());
    }

    /** "31/03/24", as the statistics annex prints it. */
    public String periodEnding() {
        return ANNEX.format(lastDay());
    }

    @Override
    public int compareTo(ReportingYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        int end = (startYear + 1) % 100;
        return startYear + (end < 10 ? "-0" : "-") + end;
    }
}
