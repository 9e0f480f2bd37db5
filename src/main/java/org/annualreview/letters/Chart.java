package org.annualreview.letters;

import static org.jsoup.nodes.Entities.escape;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A horizontal bar chart of one statistic against its type average, as SVG: vector lines in the PDF. The
 * figures are also written beside it in text, so that nothing is only in the picture.
 */
final class Chart {

    private static final int WIDTH = 440;
    private static final int LABEL = 170;
    private static final int BAR = 22;

    private Chart() {
    }

    static String svg(String title, String organisation, LetterFields.Statistic s, String averageLabel, boolean percent) {
        Optional<BigDecimal> value = number(s.shown());
        Optional<BigDecimal> average = s.averageDefined() ? number(s.average()) : Optional.empty();
        BigDecimal scale = percent ? BigDecimal.valueOf(100)
                : value.orElse(BigDecimal.ONE).max(average.orElse(BigDecimal.ONE)).max(BigDecimal.ONE).multiply(BigDecimal.valueOf(1.25));
        String description = title + ": " + organisation + " " + s.shown() + (s.averageDefined() ? "; " + averageLabel + " " + s.average() : "");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH).append("\" height=\"64\" viewBox=\"0 0 ")
                .append(WIDTH).append(" 64\" role=\"img\" aria-label=\"").append(escape(description)).append("\" alt=\"")
                .append(escape(description)).append("\">\n<title>").append(escape(description)).append("</title>\n");
        bar(svg, 4, shorten(organisation), value, scale, "#1d70b8", s.shown());
        bar(svg, 34, shorten(averageLabel), average, scale, "#505a5f", s.averageDefined() ? s.average() : "no average");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, String label, Optional<BigDecimal> value, BigDecimal scale, String colour,
            String shown) {
        int room = WIDTH - LABEL - 60;
        int length = value.map(v -> v.multiply(BigDecimal.valueOf(room)).divide(scale, 0, java.math.RoundingMode.HALF_UP).intValue())
                .orElse(0);
        svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-family=\"Liberation Sans\" font-size=\"11\">")
                .append(escape(label)).append("</text>\n");
        svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(Math.max(length, 0))
                .append("\" height=\"").append(BAR).append("\" fill=\"").append(colour).append("\"/>\n");
        svg.append("<text x=\"").append(LABEL + length + 6).append("\" y=\"").append(y + 16)
                .append("\" font-family=\"Liberation Sans\" font-size=\"11\">").append(escape(shown)).append("</text>\n");
    }

    /** "80%" → 80, "2.6" → 2.6; words ("no investigations") have no bar. */
    private static Optional<BigDecimal> number(String shown) {
        try {
            return Optional.of(new BigDecimal(shown.replace("%", "").replace(",", "").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String name) {
        String shorter = name.replace(" Metropolitan Borough Council", "").replace(" Borough Council", "").replace(" City Council", "")
                .replace(" District Council", "").replace(" County Council", "").replace(" Council", "");
        return shorter.length() > 28 ? shorter.substring(0, 27) + "…" : shorter;
    }
}
