package org.annualreview.letters;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.annualreview.decisions.Outcome;
import org.annualreview.organisations.Contact;
import org.annualreview.organisations.Organisation;
import org.annualreview.shared.Rate;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.CodeFindings;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Shown;
import org.annualreview.statistics.TypeAverage;

/** Puts together the fields of one organisation's letter from the register, its figures and the year's settings. */
final class LetterFieldsFactory {

    private static final DateTimeFormatter LETTER_DATE = org.annualreview.shared.Dates.IN_WORDS;
    private static final String NO_AVERAGE = "no average";

    private LetterFieldsFactory() {
    }

    /** The year's training totals of the scheme (zero when none were recorded), and last year's workshops if recorded. */
    record SchemeTotals(long workshops, long peopleReached, java.util.OptionalLong workshopsLastYear) {
    }

    static LetterFields of(Organisation organisation, Optional<Contact> chiefExecutive, ReportingYear year, OrganisationFigures f,
            Optional<TypeAverage> average, List<String> courses, CodeFindings.Council code, SchemeTotals scheme, TemplateSettings settings,
            String publicationDay, String note, Optional<String> signatureImage) {
        Rate late = f.lateEnquiries();
        int lateShare = late.wholePercent().orElse(0);
        return new LetterFields(
                new LetterFields.Organisation(organisation.name(), organisation.code(), organisation.kind().label(),
                        organisation.kind().hasTypeAverage() ? organisation.kind().plural() : "", organisation.kind().hasTypeAverage()),
                person(chiefExecutive),
                new LetterFields.Letter(LETTER_DATE.format(settings.letterDate().in(year)),
                        publicationDay, settings.banner().orElse(""),
                        settings.lateEnquiriesThreshold(), addressBlock(chiefExecutive, organisation)),
                new LetterFields.Year(year.toString(), year.endingPhrase(), LETTER_DATE.format(year.lastDay()), year.periodEnding(),
                        year.startYear(), year.startYear() + 1, year.startYear() >= 2023),
                statistic(KeyStatistic.UPHELD, f, average),
                statistic(KeyStatistic.UPHELD_PER_100000, f, average),
                statistic(KeyStatistic.COMPLIANCE, f, average),
                statistic(KeyStatistic.SATISFACTORY_REMEDY, f, average),
                statistic(KeyStatistic.CODE_FAILURES, f, average),
                new LetterFields.Counts(f.complaintsAndEnquiries(), f.notForUs(), f.assessedAndClosed(), f.investigated(),
                        f.upheld().numerator(), f.outcomes().getOrDefault(Outcome.NOT_UPHELD, 0L), f.satisfactoryRemedy().numerator(),
                        f.compliedOnTime(), f.compliedLate(), f.notComplied(), f.compliancePending(), f.publicReports(),
                        f.serviceImprovements(), f.population().map(OrganisationFigures.Population::residents).orElse(0L)),
                new LetterFields.Enquiries(late.denominator(), late.numerator(), lateShare, proportion(late),
                        late.isDefined() && lateShare > settings.lateEnquiriesThreshold(), f.extendedEnquiries(),
                        f.lateAfterExtension(), f.incompleteEnquiries()),
                new LetterFields.Training(List.copyOf(courses), f.trainingAttendees()),
                new LetterFields.Code(KeyStatistic.CODE_FAILURES.appliesTo(year), KeyStatistic.CODE_FAILURES.count(f),
                        KeyStatistic.CODE_FAILURES.outOf(f), code.failures().stream().map(c -> c.provision().label() + " (" + c.cases()
                                + (c.cases() == 1 ? " case)" : " cases)")).toList(), code.selfAssessment().isPresent(),
                        code.selfAssessment().map(a -> a.selfAssessment().found()).orElse(false),
                        code.selfAssessment().map(a -> a.annualReport().found()).orElse(false),
                        code.selfAssessment().map(a -> a.governanceResponse().found()).orElse(false), code.notices().size()),
                scheme(scheme),
                new LetterFields.Signatory(settings.signatory(), settings.signatoryTitles(),
                        signatureImage.map(uri -> "![Signature of " + settings.signatory() + "](" + uri + ")").orElse("")),
                note == null ? "" : note.strip());
    }

