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
        KeyStatistic s = statistic.get();
        Explanation explanation = statistics.explain(reportingYear.get(), f.code(), s.measure());
        CouncilRow.Figure figure = CouncilRow.of(f, figures).figure(s);
        CasesCounted.Words words = CasesCounted.words(s);
        String title = s.label();
        String query = "";
        if (provision != null) {   // one provision of the Code: the investigations that failed it, of all investigations
            Optional<org.annualreview.statistics.CodeFindings.Provision> failed = s == KeyStatistic.CODE_FAILURES
                    ? statistics.codeFindings(reportingYear.get()).provision(provision) : Optional.empty();
            if (failed.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            explanation = new Explanation(explanation.year(), explanation.figures(), explanation.measure(),
                    statistics.casesFailing(reportingYear.get(), f.code(), failed.get().code()), explanation.denominator(), Optional.empty());
            figure = provisionFigure(f, figures, failed.get(), explanation);
            words = new CasesCounted.Words(words.all(), "that failed it", "Failed it");
            title = "Complaint Handling Code: " + failed.get().label();
            query = "provision=" + java.net.URLEncoder.encode(failed.get().code(), java.nio.charset.StandardCharsets.UTF_8);
        }
        CaseLists.Of lists = caseLists.of(f.code(), reportingYear.get(), java.util.EnumSet.of(CaseLists.Part.DECISIONS, CaseLists.Part.COMPLIANCE));
        boolean rate = explanation.measure().isRate();
        boolean onlyCounted = rate && show.equals("counted");
        List<CasesCounted.Case> cases = CasesCounted.of(explanation, lists, onlyCounted);

        String address = "/workspace/organisations/" + f.code() + "/counted/" + reportingYear.get() + "/" + s.code();
        String all = address + (query.isEmpty() ? "" : "?" + query);
        String onlyThose = address + "?" + (query.isEmpty() ? "" : query + "&") + "show=counted";
        Pagination pagination = Pagination.of(Pagination.pageAsked(page), cases.size(), CasesCounted.PAGE_SIZE, onlyCounted ? onlyThose : all);

        Map<String, Object> model = WorkspacePages.base(title + ": " + f.name() + ", " + reportingYear.get(), request);
        model.put("few", CouncilRow.FEW);
        model.put("code", f.code());
        model.put("year", reportingYear.get().toString());
        model.put("stat", figure);
        model.put("explanation", provision == null ? s.explanation() : explanation.measure().description() + ": the investigations in which"
                + " we found the organisation had failed this provision, of all its detailed investigations.");
        model.put("similar", figures.averageFor(f.kind(), org.annualreview.statistics.AverageMethod.POOLED).isPresent() ? f.kind().plural() : "");
        model.put("residents", explanation.population().map(p -> String.format(java.util.Locale.UK, "%,d residents (mid-%d estimate)",
                p.residents(), p.midYear())).orElse(""));
        model.put("rate", rate);
        model.put("compliance", CasesCounted.countsCompliance(explanation));
        model.put("all", words.all());
        model.put("countedWords", words.counted());
        model.put("column", words.column());
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
     * One provision of the Code as the figures page shows it ({@link org.annualreview.site.CodeSection}): its share of the
     * detailed investigations, marked on few, and its type's share, with its counts.
     */
    private CouncilRow.Figure provisionFigure(OrganisationFigures f, YearFigures figures, org.annualreview.statistics.CodeFindings.Provision provision,
            Explanation explanation) {
        long cases = explanation.numerator().size();
        long investigated = f.investigated();
        String average = f.kind().hasTypeAverage()
                ? statistics.codeFindings(figures.year()).typeShare(provision.code(), f.kind(), figures).describeOr("none") : "";
        return new CouncilRow.Figure(KeyStatistic.CODE_FAILURES.code(), provision.label(),
                new org.annualreview.shared.Rate(cases, investigated).describeOr(org.annualreview.statistics.Shown.NO_INVESTIGATIONS), cases,
                investigated, cases + " that failed it of " + investigated + " detailed investigations", average, CouncilRow.fewCases(investigated));
    }
}
