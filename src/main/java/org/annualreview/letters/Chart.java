package org.annualreview.letters;

import static org.jsoup.nodes.Entities.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A bar chart of one statistic against its type average, made of boxes: the PDF draws them as vector
 * rectangles, a browser as boxes, and both keep the names and figures as text in a table that screen
 * readers can read (no picture holds anything the text does not).
 */
final class Chart {

    /** The longest bar, in millimetres. */
    private static final int LONGEST = 80;

    private Chart() {
    }

    static String html(String title, String organisation, LetterFields.Statistic s, String averageLabel, boolean percent) {
        Optional<BigDecimal> value = number(s.shown());
        Optional<BigDecimal> average = s.averageDefined() ? number(s.average()) : Optional.empty();
        BigDecimal scale = percent ? BigDecimal.valueOf(100)
                : value.orElse(BigDecimal.ONE).max(average.orElse(BigDecimal.ONE)).max(BigDecimal.ONE).multiply(BigDecimal.valueOf(1.25));
        return "<table class=\"chart\">\n<caption>" + escape(title) + ": " + escape(organisation) + " and the average</caption>\n<tbody>\n"
                + row(organisation, value, scale, "ours", s.shown())
                + row(averageLabel, average, scale, "average", s.averageDefined() ? s.average() : "no average")
                + "</tbody>\n</table>\n";
    }

    private static String row(String label, Optional<BigDecimal> value, BigDecimal scale, String kind, String shown) {
        String length = value.map(v -> v.multiply(BigDecimal.valueOf(LONGEST)).divide(scale, 1, RoundingMode.HALF_UP).toPlainString())
                .orElse("0");
        return "<tr><th scope=\"row\">" + escape(label) + "</th><td class=\"bars\"><div class=\"bar " + kind + "\" style=\"width: " + length
                + "mm\"></div></td><td class=\"value\">" + escape(shown) + "</td></tr>\n";
    }

    /** "80%" → 80, "2.6" → 2.6; words ("no investigations") have no bar. */
    private static Optional<BigDecimal> number(String shown) {
        try {
            return Optional.of(new BigDecimal(shown.replace("%", "").replace(",", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