    /**
     * The scheme's totals and the comparisons with last year's; without last year's, the comparisons are 0 and empty (a
     * template naming them is refused before: {@link Letters.NoTrainingTotals}).
     */
    static LetterFields.Scheme scheme(SchemeTotals scheme) {
        long lastYear = scheme.workshopsLastYear().orElse(0);
        long change = scheme.workshopsLastYear().isPresent() ? scheme.workshops() - lastYear : 0;
        String moreOrFewer = scheme.workshopsLastYear().isEmpty() ? "" : change > 0 ? "more" : change < 0 ? "fewer" : "the same number of";
        return new LetterFields.Scheme(scheme.workshops(), scheme.peopleReached(), roundedDown(scheme.peopleReached()), lastYear,
                Math.max(0, change), change, Math.abs(change), moreOrFewer);
    }

    /** A day as the letters write it: 24 July 2024. */
    static String day(java.time.LocalDate day) {
        return LETTER_DATE.format(day);
    }

    /** "Mr Reeves", "Chief Executive", "Liverpool City Council", each on its line; "Chief Executive" alone when no one is recorded. */
    private static String addressBlock(Optional<Contact> contact, Organisation organisation) {
        List<String> lines = new java.util.ArrayList<>();
        contact.map(Contact::shortName).filter(s -> !s.isBlank()).ifPresent(lines::add);
        lines.add(contact.flatMap(Contact::jobTitle).orElse("Chief Executive"));
        lines.add(organisation.name());
        return String.join("\\\n", lines);
    }

    private static LetterFields.Person person(Optional<Contact> contact) {
        if (contact.isEmpty()) {
            return new LetterFields.Person("", "", "", "Chief Executive", "Chief Executive", "Chief Executive", "Dear Chief Executive");
        }
        Contact c = contact.get();
        return new LetterFields.Person(c.title().orElse(""), c.givenName().orElse(""), c.surname().orElse(""), c.fullName(),
                c.shortName(), c.jobTitle().orElse("Chief Executive"), c.greeting());
    }

    /** A key statistic as the letters give it, from its one definition ({@link KeyStatistic}). */
    private static LetterFields.Statistic statistic(KeyStatistic statistic, OrganisationFigures f, Optional<TypeAverage> average) {
        Optional<BigDecimal> typeAverage = average.flatMap(statistic::average);
        return new LetterFields.Statistic(statistic.exact(f).isPresent(), statistic.shown(f), statistic.count(f), statistic.outOf(f),
                average.map(a -> statistic.shownAverage(a, NO_AVERAGE)).orElse(NO_AVERAGE), typeAverage.isPresent(),
                comparison(statistic.rounded(f), typeAverage.map(statistic::round)));
    }

    /** "above", "below" or "the same as" the average, as the rounded figures read; empty when either is missing. */
    private static String comparison(Optional<BigDecimal> value, Optional<BigDecimal> average) {
        if (value.isEmpty() || average.isEmpty()) {
            return "";
        }
        int order = value.get().compareTo(average.get());
        return order > 0 ? "above" : order < 0 ? "below" : "the same as";
    }

    /** Words for a share of enquiries answered late: "almost half" for 40% to 49%. */
    static String proportion(Rate late) {
        if (!late.isDefined()) {
            return Shown.NO_ENQUIRIES;
        }
        BigDecimal percent = late.exactPercent().orElseThrow();
        double p = percent.doubleValue();
        if (p == 0) {
            return "none";
        } else if (p < 10) {
            return "a few";
        } else if (p < 20) {
            return "some";
        } else if (p < 30) {
            return "about a quarter";
        } else if (p < 40) {
            return "about a third";
        } else if (p < 50) {
            return "almost half";
        } else if (p == 50) {
            return "half";
        } else if (p < 60) {
            return "more than half";
        } else if (p < 70) {
            return "about two thirds";
        } else if (p < 80) {
            return "about three quarters";
        } else if (p < 100) {
            return "most";
        }
        return "all";
    }

    /** "more than 1,700 people": the number rounded down to hundreds once it is in the hundreds. */
    static String roundedDown(long people) {
        return String.format(Locale.UK, "%,d", people >= 100 ? people / 100 * 100 : people);
    }
}
