package org.annualreview.site;

import static org.jsoup.nodes.Entities.escape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The councils' real shapes (ONS boundaries of 2023, Open Government Licence), drawn on the server as SVG in the
 * same five classes as the hexagon map. Counties overlap their districts, so there are two views: the lower tier
 * (districts, unitaries, metropolitan and London boroughs) and the upper tier (counties instead of districts).
 */
final class ShapeMap {

    record Shape(String code, String name, String layer, String path) {
    }

    private static final double WIDTH = 600;
    private static final List<Shape> SHIPPED = shipped();

    private ShapeMap() {
    }

    /** One council's shape as read: code, name, layer and the GeoJSON geometry. */
    record Feature(String code, String name, String layer, JsonNode geometry) {
    }

    private static List<Shape> shipped() {
        try (InputStream in = ShapeMap.class.getResourceAsStream("/reference/english-council-boundaries-2023.geojson")) {
            List<Feature> features = new ArrayList<>();
            for (JsonNode feature : JsonMapper.builder().build().readTree(in).get("features")) {
                JsonNode properties = feature.get("properties");
                features.add(new Feature(properties.get("code").asString(), properties.get("name").asString(),
                        properties.get("layer").asString(), feature.get("geometry")));
            }
            return project(features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped 2023 shapes, unless an administrator loaded others. */
    static List<Shape> shipped2023() {
        return SHIPPED;
    }

    /** Polygons as they are stored in GeoJSON: a Polygon is one list of rings, a MultiPolygon a list of those. */
    private static List<JsonNode> polygons(JsonNode geometry) {
        List<JsonNode> polygons = new ArrayList<>();
        if ("Polygon".equals(geometry.get("type").asString())) {
            polygons.add(geometry.get("coordinates"));
        } else {
            geometry.get("coordinates").forEach(polygons::add);
        }
        return polygons;
    }

    /** Equirectangular, with longitude shrunk by the cosine of the middle latitude: near enough at this scale. */
    static List<Shape> project(List<Feature> features) {
        double minX = 180, maxX = -180, minY = 90, maxY = -90;
        for (Feature feature : features) {
            for (JsonNode polygon : polygons(feature.geometry())) {
                for (JsonNode point : polygon.get(0)) {
                    minX = Math.min(minX, point.get(0).asDouble());
                    maxX = Math.max(maxX, point.get(0).asDouble());
                    minY = Math.min(minY, point.get(1).asDouble());
                    maxY = Math.max(maxY, point.get(1).asDouble());
                }
            }
        }
        double shrink = Math.cos(Math.toRadians((minY + maxY) / 2));
        double scale = WIDTH / Math.max(1e-9, (maxX - minX) * shrink);
        List<Shape> shapes = new ArrayList<>();
        for (Feature feature : features) {
            StringBuilder d = new StringBuilder();
            for (JsonNode polygon : polygons(feature.geometry())) {
                for (JsonNode ring : polygon) {
                    boolean first = true;
                    for (JsonNode point : ring) {
                        d.append(first ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f",
                                (point.get(0).asDouble() - minX) * shrink * scale, (maxY - point.get(1).asDouble()) * scale));
                        first = false;
                    }
                    d.append('Z');
                }
            }
            shapes.add(new Shape(feature.code(), feature.name(), feature.layer(), d.toString()));
        }
        return List.copyOf(shapes);
    }

    /**
     * The map of one tier: "lower" draws every ltla shape; "upper" draws the counties and the ltla shapes that are not
     * districts (whose codes are given).
     */
    static String svg(List<Shape> shapes, Map<String, Optional<BigDecimal>> values, String measure, String unit, boolean upper,
            Set<String> districts) {
        List<BigDecimal> known = values.values().stream().flatMap(Optional::stream).sorted().toList();
        BigDecimal[] breaks = HexMap.breaks(known);
        double height = 640;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"shape-map\""
                + " viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-labelledby=\"map-title\"><title id=\"map-title\">%s by council, %s tier"
                + " (the table below has every figure)</title>\n", WIDTH, height + 80, escape(measure), upper ? "upper" : "lower"));
        for (Shape shape : shapes) {
            boolean drawn = upper ? shape.layer().equals("cty") || !districts.contains(shape.code()) : shape.layer().equals("ltla");
            if (!drawn) {
                continue;
            }
            Optional<BigDecimal> value = values.getOrDefault(shape.code(), Optional.empty());
            String label = shape.name() + ": " + value.map(v -> HexMap.shown(v, unit)).orElse("no figure");
            svg.append("<a href=\"/councils/").append(shape.code()).append("\"><path d=\"").append(shape.path()).append("\" fill=\"")
                    .append(value.map(v -> HexMap.colourOf(v, breaks)).orElse(HexMap.NO_DATA))
                    .append("\" stroke=\"#505a5f\" stroke-width=\"0.4\"><title>").append(escape(label)).append("</title></path></a>\n");
        }
        HexMap.legend(svg, breaks, known.isEmpty() ? null : known.get(known.size() - 1), unit, 10);   // top left, in the sea west of Cumbria and Northumberland
        return svg.append("</svg>\n").toString();
    }
}
