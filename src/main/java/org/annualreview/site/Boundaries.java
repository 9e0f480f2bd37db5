package org.annualreview.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The council shapes the site's map draws: the shipped ONS shapes of 2023, until an administrator loads newer
 * official boundaries (GeoJSON keyed by GSS code, in a property named by a setting, such as LAD23CD). A file
 * is checked whole first and loaded in one transaction: with any problem, nothing changes.
 */
public final class Boundaries {

    /** What was wrong with a boundary file, feature by feature. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile CachedShapes cached;

    private record CachedShapes(Timestamp loadedAt, List<ShapeMap.Shape> shapes) {
    }

    public Boundaries(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Replaces the loaded shapes with the file's; returns how many councils it holds. */
    public int load(Path file, String codeProperty) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw new Refused(List.of(file.getFileName() + ": not GeoJSON: " + e.getOriginalMessage()));
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw new Refused(List.of(file.getFileName() + ": not a GeoJSON FeatureCollection (no \"features\" list)"));
        }
        Set<String> registered = new HashSet<>(jdbc.queryForList("select code from organisation", String.class));
        List<String> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (JsonNode feature : features) {
            number++;
            JsonNode properties = feature.get("properties");
            JsonNode code = properties == null ? null : properties.get(codeProperty);
            JsonNode geometry = feature.get("geometry");
            String where = file.getFileName() + ", feature " + number;
            if (code == null || code.asString().isBlank()) {
                problems.add(where + ": no property '" + codeProperty + "' (the GSS code); name the right one with --code-property");
                continue;
            }
            String gss = code.asString().strip();
            String type = geometry == null || geometry.get("type") == null ? "" : geometry.get("type").asString();
            if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
                problems.add(where + " (" + gss + "): its geometry is '" + type + "', not a Polygon or MultiPolygon");
            } else if (!registered.contains(gss)) {
                problems.add(where + ": " + gss + " is not in the register: import the organisation first");
            } else if (!seen.add(gss)) {
                problems.add(where + ": " + gss + " has a shape already in this file");
            } else {
                JsonNode name = properties.get("name");
                rows.add(new Object[] {gss, name == null ? gss : name.asString(), gss.startsWith("E10") ? "cty" : "ltla",
                        geometry.toString()});
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from boundary");
            jdbc.batchUpdate("insert into boundary (code, name, layer, geometry, loaded_at) values (?, ?, ?, ?, ?)",
                    rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], now}).toList());
        });
        return rows.size();
    }

    /** The shapes to draw: those loaded, or else the shipped 2023 shapes; projected once per load. */
    List<ShapeMap.Shape> shapes() {
        Timestamp loadedAt = jdbc.queryForObject("select max(loaded_at) from boundary", Timestamp.class);
        if (loadedAt == null) {
            return ShapeMap.shipped2023();
        }
        CachedShapes now = cached;
        if (now == null || !now.loadedAt().equals(loadedAt)) {
            List<ShapeMap.Feature> features = jdbc.query("select code, name, layer, geometry from boundary order by code",
                    (rs, n) -> new ShapeMap.Feature(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4))));
            now = new CachedShapes(loadedAt, ShapeMap.project(features));
            cached = now;
        }
        return now.shapes();
    }

    /** Whether the shapes drawn are an administrator's rather than the shipped ones (for the map's credit line). */
    boolean loaded() {
        return jdbc.queryForObject("select count(*) from boundary", Long.class) > 0;
    }
}
