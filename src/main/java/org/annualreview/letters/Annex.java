package org.annualreview.letters;

import static org.jsoup.nodes.Entities.escape;

import java.util.ArrayList;
import java.util.List;

import org.annualreview.statistics.KeyStatistic;

/**
 * The statistics annex after the letter: the organisation and "For the period ending: 31/03/24", then each key
 * statistic against the average of its type, with a bar chart (vector boxes in the PDF) and the counts it comes from.
 * The same content as plain text for the text letter.
 */
final class Annex {

    private Annex() {
    }

    /** One key statistic of the annex, as written in it. */
    record Entry(String heading, String explanation, LetterFields.Statistic statistic, String counts, boolean percent) {
    }

    /** The key statistics in their order ({@link KeyStatistic}); per 100,000 residents from the years the letters give it. */
    static List<Entry> entries(LetterFields f) {
        List<Entry> entries = new ArrayList<>();
        for (KeyStatistic statistic : KeyStatistic.values()) {
            if (statistic == KeyStatistic.UPHELD_PER_100000 && !f.year().showsPerHundredThousand()
                    || !statistic.appliesTo(org.annualreview.shared.ReportingYear.parse(f.year().name()))) {
                continue;
            }
            LetterFields.Statistic figure = f.statistic(statistic);
            entries.add(new Entry(statistic.label(), statistic.explanation(), figure, counts(statistic, figure, f),
                    statistic.scale() == KeyStatistic.Scale.PERCENT));
        }
        return entries;
    }

    /** The counts under a statistic in the annex: "2 upheld of 3 detailed investigations", or why there are none. */
    private static String counts(KeyStatistic statistic, LetterFields.Statistic s, LetterFields f) {
        return switch (statistic) {
            case UPHELD -> s.outOf() == 0 ? "No detailed investigations completed in the year."
                    : s.count() + " upheld of " + s.outOf() + " detailed investigation" + (s.outOf() == 1 ? "" : "s");
            case UPHELD_PER_100000 -> s.count() + " upheld; "
                    + (f.counts().residents() > 0 ? String.format("%,d residents", f.counts().residents()) : "no population estimate");
            case COMPLIANCE -> s.outOf() == 0 ? "No compliance outcomes of cases due in the year."
                    : (f.counts().complied() + f.counts().compliedLate()) + " complied (" + f.counts().compliedLate() + " late) of "
                            + s.outOf() + " due";
            case SATISFACTORY_REMEDY -> s.outOf() == 0 ? "No upheld complaints in the year." : s.count() + " of " + s.outOf() + " upheld";
            case CODE_FAILURES -> s.outOf() == 0 ? "No detailed investigations completed in the year."
                    : s.count() + " with a Code failure of " + s.outOf() + " detailed investigation" + (s.outOf() == 1 ? "" : "s");
        };
    }

    static String heading(LetterFields f) {
        return f.organisation().name() + " For the period ending: " + f.year().periodEnding();
    }

    static String html(LetterFields f) {
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"annex\" aria-labelledby=\"annex-heading\">\n");
        html.append("<h2 id=\"annex-heading\">").append(escape(f.organisation().name())).append("<br/><span class=\"period\">For the period ending: ")
                .append(escape(f.year().periodEnding())).append("</span></h2>\n");
        String averageLabel = f.organisation().hasTypeAverage() ? "All " + f.organisation().kindPlural() : "No average for this kind of body";
        for (Entry entry : entries(f)) {
            LetterFields.Statistic s = entry.statistic();
            html.append("<div class=\"statistic\">\n<h3>").append(escape(entry.heading())).append("</h3>\n");
            html.append("<p class=\"figure\"><strong>").append(escape(s.shown())).append("</strong>");
            if (f.organisation().hasTypeAverage()) {
                html.append(" <span class=\"average\">(average of ").append(escape(f.organisation().kindPlural()))
                        .append(": ").append(escape(s.average())).append(")</span>");
            }
            html.append("</p>\n");
            html.append(Chart.html(entry.heading(), f.organisation().name(), s, averageLabel, entry.percent()));
            html.append("<p class=\"counts\">").append(escape(entry.counts())).append("</p>\n");
            html.append("<p class=\"explanation\">").append(escape(entry.explanation())).append("</p>\n</div>\n");
        }
        html.append("<p class=\"note\">").append(escape(note(f))).append("</p>\n</section>\n");
        return html.toString();
    }

    static String text(LetterFields f) {
        StringBuilder text = new StringBuilder(heading(f)).append("\n\n");
        for (Entry entry : entries(f)) {
            LetterFields.Statistic s = entry.statistic();
            text.append(entry.heading()).append(": ").append(s.shown());
            if (f.organisation().hasTypeAverage()) {
                text.append(" (average of ").append(f.organisation().kindPlural()).append(": ").append(s.average()).append(')');
            }
            text.append("\n").append(entry.counts()).append("\n\n");
        }
        return text.append(note(f)).append('\n').toString();
    }

    private static String note(LetterFields f) {
        return "How to read these figures: they count the decisions we made between 1 April " + f.year().startYear() + " and "
                + f.year().lastDay() + ", not the complaints received. Percentages are rounded to whole numbers. "
                + (f.organisation().hasTypeAverage()
                        ? "Each average counts the cases of all " + f.organisation().kindPlural() + " together. "
                        : "")
                + "Where there is nothing to divide by, the annex says so in words instead of showing 0%.";
    }
}
