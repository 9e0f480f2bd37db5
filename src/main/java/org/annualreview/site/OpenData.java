package org.annualreview.site;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.FiguresCsv;
import org.annualreview.statistics.YearFigures;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every table of the site as a download (statistics, decisions and service improvements, by year and by
 * council), and the sitemap that lists the site's pages; all of published years only.
 */
@RestController
public final class OpenData {

    private final SiteAddress address;

    private final Publication publication;
    private final Organisations organisations;

    public OpenData(Publication publication, Organisations organisations, SiteAddress address) {
        this.address = address;
        this.publication = publication;
        this.organisations = organisations;
    }

    /** A published year's figures of every organisation, as the `stats --format csv` columns. */
    @GetMapping("/data/statistics-{year}.csv")
    public ResponseEntity<byte[]> statistics(@PathVariable("year") String year) {
        Optional<ReportingYear> published = publication.published(year);
        if (published.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return statisticsCsv(publication.figures(published.get()), "statistics-" + published.get() + ".csv");
    }

    /** One release of a published year, earlier or latest, at an address that never changes. */
    @GetMapping("/data/releases/{year}/{number}/statistics.csv")
    public ResponseEntity<byte[]> releaseStatistics(@PathVariable("year") String year, @PathVariable("number") String number) {
        Optional<org.annualreview.publication.Release> release = publication.published(year)
                .flatMap(y -> number.matches("\\d{1,4}") ? publication.release(y, Integer.parseInt(number)) : Optional.empty());
        if (release.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return statisticsCsv(publication.figures(release.get()), "statistics-" + year + "-release-" + number + ".csv");
    }

    private static ResponseEntity<byte[]> statisticsCsv(YearFigures figures, String fileName) {
        StringWriter csv = new StringWriter();
        csv.write('\uFEFF');
        FiguresCsv.write(csv, figures, figures.organisations(), AverageMethod.POOLED);
        return OpenDataCsv.response(csv, fileName);
    }

    /** One council's figures of every published year, latest first, in the same columns. */
    @GetMapping("/councils/{code}/statistics.csv")
    public ResponseEntity<byte[]> councilStatistics(@PathVariable("code") String code) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        StringWriter csv = new StringWriter();
        csv.write('\uFEFF');
        List<ReportingYear> years = publication.publishedYears();
        if (years.isEmpty()) {
            FiguresCsv.header(csv);
        }
        for (ReportingYear year : years) {
            YearFigures figures = publication.figures(year);
            FiguresCsv.write(csv, figures, figures.of(organisation.get().code()).stream().toList(), AverageMethod.POOLED, year.equals(years.get(0)));
        }
        return OpenDataCsv.response(csv, "statistics-" + organisation.get().code() + ".csv");
    }

    /** A published year's Complaint Handling Code records of every organisation (from 2026-27), as its release froze them. */
    @GetMapping("/data/complaint-handling-code-{year}.csv")
    public ResponseEntity<byte[]> complaintHandlingCode(@PathVariable("year") String year) {
        Optional<org.annualreview.publication.Release> release = publication.published(year)
                .filter(org.annualreview.statistics.KeyStatistic.CODE_FAILURES::appliesTo).flatMap(publication::release);
        if (release.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        StringWriter csv = new StringWriter();
        csv.write('\uFEFF');
        org.annualreview.statistics.CodeFindingsCsv.write(csv, publication.figures(release.get()), publication.codeFindings(release.get()));
        return OpenDataCsv.response(csv, "complaint-handling-code-" + release.get().year() + ".csv");
    }

    /** Every decision of a published year, about every body. */
    @GetMapping("/data/decisions-{year}.csv")
    public ResponseEntity<byte[]> decisions(@PathVariable("year") String year) {
        Optional<ReportingYear> published = publication.published(year);
        if (published.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, String> names = names();
        StringWriter text = new StringWriter();
        try (OpenDataCsv.DecisionRows rows = OpenDataCsv.decisions(text, publication.publishedYears())) {
            publication.decisions().eachOfYear(published.get(), d -> rows.add(d, names.getOrDefault(d.organisationCode(), "")));
        }
        return OpenDataCsv.response(text, "decisions-" + published.get() + ".csv");
    }

    /** Every service improvement agreed on a published year's decisions, by every body. */
    @GetMapping("/data/service-improvements-{year}.csv")
    public ResponseEntity<byte[]> serviceImprovements(@PathVariable("year") String year) {
        Optional<ReportingYear> published = publication.published(year);
        if (published.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, String> names = names();
        StringWriter text = new StringWriter();
        try (OpenDataCsv.ImprovementRows rows = OpenDataCsv.improvements(text)) {
            publication.decisions().eachImprovementOfYear(published.get(), (code, i) -> rows.add(i, code, names.getOrDefault(code, "")));
        }
        return OpenDataCsv.response(text, "service-improvements-" + published.get() + ".csv");
    }

    /** One council's service improvements of every published year. */
    @GetMapping("/councils/{code}/service-improvements.csv")
    public ResponseEntity<byte[]> councilServiceImprovements(@PathVariable("code") String code) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Organisation o = organisation.get();
        StringWriter text = new StringWriter();
        try (OpenDataCsv.ImprovementRows rows = OpenDataCsv.improvements(text)) {
            publication.decisions().serviceImprovements(o.code(), java.util.Set.copyOf(publication.publishedYears())).forEach(i -> rows.add(i, o.code(), o.name()));
        }
        return OpenDataCsv.response(text, "service-improvements-" + o.code() + ".csv");
    }

    /** The site's pages for search engines: the fixed ones, each council, and each published year's map and downloads. */
    @GetMapping(value = "/sitemap.xml")
    public ResponseEntity<String> sitemap() {
        List<ReportingYear> years = publication.publishedYears();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        java.util.function.Consumer<String> url = path -> xml.append("  <url><loc>").append(address.absolute(path)).append("</loc></url>\n");
        List.of("/", "/about-the-statistics", "/api/docs", "/accessibility", "/privacy", "/cookies", "/contact").forEach(url);
        for (ReportingYear year : years) {
            url.accept("/?year=" + year);
            url.accept("/data/statistics-" + year + ".csv");
            url.accept("/data/decisions-" + year + ".csv");
            url.accept("/data/service-improvements-" + year + ".csv");
            url.accept("/releases/" + year);
            if (org.annualreview.statistics.KeyStatistic.CODE_FAILURES.appliesTo(year)) {
                url.accept("/data/complaint-handling-code-" + year + ".csv");
            }
        }
        if (!years.isEmpty()) {
            java.util.Set<String> codes = years.stream().flatMap(y -> publication.figures(y).organisations().stream())
                    .filter(f -> f.kind().hasTypeAverage()).map(f -> f.code()).collect(Collectors.toCollection(java.util.TreeSet::new));
            codes.forEach(code -> url.accept("/councils/" + code));
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(xml.toString());
    }

    @GetMapping(value = "/robots.txt")
    public ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("User-agent: *\nAllow: /\nSitemap: " + address.absolute("/sitemap.xml") + "\n");
    }

    private Map<String, String> names() {
        return organisations.all().stream().collect(Collectors.toMap(Organisation::code, Organisation::name));
    }
}
