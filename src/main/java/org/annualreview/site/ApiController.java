package org.annualreview.site;

import java.util.List;
import java.util.Map;

import org.annualreview.demo.DemoLabel;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.FiguresDocument;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The open data API: the published years, and their figures as the documented JSON of `stats --format json`
 * (docs/statistics.md), by year and by GSS code. Described at /api/openapi.json; behind the same embargo as
 * the pages.
 */
@RestController
public final class ApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Publication publication;
    private final Statistics statistics;
    private final java.util.function.BooleanSupplier synthetic;

    @org.springframework.beans.factory.annotation.Autowired
    public ApiController(Publication publication, Statistics statistics, DemoLabel demoLabel) {
        this(publication, statistics, demoLabel::isSynthetic);
    }

    ApiController(Publication publication, Statistics statistics, java.util.function.BooleanSupplier synthetic) {
        this.publication = publication;
        this.statistics = statistics;
        this.synthetic = synthetic;
    }

    @GetMapping("/api/years")
    public ResponseEntity<String> years() {
        return json(Map.of("publishedYears", publication.publishedYears().stream().map(ReportingYear::toString).toList()));
    }

    @GetMapping("/api/years/{year}")
    public ResponseEntity<String> year(@PathVariable("year") String year) {
        return publication.published(year).map(y -> {
            YearFigures figures = statistics.figures(y);
            return json(FiguresDocument.of(figures, figures.organisations(), AverageMethod.POOLED, synthetic.getAsBoolean()));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/api/years/{year}/councils/{code}")
    public ResponseEntity<String> council(@PathVariable("year") String year, @PathVariable("code") String code) {
        return publication.published(year).flatMap(y -> {
            YearFigures figures = statistics.figures(y);
            return figures.of(code.toUpperCase(java.util.Locale.ROOT))
                    .map(f -> json(FiguresDocument.of(figures, List.of(f), AverageMethod.POOLED, synthetic.getAsBoolean())));
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The API's description, OpenAPI 3.1. */
    @GetMapping("/api/openapi.json")
    public ResponseEntity<String> openApi() throws java.io.IOException {
        try (var in = ApiController.class.getResourceAsStream("/site/openapi.json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static ResponseEntity<String> json(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(JSON.writeValueAsString(body));
    }
}
