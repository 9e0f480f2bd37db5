package org.annualreview.workspace;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Role;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Statistics;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Letters and figures in the workspace, published or not: staff see every organisation's, a council user only
 * its own. Whatever code, year or address a council user tries for another organisation, the answer is the same
 * "not found" as for one that does not exist.
 */
@RestController
public final class LettersWorkspace {

    private final Accounts accounts;
    private final Organisations organisations;
    private final Letters letters;
    private final Statistics statistics;
    private final org.annualreview.distribution.Distribution distribution;
    private final org.annualreview.publication.Releases releases;
    private final WorkspacePages pages = new WorkspacePages();

    public LettersWorkspace(Accounts accounts, Organisations organisations, Letters letters, Statistics statistics,
            org.annualreview.distribution.Distribution distribution, org.annualreview.publication.Releases releases) {
        this.releases = releases;
        this.distribution = distribution;
        this.accounts = accounts;
        this.organisations = organisations;
        this.letters = letters;
        this.statistics = statistics;
    }

    /** A council user's own letters of every year; staff choose a year and see every organisation's. */
    @GetMapping("/workspace/letters")
    public ResponseEntity<String> list(HttpServletRequest request, Principal principal,
            @RequestParam(name = "year", defaultValue = "") String year) {
        Account account = accounts.find(principal.getName()).orElseThrow();
        Map<String, Object> model = WorkspacePages.base("Annual Review letters", request);
        if (account.role() == Role.COUNCIL) {
            String code = account.organisationCode().orElseThrow();
            model.put("council", organisations.byCode(code).map(Organisation::name).orElse(code));
            model.put("letters", letters.yearsWithLetters(code).stream().map(y -> withStatus(entry(code, y), code, y)).toList());
            model.put("year", "");
            model.put("years", List.of());
        } else {
            List<String> years = statistics.yearsWithDecisions().stream().sorted(java.util.Comparator.reverseOrder())
                    .map(ReportingYear::toString).toList();
            String shown = year.isEmpty() && !years.isEmpty() ? years.get(0) : year;
            model.put("council", "");
            model.put("year", shown);
            model.put("years", years);
            model.put("letters", ReportingYear.find(shown).map(y -> letters.organisationsWithLetters(y).stream().map(code -> entry(code, y)).toList())
                    .orElse(List.of()));
        }
        return pages.page("letters", model);
    }

    private static final java.time.format.DateTimeFormatter DAY = org.annualreview.shared.Dates.IN_WORDS;
    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    /**
     * Where a council's letter of a year stands, as its own users see it: written (which version, when), approved or
     * awaiting approval, sent (to whom, when), and when the year is, or was, made public (or withdrawn, and why).
     */
    private Map<String, String> withStatus(Map<String, String> entry, String code, ReportingYear year) {
        Map<String, String> row = new java.util.LinkedHashMap<>(entry);
        Optional<Letters.Review> review = letters.review(code, year);
        row.put("written", review.map(r -> "Version " + r.version() + ", written " + DAY.format(r.writtenAt().atZone(UK))).orElse(""));
        row.put("approval", review.map(r -> r.approvedAt().map(at -> "Approved " + DAY.format(at.atZone(UK))).orElse("Awaiting approval"))
                .orElse(""));
        row.put("sent", distribution.sent(code, year).map(s -> "Sent " + DAY.format(s.at().atZone(UK)) + " (version " + s.version() + ") to "
                + String.join(", ", s.recipients())).orElse("Not sent yet"));
        Optional<Letters.Withdrawal> withdrawal = letters.withdrawal(year);
        boolean released = releases.latest(year).isPresent();
        row.put("publication", withdrawal.map(w -> "Withdrawn from the public site " + DAY.format(w.at().atZone(UK)) + ": " + w.reason())
                .orElseGet(() -> letters.publicationDate(year).map(day -> !released ? "Not published yet (planned for " + DAY.format(day) + ")"
                        : (letters.publicationDayCame(year) ? "Public since " : "Public from ") + DAY.format(day)).orElse("No publication date yet")));
        row.put("revisions", String.join("; ", releases.of(year).stream().filter(org.annualreview.publication.Release::isRevision)
                .map(org.annualreview.publication.Release::revisedLabel).toList()));
        return row;
    }

    private Map<String, String> entry(String code, ReportingYear year) {
        return Map.of("code", code, "year", year.toString(), "name", organisations.byCode(code).map(Organisation::name).orElse(code));
    }

    @GetMapping("/workspace/organisations/{code}/letters/{year}.pdf")
    public ResponseEntity<byte[]> pdf(Principal principal, @PathVariable("code") String code, @PathVariable("year") String year) {
        return letter(principal, code, year).map(l -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + l.organisationCode() + "-" + l.year() + ".pdf\"").body(l.pdf()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    /** The letter as a web page, with its own inline styles allowed and nothing else. */
    @GetMapping("/workspace/organisations/{code}/letters/{year}.html")
    public ResponseEntity<String> html(Principal principal, @PathVariable("code") String code, @PathVariable("year") String year) {
        return letter(principal, code, year).map(l -> ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", Letters.WEB_PAGE_POLICY)
                .body(l.htmlForScreens()))
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * One organisation's key statistics of a year, as its letter will give them, before publication too: each against the
     * average for its type and marked where it rests on few cases, as the public council page shows them (the same
     * {@link org.annualreview.site.CouncilRow}), but from the working records; each linked to the cases it counts.
     */
    @GetMapping("/workspace/organisations/{code}/figures/{year}")
    public ResponseEntity<String> figures(HttpServletRequest request, Principal principal, @PathVariable("code") String code,
            @PathVariable("year") String year) {
        Optional<OrganisationFigures> found = allowed(principal, code)
                .flatMap(c -> ReportingYear.find(year).flatMap(y -> statistics.yearsWithDecisions().contains(y) ? statistics.figures(y).of(c) : Optional.empty()));
        if (found.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);   // the workspace's page not found
        }
        OrganisationFigures f = found.get();
        org.annualreview.statistics.YearFigures figures = statistics.figures(ReportingYear.parse(year));
        Map<String, Object> model = WorkspacePages.base(f.name() + ": key statistics " + year, request);
        model.put("averages", figures.averageFor(f.kind(), org.annualreview.statistics.AverageMethod.POOLED).isPresent());
        model.put("similar", f.kind().hasTypeAverage() ? f.kind().plural() : "");
        model.put("row", org.annualreview.site.CouncilRow.of(f, figures));
        model.put("few", org.annualreview.site.CouncilRow.FEW);
        model.put("code", f.code());
        model.put("year", year);
        model.put("decisions", f.complaintsAndEnquiries());
        model.put("complianceCases", f.compliedOnTime() + f.compliedLate() + f.notComplied() + f.compliancePending());
        model.put("codeSection", org.annualreview.site.CodeSection.appliesTo(figures)
                ? org.annualreview.site.CodeSection.of(statistics.codeFindings(figures.year()), f, figures) : Map.of());
        return pages.page("figures", model);
    }

    private Optional<Letters.Letter> letter(Principal principal, String code, String year) {
        return allowed(principal, code).flatMap(c -> ReportingYear.find(year).flatMap(y -> letters.latestByCode(c, y)));
    }

    /** The organisation's code, if the signed-in account may see it: staff any, a council user only its own. */
    private Optional<String> allowed(Principal principal, String code) {
        return SignedIn.organisation(accounts, principal, code);
    }
}
