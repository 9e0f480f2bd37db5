package org.annualreview.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.decisions.Decisions;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.YearFigures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Your council's performance": the published years' figures and letters. A year before its publication day
 * does not exist here: no page, table row or letter of it can be reached ({@link Publication}).
 */
@RestController
public final class SiteController {

    private final Publication publication;
    private final Organisations organisations;
    private final Letters letters;
    private final Boundaries boundaries;
    private final Pages pages = new Pages();

    public SiteController(Publication publication, Organisations organisations, Letters letters, Boundaries boundaries) {
        this.boundaries = boundaries;
        this.publication = publication;
        this.organisations = organisations;
        this.letters = letters;
    }

    /** Every council of the chosen published year (the latest by default), with its key statistics. */
    @GetMapping("/")
    public ResponseEntity<String> home(@RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "measure", defaultValue = "upheld") String measure,
            @RequestParam(name = "view", defaultValue = "hexagons") String view) {
        Optional<KeyStatistic> statistic = KeyStatistic.byCode(measure);
        if (statistic.isEmpty() || !List.of("hexagons", "lower", "upper").contains(view)) {
            return notFound();
        }
        List<ReportingYear> published = publication.publishedYears();
        Map<String, Object> model = base("Your council's performance");
        model.put("years", published.stream().map(ReportingYear::toString).toList());
        Optional<ReportingYear> shown = year == null ? published.stream().findFirst() : ReportingYear.find(year).filter(published::contains);
        if (year != null && shown.isEmpty()) {
            return notFound();
        }
        model.put("year", shown.map(ReportingYear::toString).orElse(""));
        List<CouncilRow> rows = new ArrayList<>();
        Map<String, Optional<java.math.BigDecimal>> values = new LinkedHashMap<>();
        shown.ifPresent(y -> {
            YearFigures figures = publication.figures(y);
            figures.organisations().stream().filter(f -> f.kind().hasTypeAverage()).forEach(f -> {
                rows.add(CouncilRow.of(f, figures));
                values.put(f.code(), statistic.get().exact(f));
            });
        });
        model.put("councils", rows);
        model.put("measure", measure);
        List<KeyStatistic> ofTheYear = shown.map(KeyStatistic::of).orElse(List.of());
        if (shown.isPresent() && !ofTheYear.contains(statistic.get())) {
            return notFound();   // such as the Complaint Handling Code's before 2026-27
        }
        model.put("codeReported", shown.map(KeyStatistic.CODE_FAILURES::appliesTo).orElse(false));
        model.put("measureLabel", statistic.get().label());
        model.put("measures", ofTheYear.stream().map(s -> Map.of("value", s.code(), "label", s.label())).toList());
        model.put("statistics", ofTheYear.stream().map(s -> Map.of("code", s.code(), "label", s.label())).toList());
        java.util.Set<String> districts = new java.util.HashSet<>();
        shown.flatMap(publication::release).ifPresent(r -> Pages.revised(model, List.of(r)));
        shown.ifPresent(y -> publication.figures(y).organisations().stream()
                .filter(f -> f.kind() == org.annualreview.organisations.OrganisationKind.DISTRICT_COUNCIL).forEach(f -> districts.add(f.code())));
        String label = statistic.get().label();
        String unit = statistic.get().scale().unit();
        model.put("view", view);
        model.putIfAbsent("boundariesLoaded", false);
        model.put("map", shown.isEmpty() ? "" : view.equals("hexagons") ? HexMap.svg(values, label, unit)
                : ShapeMap.svg(boundaries.shapes(), values, label, unit, view.equals("upper"), districts));
        model.put("boundariesLoaded", !view.equals("hexagons") && boundaries.loaded());
        return page("home", model);
    }

    /** Councils whose name holds the words searched for, or whose code it is. */
    @GetMapping("/councils")
    public ResponseEntity<String> search(@RequestParam(name = "q", defaultValue = "") String q) {
        String wanted = q.strip();
        List<Organisation> found = wanted.isEmpty() ? List.of() : organisations.all().stream()
                .filter(o -> o.kind().hasTypeAverage())
                .filter(o -> org.annualreview.organisations.NameSearch.matches(o.name(), wanted) || o.code().equalsIgnoreCase(wanted)).toList();
        Map<String, Object> model = base("Find a council");
        model.put("q", q);
        model.put("found", found.stream().map(o -> Map.of("code", o.code(), "name", o.name(), "kind", o.kind().label())).toList());
        return page("search", model);
    }

    /** One council: every published year's key statistics against its type's average, and its letters. */
    @GetMapping("/councils/{code}")
    public ResponseEntity<String> council(@PathVariable("code") String code) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return notFound();
        }
        Organisation o = organisation.get();
        List<org.annualreview.publication.Release> released = publication.publishedReleases();
        List<ReportingYear> publishedYears = released.stream().map(org.annualreview.publication.Release::year).toList();
        List<Map<String, Object>> years = new ArrayList<>();
        Map<Outcome, List<Long>> byOutcome = new java.util.EnumMap<>(Outcome.class);
        Map<ServiceArea, List<Long>> byArea = new java.util.EnumMap<>(ServiceArea.class);
        List<org.annualreview.publication.Release> revised = new ArrayList<>();
        for (org.annualreview.publication.Release release : released) {
            ReportingYear year = release.year();
            YearFigures figures = publication.figures(release);
            figures.of(o.code()).ifPresent(f -> {
                revised.add(release);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("year", year.toString());
                entry.put("figures", CouncilRow.of(f, figures));
                entry.put("code", CodeSection.appliesTo(figures) ? CodeSection.of(publication.codeFindings(release), f, figures) : Map.of());
                Map<Integer, Integer> letterVersions = publication.releases().letterVersions(year, o.code());
                entry.put("letter", letterVersions.containsKey(release.number()));
                List<Integer> corrections = org.annualreview.publication.Releases.corrections(letterVersions);
                entry.put("corrected", corrections.isEmpty() ? "" : publication.releases().number(year, corrections.get(corrections.size() - 1))
                        .map(r -> "Corrected on " + r.madeOn()).orElse(""));
                entry.put("original", letterVersions.keySet().stream().findFirst().orElse(0));
                entry.put("upheldPercent", f.upheld().exactPercent().map(p -> p.setScale(0, java.math.RoundingMode.HALF_UP).intValue()).orElse(-1));
                for (Outcome out : Outcome.values()) {
                    byOutcome.computeIfAbsent(out, x -> new ArrayList<>()).add(f.outcomes().getOrDefault(out, 0L));
                }
                for (ServiceArea area : ServiceArea.values()) {
                    byArea.computeIfAbsent(area, x -> new ArrayList<>()).add(f.serviceAreas().getOrDefault(area, 0L));
                }
                years.add(entry);
            });
        }
        java.util.Set<ReportingYear> published = java.util.Set.copyOf(publishedYears);
        Decisions decisions = publication.releases().decisions(released);
        Map<String, Object> model = base(o.name());
        Pages.revised(model, revised);
        model.put("code", o.code());
        model.put("kind", o.kind().label());
        model.put("years", years);
        model.put("trend", trend(years));
        model.put("outcomes", byOutcome.entrySet().stream().map(e -> Map.of("label", e.getKey().label(), "counts", e.getValue())).toList());
        model.put("areas", byArea.entrySet().stream().map(e -> Map.of("label", e.getKey().label(), "counts", e.getValue())).toList());
        model.put("reports", decisions.publicReports(o.code(), published).stream().map(r -> Map.of("reference", r.caseReference(),
                "date", r.publishedOn().toString(), "title", r.title())).toList());
        model.put("improvements", decisions.serviceImprovements(o.code(), published).stream().map(i -> Map.of("reference", i.caseReference(),
                "year", i.year().toString(), "text", i.improvement(), "status", i.status().label())).toList());
        return page("council", model);
    }

    /** The upheld rate across the published years, oldest first, for the trend chart (bars as boxes, figures as text). */
    private static List<Map<String, Object>> trend(List<Map<String, Object>> years) {
        List<Map<String, Object>> trend = new ArrayList<>();
        for (int i = years.size() - 1; i >= 0; i--) {
            Map<String, Object> year = years.get(i);
            CouncilRow row = (CouncilRow) year.get("figures");
            trend.add(Map.of("year", year.get("year"), "shown", row.figure(KeyStatistic.UPHELD).shown(), "percent", year.get("upheldPercent")));
        }
        return trend;
    }

    /** A council against all councils of its type in a published year: a table and a funnel plot of upheld rates. */
    @GetMapping("/councils/{code}/compare")
    public ResponseEntity<String> compare(@PathVariable("code") String code, @RequestParam(name = "year", defaultValue = "") String year) {
        Optional<Organisation> organisation = organisations.byCode(code);
        List<ReportingYear> published = publication.publishedYears();
        Optional<ReportingYear> shown = year.isEmpty() ? published.stream().findFirst() : ReportingYear.find(year).filter(published::contains);
        if (organisation.isEmpty() || shown.isEmpty() || !organisation.get().kind().hasTypeAverage()) {
            return notFound();
        }
        Organisation o = organisation.get();
        YearFigures figures = publication.figures(shown.get());
        List<FunnelPlot.Point> points = figures.organisations().stream().filter(f -> f.kind() == o.kind())
                .map(f -> new FunnelPlot.Point(f.code(), f.name(), f.upheld().denominator(), f.upheld().numerator(), f.code().equals(o.code())))
                .toList();
        long upheld = points.stream().mapToLong(FunnelPlot.Point::upheld).sum();
        long investigated = points.stream().mapToLong(FunnelPlot.Point::investigated).sum();
        double average = investigated == 0 ? 0 : (double) upheld / investigated;
        Map<String, Object> model = base(o.name() + " compared with other " + o.kind().plural());
        publication.release(shown.get()).ifPresent(r -> Pages.revised(model, List.of(r)));
        model.put("code", o.code());
        model.put("name", o.name());
        model.put("kindPlural", o.kind().plural());
        model.put("year", shown.get().toString());
        model.put("years", published.stream().map(ReportingYear::toString).toList());
        model.put("average", TypeAverageWords.percent(upheld, investigated));
        model.put("plot", investigated == 0 ? "" : FunnelPlot.svg(points, average,
                "Upheld rate against detailed investigations, " + o.kind().plural() + ", " + shown.get()));
        model.put("rows", points.stream().sorted(java.util.Comparator.comparing(FunnelPlot.Point::name)).map(p -> Map.of("code", p.code(),
                "name", p.name(), "chosen", p.chosen(), "shown", TypeAverageWords.percent(p.upheld(), p.investigated()),
                "counts", p.upheld() + " of " + p.investigated(), "band", FunnelPlot.band(p, average),
                "rate", p.investigated() == 0 ? "" : String.valueOf((double) p.upheld() / p.investigated()), "investigated", p.investigated())).toList());
        model.put("codeRows", CodeSection.appliesTo(figures) ? codeRows(figures, publication.codeFindings(publication.release(shown.get()).orElseThrow()),
                o) : List.of());
        return page("compare", model);
    }

    /** Each council of the type under the Complaint Handling Code: failures found, self-assessment and report found, notices. */
    private static List<Map<String, Object>> codeRows(YearFigures figures, org.annualreview.statistics.CodeFindings findings, Organisation chosen) {
        return figures.organisations().stream().filter(f -> f.kind() == chosen.kind()).sorted(java.util.Comparator.comparing(
                org.annualreview.statistics.OrganisationFigures::name)).map(f -> {
                    org.annualreview.statistics.CodeFindings.Council council = findings.of(f.code());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", f.code());
                    row.put("name", f.name());
                    row.put("chosen", f.code().equals(chosen.code()));
                    row.put("shown", KeyStatistic.CODE_FAILURES.shown(f));
                    row.put("fewCases", CouncilRow.fewCases(KeyStatistic.CODE_FAILURES, f));
                    row.put("counts", KeyStatistic.CODE_FAILURES.count(f) + " of " + KeyStatistic.CODE_FAILURES.outOf(f));
                    row.put("rate", KeyStatistic.CODE_FAILURES.outOf(f) == 0 ? ""
                            : String.valueOf((double) KeyStatistic.CODE_FAILURES.count(f) / KeyStatistic.CODE_FAILURES.outOf(f)));
                    row.put("selfAssessment", council.selfAssessment().map(a -> a.selfAssessment().found() ? "Found" : "Not found").orElse("Not recorded"));
                    row.put("annualReport", council.selfAssessment().map(a -> a.annualReport().found() ? "Found" : "Not found").orElse("Not recorded"));
                    row.put("notices", council.notices().size());
                    return row;
                }).toList();
    }

    /** Follow one council: an entry when a year's figures and letter are published, and for each public report. */
    @GetMapping(value = "/councils/{code}/feed.atom")
    public ResponseEntity<String> councilFeed(@PathVariable("code") String code) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return notFound();
        }
        Organisation o = organisation.get();
        List<ReportingYear> published = publication.publishedYears();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (ReportingYear year : published) {
            if (publication.figures(year).of(o.code()).isPresent()) {
                entries.add(yearEntry(year, o));
                publication.releasesOf(year).stream().filter(org.annualreview.publication.Release::isRevision)
                        .forEach(r -> entries.add(revisionEntry(r, "/councils/" + o.code(), o.name() + ": ")));
            }
        }
        publication.decisions().publicReports(o.code(), java.util.Set.copyOf(published)).forEach(r -> entries.add(new AtomFeed.Entry(
                "tag:annual-review,2024:report/" + r.caseReference(), "Public report: " + r.title(), "/decisions/" + r.caseReference(),
                r.publishedOn(), "The ombudsman published a report on case " + r.caseReference() + " about " + o.name() + ".")));
        return feed(AtomFeed.of("tag:annual-review,2024:council/" + o.code(), o.name() + ": Your council's performance",
                "/councils/" + o.code(), entries));
    }

    /** Follow the site: an entry for each published year, and one for each revision of it. */
    @GetMapping(value = "/feed.atom")
    public ResponseEntity<String> siteFeed() {
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (ReportingYear y : publication.publishedYears()) {
            entries.add(new AtomFeed.Entry("tag:annual-review,2024:year/" + y,
                    "Figures and Annual Review letters of " + y, "/?year=" + y, letters.publicationDate(y).orElseThrow(),
                    "Every council's figures and letter for " + y.endingPhrase() + " are published."));
            publication.releasesOf(y).stream().filter(org.annualreview.publication.Release::isRevision)
                    .forEach(r -> entries.add(revisionEntry(r, "/releases/" + y, "")));
        }
        return feed(AtomFeed.of("tag:annual-review,2024:site", "Your council's performance", "/", entries));
    }

    /** A revision of a year as an entry: when, and why. */
    private static AtomFeed.Entry revisionEntry(org.annualreview.publication.Release r, String link, String prefix) {
        return new AtomFeed.Entry("tag:annual-review,2024:" + link.substring(1) + "/release/" + r.year() + "/" + r.number(),
                prefix + r.year() + " revised (release " + r.number() + ")", link,
                r.madeAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate(), r.revisedLabel());
    }

    private AtomFeed.Entry yearEntry(ReportingYear year, Organisation o) {
        return new AtomFeed.Entry("tag:annual-review,2024:council/" + o.code() + "/" + year, o.name() + ": figures and letter of " + year,
                "/councils/" + o.code(), letters.publicationDate(year).orElseThrow(),
                "The key statistics and the Annual Review letter of " + o.name() + " for " + year.endingPhrase() + ".");
    }

    private static ResponseEntity<String> feed(String atom) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(atom);
    }

    /** The open data's addresses, in words; the OpenAPI description is beside it. */
    @GetMapping("/api/docs")
    public ResponseEntity<String> apiDocs() {
        return page("api-docs", base("Open data"));
    }

    /** What each figure means, in plain words. */
    @GetMapping("/about-the-statistics")
    public ResponseEntity<String> about() {
        return page("about", base("About the statistics"));
    }

    @GetMapping("/councils/{code}/letters/{year}.pdf")
    public ResponseEntity<byte[]> letterPdf(@PathVariable("code") String code, @PathVariable("year") String year) {
        return publishedLetter(code, year).map(l -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + l.organisationCode() + "-" + l.year() + ".pdf\"").body(l.pdf()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/councils/{code}/letters/{year}.html")
    public ResponseEntity<String> letterHtml(@PathVariable("code") String code, @PathVariable("year") String year) {
        return publishedLetter(code, year).map(l -> ResponseEntity.ok().contentType(Pages.HTML)
                .header("Content-Security-Policy", Letters.WEB_PAGE_POLICY).body(l.htmlForScreens())).orElseGet(this::notFound);
    }

    private Optional<Letters.Letter> publishedLetter(String code, String year) {
        return publication.published(year).flatMap(y -> publication.letter(code.toUpperCase(Locale.UK), y));
    }

    private static Map<String, Object> base(String title) {
        return Pages.base(title);
    }

    private ResponseEntity<String> page(String name, Map<String, Object> model) {
        return pages.page(name, model);
    }

    private ResponseEntity<String> notFound() {
        return pages.notFound();
    }
}
