package org.annualreview.letters;

import java.util.List;

/** A complete set of letter fields for template tests, with the parts a test varies given as arguments. */
final class SampleFields {

    private SampleFields() {
    }

    static LetterFields liverpool(LetterFields.Enquiries enquiries, List<String> courses) {
        return new LetterFields(
                new LetterFields.Organisation("Liverpool City Council", "E08000012", "Metropolitan Borough", "Metropolitan Boroughs", true),
                new LetterFields.Person("Mr", "Tony", "Reeves", "Mr Tony Reeves", "Mr Reeves", "Chief Executive", "Dear Mr Reeves"),
                new LetterFields.Letter("22 July 2020", "29 July 2020", "", 25, "Mr Reeves\\\nChief Executive\\\nLiverpool City Council"),
                new LetterFields.Year("2019-20", "the year ending 31 March 2020", "31 March 2020", "31/03/20", 2019, 2020, false),
                statistic(true, "65%", 13, 20, "61%"),
                statistic(false, "no population estimate", 0, 0, ""),
                statistic(true, "100%", 9, 9, "100%"),
                statistic(true, "8%", 1, 13, "10%"),
                statistic(true, "15%", 3, 20, "12%"),
                new LetterFields.Counts(210, 100, 90, 20, 13, 7, 1, 8, 1, 0, 0, 0, 3, 498_042),
                enquiries,
                new LetterFields.Training(courses, courses.isEmpty() ? 0 : 12),
                new LetterFields.Code(false, 0, 20, List.of(), false, false, false, false, 0),
                new LetterFields.Scheme(118, 1_432, "1,400", 71, 47, 47, 47, "more"),
                new LetterFields.Signatory("Michael King", List.of("Local Government and Social Care Ombudsman",
                        "Chair, Commission for Local Administration in England"), ""),
                "");
    }

    static LetterFields.Statistic statistic(boolean defined, String shown, long count, long outOf, String average) {
        return new LetterFields.Statistic(defined, shown, count, outOf, average, !average.isEmpty(), defined ? "above" : "");
    }

    static LetterFields.Enquiries lateInAlmostHalf() {
        return new LetterFields.Enquiries(20, 9, 45, "almost half", true, 4, 2, 3);
    }

    static LetterFields.Enquiries allOnTime() {
        return new LetterFields.Enquiries(20, 0, 0, "none", false, 0, 0, 0);
    }
}
