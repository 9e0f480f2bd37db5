package org.annualreview.site;

import static org.jsoup.nodes.Entities.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hexagon cartogram of the 296 lower-tier and unitary councils (Open Innovations' layout, MIT licence):
 * every council the same size, coloured in five classes of a statistic, drawn on the server as SVG so that it
 * shows without JavaScript; each hexagon links to its council's page.
 */
final class HexMap {

    record Hex(String code, String name, int q, int r) {
    }

    /** Colour-blind-safe sequential blues, lightest for the lowest class. */
    static final String[] CLASSES = {"#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"};
    static final String NO_DATA = "#ffffff";
    private static final double SIZE = 9;                       // hexagon radius, in SVG units
    private static final double WIDTH = Math.sqrt(3) * SIZE;
    private static final List<Hex> HEXES = load();

    private HexMap() {
    }

    private static List<Hex> load() {
        try (InputStream in = HexMap.class.getResourceAsStream("/reference/english-council-hexes-2023.hexjson")) {
            JsonNode hexes = JsonMapper.builder().build().readTree(in).get("hexes");
            List<Hex> list = new ArrayList<>();
            for (var entry : hexes.properties()) {
                JsonNode hex = entry.getValue();
                list.add(new Hex(entry.getKey(), hex.get("n").asString(), hex.get("q").asInt(), hex.get("r").asInt()));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map and its legend for values by GSS code; councils without a value are white, and said to be. */
    static String svg(Map<String, Optional<BigDecimal>> values, String measure, String unit) {
        List<BigDecimal> known = values.values().stream().flatMap(Optional::stream).sorted().toList();
        BigDecimal[] breaks = breaks(known);
        int maxR = HEXES.stream().mapToInt(Hex::r).max().orElse(0);
        int minQ = HEXES.stream().mapToInt(Hex::q).min().orElse(0);
        double width = (HEXES.stream().mapToInt(Hex::q).max().orElse(0) - minQ + 2) * WIDTH;
        double height = (maxR - HEXES.stream().mapToInt(Hex::r).min().orElse(0) + 2) * 1.5 * SIZE + 80;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hex-map\" viewBox=\"0 0 %.0f %.0f\""
                + " role=\"group\" aria-labelledby=\"map-title\"><title id=\"map-title\">%s by council, hexagon map (the table below has"
                + " every figure)</title>\n", width, height, escape(measure)));
        for (Hex hex : HEXES) {
            Optional<BigDecimal> value = values.getOrDefault(hex.code(), Optional.empty());
            double cx = (hex.q() - minQ + 1) * WIDTH + ((hex.r() & 1) == 1 ? WIDTH / 2 : 0);
            double cy = (maxR - hex.r() + 1) * 1.5 * SIZE;
            String label = hex.name() + ": " + value.map(v -> shown(v, unit)).orElse("no figure");
            svg.append("<a href=\"/councils/").append(hex.code()).append("\"><path d=\"").append(hexagon(cx, cy))
                    .append("\" fill=\"").append(value.map(v -> colourOf(v, breaks)).orElse(NO_DATA))
                    .append("\" stroke=\"#505a5f\" stroke-width=\"0.6\"><title>").append(escape(label)).append("</title></path></a>\n");
        }
        legend(svg, breaks, known.isEmpty() ? null : known.get(known.size() - 1), unit, height - 70);
        return svg.append("</svg>\n").toString();
    }

    /**
     * Up to five classes by quintile of the values shown, so that each colour covers about as many councils. Where
     * many councils share a value (0% or 100% on few cases) quintiles coincide: a break is kept once, and only above
     * the lowest value, so that no class is empty and no legend reads "100% to below 100%".
     */
    static BigDecimal[] breaks(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return new BigDecimal[0];
        }
        java.util.TreeSet<BigDecimal> breaks = new java.util.TreeSet<>();
        for (int i = 1; i <= 4; i++) {
            BigDecimal quintile = sorted.get(Math.min(sorted.size() - 1, sorted.size() * i / 5));
            if (quintile.compareTo(sorted.get(0)) > 0) {
                breaks.add(quintile);
            }
        }
        return breaks.toArray(BigDecimal[]::new);
    }

    static int classOf(BigDecimal value, BigDecimal[] breaks) {
        int c = 0;
        while (c < breaks.length && value.compareTo(breaks[c]) >= 0) {
            c++;
        }
        return c;
    }

    /** The colour of a class among as many as the breaks make, spread over the five blues from lightest to darkest. */
    static String colour(int c, BigDecimal[] breaks) {
        int classes = breaks.length + 1;
        return CLASSES[classes == 1 ? 2 : Math.round(c * (CLASSES.length - 1f) / (classes - 1))];
    }

    static String colourOf(BigDecimal value, BigDecimal[] breaks) {
        return colour(classOf(value, breaks), breaks);
    }

    /** The legend; the top class reads "100%" rather than "100% or more" when only the highest value is in it. */
    static void legend(StringBuilder svg, BigDecimal[] breaks, BigDecimal highest, String unit, double top) {
        svg.append(String.format(Locale.ROOT, "<g class=\"legend\" transform=\"translate(10 %.0f)\">\n", top));
        int classes = breaks.length + 1;
        for (int c = 0; c < classes; c++) {
            String range = classes == 1 ? "every council with a figure"
                    : c == 0 ? "below " + shown(breaks[0], unit)
                    : c == classes - 1 ? shown(breaks[c - 1], unit) + (breaks[c - 1].compareTo(highest) == 0 ? "" : " or more")
                    : shown(breaks[c - 1], unit) + " to below " + shown(breaks[c], unit);
            svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\" stroke=\"#505a5f\"/>"
                    + "<text x=\"14\" y=\"%d\" font-size=\"9\">%s</text>\n", c * 13, colour(c, breaks), c * 13 + 9, escape(range)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"150\" y=\"0\" width=\"10\" height=\"10\" fill=\"%s\" stroke=\"#505a5f\"/>"
                + "<text x=\"164\" y=\"9\" font-size=\"9\">no figure (nothing to divide by)</text>\n</g>\n", NO_DATA));
    }

    static String shown(BigDecimal value, String unit) {
        return value.setScale(unit.equals("%") ? 0 : 1, RoundingMode.HALF_UP).toPlainString() + unit;
    }

    private static String hexagon(double cx, double cy) {
        StringBuilder d = new StringBuilder();
        for (int corner = 0; corner < 6; corner++) {
            double angle = Math.toRadians(60 * corner - 30);
            d.append(corner == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.2f %.2f", cx + SIZE * Math.cos(angle), cy + SIZE * Math.sin(angle)));
        }
        return d.append("Z").toString();
    }
}
