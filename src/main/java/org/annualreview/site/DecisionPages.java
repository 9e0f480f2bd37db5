package org.annualreview.site;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.annualreview.decisions.Decision;
import org.annualreview.decisions.Decisions;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.Measure;
import org.annualreview.statistics.Statistics;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A council's decisions of its published years: searched and narrowed, one by one, as CSV, and the ones
 * counted in each of its key statistics.
 */
@RestController
public final class DecisionPages {

    /** The decisions a page lists; the pages after it list the others, and the CSV has them all. */
    static final int PAGE_SIZE = 50;

    /** The figures whose counted records are public decisions and recommendations (enquiries and training are not). */
    static final Set<Measure> TRACEABLE = traceable();

    /** Every key statistic's, and the counts of decisions, reports and improvements beside them (enquiries and training are not published record by record). */
    private static Set<Measure> traceable() {
        Set<Measure> measures = new java.util.HashSet<>(Set.of(Measure.INVESTIGATED, Measure.COMPLAINTS_AND_ENQUIRIES, Measure.PUBLIC_REPORTS,
                Measure.SERVICE_IMPROVEMENTS, Measure.COMPLIANCE_BY_RECOMMENDATION));
        java.util.Arrays.stream(org.annualreview.statistics.KeyStatistic.values()).map(org.annualreview.statistics.KeyStatistic::measure)
                .forEach(measures::add);
        return Set.copyOf(measures);
    }

    private final Publication publication;
    private final Organisations organisations;
    private final Statistics statistics;
    private final Pages pages = new Pages();

    public DecisionPages(Publication publication, Organisations organisations, Statistics statistics) {
        this.publication = publication;
        this.organisations = organisations;
        this.statistics = statistics;
    }

