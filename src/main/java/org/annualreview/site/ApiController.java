package org.annualreview.site;

import java.util.List;
import java.util.Map;

import org.annualreview.demo.DemoLabel;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.FiguresDocument;
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
    private final java.util.function.BooleanSupplier synthetic;

    @org.springframework.beans.factory.annotation.Autowired
    public ApiController(Publication publication, DemoLabel demoLabel) {
        this(publication, demoLabel::isSynthetic);
    }

    ApiController(Publication publication, java.util.function.BooleanSupplier synthetic) {
        this.publication = publication;
        this.synthetic = synthetic;
    }

    @GetMapping("/api/years")
    public ResponseEntity<String> years() {
        return json(Map.of("publishedYears", publication.publishedYears().stream().map(ReportingYear::toString).toList()));
    }

    @GetMapping("/api/years/{year}")
    public ResponseEntity<String> year(@PathVariable("year") String year) {
        return publication.published(year).flatMap(publication::release).map(r -> document(r, null))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Every release of a published year, first first: when, what kind, why (a revision's reason), and where its figures are. */
    @GetMapping("/api/years/{year}/releases")
    public ResponseEntity<String> releases(@PathVariable("year") String year) {
        return publication.published(year).map(y -> {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("year", y.toString());
            body.put("releases", publication.releasesOf(y).stream().map(ApiController::described).toList());
            return json(body);
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** One release's figures, as the year's JSON was while it was the latest: a stable address. */
    @GetMapping("/api/years/{year}/releases/{number}")
    public ResponseEntity<String> release(@PathVariable("year") String year, @PathVariable("number") String number) {
        return publication.published(year).flatMap(y -> number.matches("\\d{1,4}") ? publication.release(y, Integer.parseInt(number))
                : java.util.Optional.empty()).map(r -> document(r, null)).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A release as the API lists it; the order of its fields is fixed. */
    private static Map<String, Object> described(org.annualreview.publication.Release r) {
        Map<String, Object> described = new java.util.LinkedHashMap<>();
        described.put("number", r.number());
        described.put("kind", r.kind().name());
        described.put("madeOn", r.madeAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate().toString());
        described.put("reason", r.reason().orElse(null));
        described.put("figures", "/api/years/" + r.year() + "/releases/" + r.number());
        described.put("csv", "/data/releases/" + r.year() + "/" + r.number() + "/statistics.csv");
        return described;
    }

    @GetMapping("/api/years/{year}/councils/{code}")
    public ResponseEntity<String> council(@PathVariable("year") String year, @PathVariable("code") String code) {
        return publication.published(year).flatMap(publication::release)
                .flatMap(r -> publication.figures(r).of(code.toUpperCase(java.util.Locale.ROOT)).map(f -> document(r, f)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A release's figures as JSON, of every organisation or of one, with the Complaint Handling Code records it froze. */
    private ResponseEntity<String> document(org.annualreview.publication.Release release, org.annualreview.statistics.OrganisationFigures one) {
        YearFigures figures = publication.figures(release);
        return json(FiguresDocument.of(figures, one == null ? figures.organisations() : List.of(one), AverageMethod.POOLED,
                synthetic.getAsBoolean(), java.util.Optional.of(publication.codeFindings(release))));
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
