package org.annualreview.letters;

import java.util.List;

/**
 * Everything a letter template can name, for one organisation and reporting year. Templates reach these
 * fields by their names ({@code organisation.name}, {@code upheld.percent}); a name that is not here fails
 * the template with its line number before any letter is written. docs/templates.md lists every field.
 */
public record LetterFields(
        Organisation organisation,
        Person chiefExecutive,
        Letter letter,
        Year year,
        Statistic upheld,
        Statistic upheldPerHundredThousand,
        Statistic compliance,
        Statistic satisfactoryRemedy,
        Statistic codeFailures,
        Counts counts,
        Enquiries enquiries,
        Training training,
        Code code,
        Scheme scheme,
        Signatory signatory,
        String note) {

    /** One of the key statistics, by its definition. */
    public Statistic statistic(org.annualreview.statistics.KeyStatistic statistic) {
        return switch (statistic) {
            case UPHELD -> upheld;
            case UPHELD_PER_100000 -> upheldPerHundredThousand;
            case COMPLIANCE -> compliance;
            case SATISFACTORY_REMEDY -> satisfactoryRemedy;
            case CODE_FAILURES -> codeFailures;
        };
    }

    /** The body written to; {@code kind} as the ombudsman names it ("Metropolitan Borough"). */
    public record Organisation(String name, String code, String kind, String kindPlural, boolean hasTypeAverage) {
    }

    /** The chief executive: "Dear Mr Reeves" is {@code greeting}, "Mr Reeves" {@code shortName}. */
    public record Person(String title, String givenName, String surname, String fullName, String shortName, String jobTitle,
            String greeting) {
    }

    /**
     * From the template's settings: dates as the letter writes them ("22 July 2020"). {@code addressBlock} is the
     * addressee's lines (name, job title, organisation), as Markdown lines that break where they end.
     */
    public record Letter(String date, String publicationDate, String banner, int lateEnquiriesThreshold, String addressBlock) {
    }

    /** "2023-24", "the year ending 31 March 2024", "31 March 2024", "31/03/24", and the first calendar year. */
    public record Year(String name, String ending, String lastDay, String periodEnding, int startYear, int endYear,
            boolean showsPerHundredThousand) {
    }

    /**
     * One key statistic against its type average. {@code shown} is what the letter prints ("80%", "2.6", or
     * words such as "no investigations"); {@code defined} is false when there is nothing to divide by.
     */
    public record Statistic(boolean defined, String shown, long count, long outOf, String average, boolean averageDefined,
            String comparison) {
    }

    /** The counts behind the statistics. */
    public record Counts(long complaintsAndEnquiries, long notForUs, long assessedAndClosed, long investigated, long upheld,
            long notUpheld, long satisfactoryRemedies, long complied, long compliedLate, long notComplied, long compliancePending,
            long publicReports, long serviceImprovements, long residents) {
    }

    /**
     * Enquiries sent to the organisation in the year. {@code lateShare} is a whole percent, {@code lateProportion}
     * words for it ("almost half"); {@code lateAboveThreshold} compares it with the template's threshold.
     */
    public record Enquiries(long sent, long late, int lateShare, String lateProportion, boolean lateAboveThreshold,
            long extended, long lateAfterExtension, long incomplete) {
    }

    /** Courses delivered to this organisation's staff in the year, by name, and how many attended. */
    public record Training(List<String> courses, long attendees) {
    }

    /**
     * The organisation's year under the Complaint Handling Code (considered in the ombudsman's casework from 2026-27:
     * {@code considered}). {@code failureCases} of the {@code investigated} detailed investigations had a failure found;
     * {@code provisions} names each provision failed in the year's cases with how many ("Stage 1 answer later than 10
     * working days (3 cases)"); {@code selfAssessmentRecorded} says whether the ombudsman recorded its search at all, and
     * the three {@code …Found} what it found; {@code failureNotices}: notices issued in the year.
     */
    public record Code(boolean considered, long failureCases, long investigated, List<String> provisions, boolean selfAssessmentRecorded,
            boolean selfAssessmentFound, boolean annualReportFound, boolean governanceResponseFound, long failureNotices) {
    }

    /**
     * The scheme's totals for the year: "126 online workshops … more than 1,700 people", and its workshops against
     * last year's: {@code workshopsChange} signed (this year's less last year's), {@code workshopsDifference} without its
     * sign, {@code moreOrFewer} "more", "fewer" or "the same number of"; {@code moreWorkshopsThanLastYear} is the change
     * when it is an increase, else 0. A letter naming any of the comparisons is not written without last year's totals.
     */
    public record Scheme(long workshops, long peopleReached, String peopleReachedRounded, long workshopsLastYear,
            long moreWorkshopsThanLastYear, long workshopsChange, long workshopsDifference, String moreOrFewer) {

        /** The fields that compare with last year's totals, as a template names them. */
        static final java.util.List<String> LAST_YEAR_FIELDS = java.util.List.of("scheme.workshopsLastYear",
                "scheme.moreWorkshopsThanLastYear", "scheme.workshopsChange", "scheme.workshopsDifference", "scheme.moreOrFewer");
    }

    /**
     * Who signs: the name, each line of their titles, and their signature as a Markdown picture when a signature
     * file is set ({@code ANNUAL_REVIEW_LETTERS_SIGNATURE}), else empty.
     */
    public record Signatory(String name, List<String> titles, String signature) {
    }
}
