package org.annualreview.site;

import static org.jsoup.nodes.Entities.escape;

import java.util.List;
import java.util.Locale;

/**
 * A funnel plot of upheld rates against the number of detailed investigations, for the councils of one type:
 * around the type's average rate, the limits within which 95% and 99.8% of councils would fall by chance alone
 * (the normal approximation to the binomial: p ± z·√(p(1−p)/n), z = 1.96 and 3.09). A council outside the outer
 * funnel differs from its type by more than chance is likely to explain. Drawn on the server as SVG.
 */
final class FunnelPlot {

    /** One council: its investigations, upheld, and whether it is the one the page is about. */
    record Point(String code, String name, long investigated, long upheld, boolean chosen) {
        double rate() {
            return investigated == 0 ? 0 : (double) upheld / investigated;
        }
    }

    /** Where a council's rate falls against the funnel. */
    static String band(Point point, double average) {
        if (point.investigated() == 0) {
            return "no investigations";
        }
        double rate = point.rate();
        double spread = Math.sqrt(average * (1 - average) / point.investigated());
        if (Math.abs(rate - average) > 3.09 * spread) {
            return rate > average ? "above the 99.8% limit" : "below the 99.8% limit";
        }
        if (Math.abs(rate - average) > 1.96 * spread) {
            return rate > average ? "above the 95% limit" : "below the 95% limit";
        }
        return "within the limits";
    }

    private static final int W = 600;
    private static final int H = 360;
    private static final int LEFT = 50;
    private static final int BOTTOM = 40;

    private FunnelPlot() {
    }

    static String svg(List<Point> points, double average, String title) {
        long maxN = Math.max(10, points.stream().mapToLong(Point::investigated).max().orElse(10));
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"funnel-title\">"
                        + "<title id=\"funnel-title\">%s (the table below lists every council and where it falls)</title>\n", W, H, escape(title)));
        // axes
        svg.append(line(LEFT, H - BOTTOM, W - 10, H - BOTTOM, "#0b0c0c", 1)).append(line(LEFT, 10, LEFT, H - BOTTOM, "#0b0c0c", 1));
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = y(percent / 100.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%d%%</text>\n", LEFT - 4, y + 3, percent));
        }
        for (int step = 0; step <= 4; step++) {
            long n = maxN * step / 4;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>\n", x(n, maxN),
                    H - BOTTOM + 14, n));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">Detailed investigations</text>\n",
                (W + LEFT) / 2, H - 6));
        // average and limits
        svg.append(line(LEFT, y(average), W - 10, y(average), "#505a5f", 1.5));
        for (double z : new double[] {1.96, 3.09}) {
            for (int side : new int[] {1, -1}) {
                StringBuilder d = new StringBuilder();
                for (long n = 1; n <= maxN; n += Math.max(1, maxN / 120)) {
                    double limit = Math.min(1, Math.max(0, average + side * z * Math.sqrt(average * (1 - average) / n)));
                    d.append(d.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", x(n, maxN), y(limit)));
                }
                svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(z < 2 ? "#6baed6" : "#08519c")
                        .append("\" stroke-width=\"1.2\"").append(z < 2 ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
            }
        }
        for (Point p : points) {
            if (p.investigated() == 0) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\" stroke=\"#0b0c0c\" stroke-width=\"0.5\">"
                    + "<title>%s: %d of %d upheld</title></circle>\n", x(p.investigated(), maxN), y(p.rate()), p.chosen() ? 6 : 3,
                    p.chosen() ? "#d4351c" : "#b1b4b6", escape(p.name()), p.upheld(), p.investigated()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double x(long n, long maxN) {
        return LEFT + (W - 10 - LEFT) * (double) n / maxN;
    }

    private static double y(double rate) {
        return (H - BOTTOM) - (H - BOTTOM - 10) * rate;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
                x1, y1, x2, y2, colour, width);
    }
}
