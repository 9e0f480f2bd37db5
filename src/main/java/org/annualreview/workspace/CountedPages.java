package org.annualreview.workspace;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Role;
import org.annualreview.shared.ReportingYear;
import org.annualreview.site.CouncilRow;
import org.annualreview.site.Pagination;
import org.annualreview.statistics.CaseLists;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The cases behind one of an organisation's key statistics of a year, from the working records (before publication too),
 * as the public site's "records counted" pages list a published year's: the figure with its type's average, then its
 * cases, 50 a page. Staff see any organisation's, a council user only its own: anything else is "not found".
 */
@RestController
public final class CountedPages {

    private final Accounts accounts;
    private final Statistics statistics;
    private final CaseLists caseLists;
    private final WorkspacePages pages = new WorkspacePages();

    public CountedPages(Accounts accounts, Statistics statistics, CaseLists caseLists) {
        this.accounts = accounts;
        this.statistics = statistics;
        this.caseLists = caseLists;
    }

    /** {@code ?show=counted}: only the cases the figure counts, not every case it is out of. */
    @GetMapping("/workspace/organisations/{code}/counted/{year}/{statistic}")
    public ResponseEntity<String> counted(HttpServletRequest request, Principal principal, @PathVariable("code") String code,
            @PathVariable("year") String year, @PathVariable("statistic") String statisticCode,
            @RequestParam(name = "show", defaultValue = "") String show, @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "provision", required = false) String provision) {
        Optional<ReportingYear> reportingYear = ReportingYear.find(year).filter(statistics.yearsWithDecisions()::contains);
        Optional<KeyStatistic> statistic = KeyStatistic.byCode(statisticCode).filter(s -> reportingYear.map(s::appliesTo).orElse(false));
        Optional<String> allowed = SignedIn.organisation(accounts, principal, code);
        if (reportingYear.isEmpty() || statistic.isEmpty() || allowed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);   // the workspace's page not found
        }
        YearFigures figures = statistics.figures(reportingYear.get());
        OrganisationFigures f = figures.of(allowed.get()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Traced shown = provision == null ? whole(f, figures, statistic.get())
                : ofProvision(f, figures, statistic.get(), provision).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Explanation explanation = shown.explanation();
        KeyStatistic s = statistic.get();
        CaseLists.Of lists = caseLists.of(f.code(), reportingYear.get(), java.util.EnumSet.of(CaseLists.Part.DECISIONS, CaseLists.Part.COMPLIANCE));
        boolean rate = explanation.measure().isRate();
        boolean onlyCounted = rate && show.equals("counted");
        List<CasesCounted.Case> cases = CasesCounted.of(explanation, lists, onlyCounted);

        String address = "/workspace/organisations/" + f.code() + "/counted/" + reportingYear.get() + "/" + s.code();
        String all = address + (shown.query().isEmpty() ? "" : "?" + shown.query());
        String onlyThose = address + "?" + (shown.query().isEmpty() ? "" : shown.query() + "&") + "show=counted";
        Pagination pagination = Pagination.of(Pagination.pageAsked(page), cases.size(), CasesCounted.PAGE_SIZE, onlyCounted ? onlyThose : all);

        Map<String, Object> model = WorkspacePages.base(shown.title() + ": " + f.name() + ", " + reportingYear.get(), request);
        model.put("few", CouncilRow.FEW);
        model.put("code", f.code());
        model.put("year", reportingYear.get().toString());
        model.put("stat", shown.figure());
        model.put("explanation", shown.about());
        model.put("similar", figures.averageFor(f.kind(), org.annualreview.statistics.AverageMethod.POOLED).isPresent() ? f.kind().plural() : "");
        model.put("residents", explanation.population().map(p -> String.format(java.util.Locale.UK, "%,d residents (mid-%d estimate)",
                p.residents(), p.midYear())).orElse(""));
        model.put("rate", rate);
        model.put("compliance", CasesCounted.countsCompliance(explanation));
        model.put("all", shown.words().all());
        model.put("countedWords", shown.words().counted());
        model.put("column", shown.words().column());
        model.put("allCount", rate ? explanation.denominator().size() : explanation.numerator().size());
        model.put("countedCount", explanation.numerator().size());
        model.put("onlyCounted", onlyCounted);
        model.put("allHref", all);
        model.put("countedHref", onlyThose);
        model.put("found", cases.size());
        model.put("records", SignedIn.role(accounts, principal) != Role.COUNCIL);   // staff open each decision's record
        model.put("cases", cases.stream().skip(pagination.from()).limit(CasesCounted.PAGE_SIZE).map(CasesCounted.Case::model).toList());
        model.put("pagination", pagination.model());
        return pages.page("counted", model);
    }

    /**
     * The figure a page lists the cases of: its title, what it is, the records its explanation names, the figure as the
     * figures page shows it, the words for its cases, and the query that names it beside the statistic (a provision).
     */
    private record Traced(String title, String about, Explanation explanation, CouncilRow.Figure figure, CasesCounted.Words words,
            String query) {
    }

    /** A key statistic, as the figures page shows it, with the records it counts ({@code stats --explain}). */
    private Traced whole(OrganisationFigures f, YearFigures figures, KeyStatistic s) {
        return new Traced(s.label(), s.explanation(), statistics.explain(figures.year(), f.code(), s.measure()), CouncilRow.of(f, figures).figure(s),
                CasesCounted.words(s), "");
    }

    /**
     * One provision of the Complaint Handling Code, as the figures page shows it ({@link org.annualreview.site.CodeSection}):
     * the detailed investigations that failed it, of all the organisation's, marked on few, against its type's share.
     * Empty for a provision not recorded, or a statistic other than the Code's.
     */
    private Optional<Traced> ofProvision(OrganisationFigures f, YearFigures figures, KeyStatistic s, String provision) {
        org.annualreview.statistics.CodeFindings findings = statistics.codeFindings(figures.year());
        Optional<org.annualreview.statistics.CodeFindings.Provision> failed = s == KeyStatistic.CODE_FAILURES ? findings.provision(provision)
                : Optional.empty();
        return failed.map(p -> {
            Explanation investigations = statistics.explain(figures.year(), f.code(), s.measure());
            List<String> failing = statistics.casesFailing(figures.year(), f.code(), p.code());
            long investigated = investigations.denominator().size();
            CouncilRow.Figure figure = new CouncilRow.Figure(s.code(), p.label(),
                    new org.annualreview.shared.Rate(failing.size(), investigated).describeOr(org.annualreview.statistics.Shown.NO_INVESTIGATIONS),
                    failing.size(), investigated, failing.size() + " that failed it of " + investigated + " detailed investigations",
                    f.kind().hasTypeAverage() ? findings.typeShare(p.code(), f.kind(), figures).describeOr("none") : "",
                    CouncilRow.fewCases(investigated));
            return new Traced("Complaint Handling Code: " + p.label(), p.description() + " The detailed investigations in which we found"
                    + " the organisation had not followed this provision of the Code, of all its detailed investigations.",
                    new Explanation(investigations.year(), investigations.figures(), investigations.measure(), failing, investigations.denominator(),
                            Optional.empty()), figure, new CasesCounted.Words(CasesCounted.words(s).all(), "that failed it", "Failed it"),
                    "provision=" + java.net.URLEncoder.encode(p.code(), java.nio.charset.StandardCharsets.UTF_8));
        });
    }
}