    /** A council's decisions of its published years, found by words and narrowed by year, service area and outcome. */
    @GetMapping("/councils/{code}/decisions")
    public ResponseEntity<String> decisionsOf(@PathVariable("code") String code, @RequestParam(name = "year", defaultValue = "") String year,
            @RequestParam(name = "area", defaultValue = "") String area, @RequestParam(name = "outcome", defaultValue = "") String outcome,
            @RequestParam(name = "q", defaultValue = "") String words, @RequestParam(name = "page", required = false) String page) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return pages.notFound();
        }
        return decisions(organisation, year, area, outcome, words, page);
    }

    /** Every published decision about any council or body, found by words and narrowed as a council's are. */
    @GetMapping("/decisions")
    public ResponseEntity<String> allDecisions(@RequestParam(name = "year", defaultValue = "") String year,
            @RequestParam(name = "area", defaultValue = "") String area, @RequestParam(name = "outcome", defaultValue = "") String outcome,
            @RequestParam(name = "q", defaultValue = "") String words, @RequestParam(name = "page", required = false) String page) {
        return decisions(Optional.empty(), year, area, outcome, words, page);
    }

    /** A page of the decisions found, about one body or every body, with the pages of the others. */
    private ResponseEntity<String> decisions(Optional<Organisation> organisation, String year, String area, String outcome, String words,
            String page) {
        List<ReportingYear> published = publication.publishedYears();
        Decisions.Filter filter = filter(published, year, area, outcome, words);
        Optional<String> code = organisation.map(Organisation::code);
        String address = code.map(c -> "/councils/" + c + "/decisions").orElse("/decisions");
        int asked = Pagination.pageAsked(page);
        Decisions decisions = publication.decisions();
        Decisions.Page found = decisions.page(code, filter, (long) (asked - 1) * PAGE_SIZE, PAGE_SIZE);
        Pagination pagination = Pagination.of(asked, found.found(), PAGE_SIZE, address + query(year, filter));
        if (pagination.page() != asked) {   // beyond the last page: the last
            found = decisions.page(code, filter, pagination.from(), PAGE_SIZE);
        }
        Map<String, Object> model = Pages.base(organisation.map(o -> "Decisions about " + o.name()).orElse("Decisions about councils"));
        Pages.revised(model, publication.publishedReleases().stream().filter(r -> filter.years().contains(r.year())).toList());
        model.put("code", code.orElse(""));
        model.put("name", organisation.map(Organisation::name).orElse(""));
        model.put("action", address);
        model.put("years", published.stream().map(ReportingYear::toString).toList());
        model.put("year", year);
        model.put("areas", Arrays.stream(ServiceArea.values()).map(a -> Map.of("value", a.code(), "label", a.label())).toList());
        model.put("area", filter.area().map(ServiceArea::code).orElse(""));
        model.put("outcomes", Arrays.stream(Outcome.values()).map(o -> Map.of("value", o.code(), "label", o.label())).toList());
        model.put("outcome", filter.outcome().map(Outcome::code).orElse(""));
        model.put("q", filter.words());
        Map<String, String> names = new java.util.HashMap<>();
        if (organisation.isEmpty()) {
            organisations.all().forEach(o -> names.put(o.code(), o.name()));
        }
        model.put("decisions", found.decisions().stream().map(d -> Map.of("reference", d.caseReference(), "decided", org.annualreview.shared.Dates.inWords(d.decidedOn()),
                "area", d.serviceArea().label(), "outcome", d.outcome().label(), "council", names.getOrDefault(d.organisationCode(), ""),
                "councilCode", d.organisationCode())).toList());
        model.put("found", found.found());
        model.put("pagination", pagination.model());
        model.put("csv", code.map(c -> "/councils/" + c + "/decisions.csv" + query(year, filter)).orElse(""));
        return pages.page("decisions", model);
    }

    /** The same decisions as the page, every one of them, as CSV. */
    @GetMapping("/councils/{code}/decisions.csv")
    public ResponseEntity<byte[]> decisionsCsv(@PathVariable("code") String code, @RequestParam(name = "year", defaultValue = "") String year,
            @RequestParam(name = "area", defaultValue = "") String area, @RequestParam(name = "outcome", defaultValue = "") String outcome,
            @RequestParam(name = "q", defaultValue = "") String words) {
        Optional<Organisation> organisation = organisations.byCode(code);
        if (organisation.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        List<ReportingYear> published = publication.publishedYears();
        StringWriter text = new StringWriter();
        try (OpenDataCsv.DecisionRows rows = OpenDataCsv.decisions(text, published)) {
            publication.decisions().of(organisation.get().code(), filter(published, year, area, outcome, words), Integer.MAX_VALUE)
                    .forEach(d -> rows.add(d, organisation.get().name()));
        }
        return OpenDataCsv.response(text, "decisions-" + organisation.get().code() + ".csv");
    }

    /** One decision, once its year is published; its public report once the report's own year is. */
    @GetMapping("/decisions/{reference}")
    public ResponseEntity<String> decision(@PathVariable("reference") String reference) {
        Set<ReportingYear> published = Set.copyOf(publication.publishedYears());
        Optional<Decision> found = publication.decisions().find(reference).filter(d -> published.contains(d.year()));
        if (found.isEmpty()) {
            return pages.notFound();
        }
        Decision d = found.get().withPublicReportOnlyIn(published);
        Map<String, Object> model = Pages.base("Decision " + d.caseReference());
        publication.release(d.year()).ifPresent(r -> Pages.revised(model, List.of(r)));
        model.put("reference", d.caseReference());
        model.put("council", organisations.byCode(d.organisationCode()).map(Organisation::name).orElse(d.organisationCode()));
        model.put("code", d.organisationCode());
        model.put("area", d.serviceArea().label());
        model.put("received", d.receivedOn().toString());
        model.put("decided", d.decidedOn().toString());
        model.put("year", d.year().toString());
        model.put("outcome", d.outcome().label());
        model.put("remedy", d.satisfactoryRemedy());
        model.put("report", d.publicReportTitle().orElse(""));
        model.put("recommendations", d.recommendations());
        model.put("improvements", d.serviceImprovements());
        return pages.page("decision", model);
    }

    /**
     * What one of a council's published figures counted: the decisions (or recommendations) of its numerator and
     * denominator, found by the same conditions as the figure itself ({@link Statistics#explain}).
     */
    @GetMapping("/councils/{code}/counted/{year}/{measure}")
    public ResponseEntity<String> counted(@PathVariable("code") String code, @PathVariable("year") String year,
            @PathVariable("measure") String measure, @RequestParam(name = "provision", required = false) String provision) {
        Optional<Organisation> organisation = organisations.byCode(code);
        Optional<org.annualreview.publication.Release> release = ReportingYear.find(year).flatMap(publication::release);
        Optional<Measure> figure = Measure.byCode(measure).filter(TRACEABLE::contains);
        if (organisation.isEmpty() || release.isEmpty() || figure.isEmpty()
                || publication.figures(release.get()).of(organisation.get().code()).isEmpty()) {
            return pages.notFound();
        }
        Explanation explanation = statistics.explainReleased(publication.figures(release.get()), release.get().id(), organisation.get().code(),
                figure.get());
        String described = explanation.measure().description();
        if (provision != null) {   // one provision of the Code: the investigations that failed it, of all investigations
            Optional<org.annualreview.statistics.CodeFindings.Provision> failed = figure.get() == Measure.CODE_FAILURES
                    ? publication.codeFindings(release.get()).provision(provision) : Optional.empty();
            if (failed.isEmpty()) {
                return pages.notFound();
            }
            described = "Complaint Handling Code: " + failed.get().label() + ", of detailed investigations";
            explanation = new Explanation(explanation.year(), explanation.figures(), explanation.measure(),
                    publication.releases().casesFailing(release.get(), organisation.get().code(), provision), explanation.denominator(),
                    Optional.empty());
        }
        Map<String, Object> model = Pages.base(described + ": " + organisation.get().name() + ", " + release.get().year());
        Pages.revised(model, List.of(release.get()));
        model.put("code", organisation.get().code());
        model.put("name", organisation.get().name());
        model.put("rate", figure.get().isRate());
        model.put("numerator", items(explanation.numerator()));
        model.put("denominator", items(explanation.denominator()));
        model.put("residents", explanation.population().map(p -> String.format(java.util.Locale.UK, "%,d residents (mid-%d estimate)",
                p.residents(), p.midYear())).orElse(""));
        return pages.page("counted", model);
    }

    /** An item counted ("24 001 234", or "24 001 234 #2" for a recommendation), with the page of its decision. */
    private static List<Map<String, String>> items(List<String> items) {
        return items.stream().map(item -> {
            int number = item.indexOf(" #");
            String reference = number < 0 ? item : item.substring(0, number);
            return Map.of("item", number < 0 ? item : reference + ", recommendation " + item.substring(number + 2), "reference", reference);
        }).toList();
    }

    private static Decisions.Filter filter(List<ReportingYear> published, String year, String area, String outcome, String words) {
        Set<ReportingYear> years = year.isEmpty() ? Set.copyOf(published)
                : ReportingYear.find(year).filter(published::contains).map(Set::of).orElse(Set.of());
        return new Decisions.Filter(years, Set.copyOf(published), Term.find(ServiceArea.class, area), Term.find(Outcome.class, outcome), words);
    }

    /** The narrowing of a decisions page as a query string, for its CSV link. */
    private static String query(String year, Decisions.Filter filter) {
        StringBuilder query = new StringBuilder();
        java.util.function.BiConsumer<String, String> add = (name, value) -> {
            if (!value.isEmpty()) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
        add.accept("year", year);
        add.accept("area", filter.area().map(ServiceArea::code).orElse(""));
        add.accept("outcome", filter.outcome().map(Outcome::code).orElse(""));
        add.accept("q", filter.words());
        return query.toString();
    }
}
