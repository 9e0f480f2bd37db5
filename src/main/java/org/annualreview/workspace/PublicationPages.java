package org.annualreview.workspace;

import java.security.Principal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Accounts;
import org.annualreview.audit.AuditLog;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.publication.Readiness;
import org.annualreview.publication.Release;
import org.annualreview.publication.Releases;
import org.annualreview.shared.ReportingYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The day a year becomes public, set by an administrator: kept where it always was, in the year's letter template
 * (a new version with its {@code publication-date:} line written anew), and audited before and after.
 */
@RestController
public final class PublicationPages {

    static final DateTimeFormatter SHOWN = org.annualreview.shared.Dates.IN_WORDS;
    private static final DateTimeFormatter WITH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Letters letters;
    private final Releases releases;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Accounts accounts;
    private final WorkspacePages pages = new WorkspacePages();

    public PublicationPages(Letters letters, Releases releases, Organisations organisations, AuditLog audit, Accounts accounts) {
        this.letters = letters;
        this.releases = releases;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The three fields of the date input as typed, given back as they were. */
    record DateTyped(String day, String month, String year) {
    }

    @GetMapping("/workspace/years/{year}/publication")
    public ResponseEntity<String> show(HttpServletRequest request, @PathVariable("year") String year,
            @RequestParam(name = "done", defaultValue = "") String done) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        DateTyped typed = letters.publicationDate(chosen.get())
                .map(d -> new DateTyped(String.valueOf(d.getDayOfMonth()), String.valueOf(d.getMonthValue()), String.valueOf(d.getYear())))
                .orElse(new DateTyped("", "", ""));
        return page(request, chosen.get(), typed, "", List.of(), done, HttpStatus.OK);
    }

    @PostMapping("/workspace/years/{year}/publication")
    public ResponseEntity<String> set(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "publication-day", defaultValue = "") String day,
            @RequestParam(name = "publication-month", defaultValue = "") String month,
            @RequestParam(name = "publication-year", defaultValue = "") String yearTyped) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        DateTyped typed = new DateTyped(day.strip(), month.strip(), yearTyped.strip());
        if (letters.templateSource(chosen.get()).isEmpty()) {
            return page(request, chosen.get(), typed, "", List.of(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        List<String> missing = new ArrayList<>();
        if (typed.day().isEmpty()) {
            missing.add("day");
        }
        if (typed.month().isEmpty()) {
            missing.add("month");
        }
        if (typed.year().isEmpty()) {
            missing.add("year");
        }
        if (missing.size() == 3) {
            return refused(request, chosen.get(), typed, "Enter the publication date", List.of("day", "month", "year"));
        }
        if (!missing.isEmpty()) {
            return refused(request, chosen.get(), typed, "Publication date must include a " + String.join(" and ", missing), missing);
        }
        Optional<LocalDate> date = date(typed);
        if (date.isEmpty()) {
            return refused(request, chosen.get(), typed, "Publication date must be a real date", List.of("day", "month", "year"));
        }
        Letters.TemplateLoaded loaded;
        try {
            loaded = audit.inTransaction(() -> {
                Letters.TemplateLoaded kept = letters.setPublicationDate(chosen.get(), date.get(), SignedIn.actor(accounts, principal));
                kept.publicationDate().ifPresent(moved -> audit.record(principal.getName(), "set-publication-date",
                        "publication date of " + chosen.get(), moved.beforeInWords(), Optional.of(moved.afterInWords())));
                return kept;
            });
        } catch (Letters.PublicationBeforeLetters early) {
            return refused(request, chosen.get(), typed, "Publication date must be the same as or after " + early.letterDate().format(SHOWN)
                    + ", the date of the letters", List.of("day", "month", "year"));
        } catch (Letters.AlreadyPublished published) {
            return page(request, chosen.get(), typed, published.getMessage(), List.of("day", "month", "year"), "", HttpStatus.CONFLICT);
        }
        return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/publication?done=" + (loaded.changed() ? "set" : "unchanged"));
    }

    /**
     * "Publish 2023-24?": what publishing freezes, and when it goes public; or what still holds it back. Publishing
     * asks for this confirmation because it touches every council of the year.
     */
    @GetMapping("/workspace/years/{year}/publication/publish")
    public ResponseEntity<String> confirmPublishing(HttpServletRequest request, @PathVariable("year") String year) {
        return ReportingYear.find(year).map(y -> releasePage(request, y, "publish", "", "", HttpStatus.OK))
                .orElseGet(() -> pages.notFound(request));
    }

    /** Publishes the year once confirmed: release 1 frozen, public from the publication day; audited as publish-year. */
    @PostMapping("/workspace/years/{year}/publication/publish")
    public ResponseEntity<String> publish(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        if (!confirmed.equals("yes")) {
            return releasePage(request, chosen.get(), "publish", "", "Confirm that you want to publish " + year, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return released(request, principal, chosen.get(), "publish", "", () -> releases.publish(chosen.get(), SignedIn.actor(accounts, principal)),
                release -> ", public from " + letters.publicationDate(chosen.get()).map(SHOWN::format).orElse(""));
    }

    /**
     * Makes a release (publishing or revising) in one transaction with its audit entry ("publish-year", "revise-year"),
     * then shows the year's publication page; refused, the confirmation page again with the reason.
     */
    private ResponseEntity<String> released(HttpServletRequest request, Principal principal, ReportingYear year, String act, String reason,
            java.util.function.Supplier<Release> make, java.util.function.Function<Release, String> said) {
        try {
            audit.inTransaction(() -> {
                Release release = make.get();
                audit.record(principal.getName(), act.equals("publish") ? "publish-year" : "revise-year", "publication of " + year,
                        Optional.empty(), Optional.of("release " + release.number() + said.apply(release)));
                return release;
            });
        } catch (Releases.Refused refused) {
            return releasePage(request, year, act, reason, refused.getMessage(), HttpStatus.CONFLICT);
        }
        return WorkspacePages.seeOther("/workspace/years/" + year + "/publication?done=" + (act.equals("publish") ? "published" : "revised"));
    }

    /** "Issue a revision of 2023-24?": what differs from the release the public sees, and a box for the reason. */
    @GetMapping("/workspace/years/{year}/publication/revise")
    public ResponseEntity<String> confirmRevising(HttpServletRequest request, @PathVariable("year") String year) {
        return ReportingYear.find(year).map(y -> releasePage(request, y, "revise", "", "", HttpStatus.OK))
                .orElseGet(() -> pages.notFound(request));
    }

    /** Issues the revision with its reason: the next release, shown at once on every public page of the year; audited. */
    @PostMapping("/workspace/years/{year}/publication/revise")
    public ResponseEntity<String> revise(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "reason", defaultValue = "") String reason) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        if (reason.isBlank()) {
            return releasePage(request, chosen.get(), "revise", reason, "Enter the reason for the revision", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (reason.length() > 2000) {
            return releasePage(request, chosen.get(), "revise", reason, "The reason must be 2,000 characters or fewer", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return released(request, principal, chosen.get(), "revise", reason, () -> releases.revise(chosen.get(), reason,
                SignedIn.actor(accounts, principal)), release -> ": " + release.reason().orElse(""));
    }

    /** Records that a council may be published without an approved and sent letter, with the reason; audited. */
    @PostMapping("/workspace/years/{year}/publication/exceptions")
    public ResponseEntity<String> recordException(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "reason", defaultValue = "") String reason) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        Optional<Organisation> council = organisations.byCode(organisation.strip());
        if (council.isEmpty() || !releases.councilsOf(chosen.get()).contains(council.get().code())) {
            return exceptionRefused(request, chosen.get(), "Choose a council sent a letter for " + year);
        }
        if (reason.isBlank() || reason.length() > 2000) {
            return exceptionRefused(request, chosen.get(), "Enter the reason " + council.get().name() + " is published without a sent letter"
                    + " (2,000 characters or fewer)");
        }
        try {
            audit.inTransaction(() -> {
                Optional<String> before = Optional.ofNullable(releases.exceptions(chosen.get()).get(council.get().code()));
                releases.recordException(chosen.get(), council.get(), reason, SignedIn.actor(accounts, principal));
                audit.record(principal.getName(), "record-publication-exception", council.get().name() + " in " + chosen.get(), before,
                        Optional.of(reason.strip()));
                return null;
            });
        } catch (Releases.Refused refused) {
            return exceptionRefused(request, chosen.get(), refused.getMessage());
        }
        return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/publication?done=exception");
    }

    /** Removes a council's exception; audited. */
    @PostMapping("/workspace/years/{year}/publication/exceptions/remove")
    public ResponseEntity<String> removeException(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "organisation", defaultValue = "") String organisation) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        audit.inTransaction(() -> {
            Optional<String> before = Optional.ofNullable(releases.exceptions(chosen.get()).get(organisation.strip()));
            if (releases.removeException(chosen.get(), organisation.strip(), SignedIn.actor(accounts, principal))) {
                audit.record(principal.getName(), "remove-publication-exception", organisation.strip() + " in " + chosen.get(), before,
                        Optional.empty());
            }
            return null;
        });
        return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/publication?done=exception-removed");
    }

    private ResponseEntity<String> exceptionRefused(HttpServletRequest request, ReportingYear year, String problem) {
        DateTyped typed = letters.publicationDate(year)
                .map(d -> new DateTyped(String.valueOf(d.getDayOfMonth()), String.valueOf(d.getMonthValue()), String.valueOf(d.getYear())))
                .orElse(new DateTyped("", "", ""));
        Map<String, Object> model = model(request, year, typed, "", List.of(), "");
        model.put("exceptionProblem", problem);
        return pages.status(HttpStatus.UNPROCESSABLE_CONTENT).page("publication", model);
    }

    /** The confirmation page of publishing or revising: what it freezes, what holds it back, what differs. */
    private ResponseEntity<String> releasePage(HttpServletRequest request, ReportingYear year, String act, String reason, String problem,
            HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base((act.equals("publish") ? "Publish " : "Issue a revision of ") + year + "?", request);
        model.put("year", year.toString());
        model.put("act", act);
        model.put("reason", reason);
        model.put("problem", problem);
        Readiness readiness = releases.readiness(year);
        model.put("councils", readiness.councils());
        model.put("missing", readiness.missing());
        model.put("exceptions", readiness.exceptions().size());
        model.put("date", letters.publicationDate(year).map(WITH_DAY::format).orElse(""));
        Optional<Release> latest = releases.latest(year);
        model.put("released", latest.isPresent());
        model.put("releaseNumber", latest.map(Release::number).orElse(0));
        model.put("withdrawn", letters.withdrawal(year).isPresent());
        model.put("differing", latest.isPresent() ? releases.differingFromRelease(year) : List.of());
        return pages.status(status).page("release-confirm", model);
    }

    /** "Withdraw 2023-24 from the public site?": for a published year, with a box for the reason the public will read. */
    @GetMapping("/workspace/years/{year}/publication/withdraw")
    public ResponseEntity<String> confirmWithdrawing(HttpServletRequest request, @PathVariable("year") String year) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        return withdrawPage(request, chosen.get(), "", "", HttpStatus.OK);
    }

    /** Withdraws the published year, with the reason given, once confirmed; audited. */
    @PostMapping("/workspace/years/{year}/publication/withdraw")
    public ResponseEntity<String> withdraw(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "reason", defaultValue = "") String reason) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        if (reason.isBlank()) {
            return withdrawPage(request, chosen.get(), reason, "Enter the reason the year is withdrawn", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (reason.length() > 2000) {
            return withdrawPage(request, chosen.get(), reason, "The reason must be 2,000 characters or fewer", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            audit.inTransaction(() -> {
                Letters.Withdrawal withdrawal = letters.withdraw(chosen.get(), reason, SignedIn.actor(accounts, principal));
                audit.record(principal.getName(), "withdraw-year", "publication of " + chosen.get(), Optional.empty(),
                        Optional.of("withdrawn: " + withdrawal.reason()));
                return withdrawal;
            });
        } catch (Letters.NotWithdrawable not) {
            return withdrawPage(request, chosen.get(), reason, not.getMessage(), HttpStatus.CONFLICT);
        }
        return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/publication?done=withdrawn");
    }

    private ResponseEntity<String> withdrawPage(HttpServletRequest request, ReportingYear year, String reason, String problem, HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base("Withdraw " + year + " from the public site?", request);
        model.put("year", year.toString());
        model.put("reason", reason);
        model.put("problem", problem);
        model.put("published", letters.publicationDayCame(year));
        model.put("withdrawn", letters.withdrawal(year).isPresent());
        return pages.status(status).page("withdraw-confirm", model);
    }

    /**
     * The date typed, if it is one: a day and a year in numbers, a month in numbers or as its name (July, Jul), a
     * year of four figures.
     */
    static Optional<LocalDate> date(DateTyped typed) {
        try {
            if (!typed.day().matches("\\d{1,2}") || !typed.year().matches("\\d{4}")) {
                return Optional.empty();
            }
            Optional<Integer> month = month(typed.month());
            return month.map(m -> LocalDate.of(Integer.parseInt(typed.year()), m, Integer.parseInt(typed.day())));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> month(String typed) {
        if (typed.matches("\\d{1,2}")) {
            int month = Integer.parseInt(typed);
            return month >= 1 && month <= 12 ? Optional.of(month) : Optional.empty();
        }
        String word = typed.toLowerCase(Locale.UK);
        for (Month m : Month.values()) {
            String name = m.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK);
            if (word.length() >= 3 && name.startsWith(word)) {
                return Optional.of(m.getValue());
            }
        }
        return Optional.empty();
    }

    private ResponseEntity<String> refused(HttpServletRequest request, ReportingYear year, DateTyped typed, String problem,
            List<String> fields) {
        return page(request, year, typed, problem, fields, "", HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ResponseEntity<String> page(HttpServletRequest request, ReportingYear year, DateTyped typed, String problem,
            List<String> fields, String done, HttpStatus status) {
        return pages.status(status).page("publication", model(request, year, typed, problem, fields, done));
    }

    /** The year's lifecycle: its date, what holds publication back, its releases, whether it was withdrawn. */
    private Map<String, Object> model(HttpServletRequest request, ReportingYear year, DateTyped typed, String problem, List<String> fields,
            String done) {
        Map<String, Object> model = WorkspacePages.base("Publication of " + year, request);
        Optional<LocalDate> current = letters.publicationDate(year);
        model.put("year", year.toString());
        model.put("hasTemplate", letters.templateSource(year).isPresent());
        model.put("hasDate", current.isPresent());
        model.put("current", current.map(WITH_DAY::format).orElse(""));
        model.put("letterDate", letters.letterDate(year).map(SHOWN::format).orElse(""));
        model.put("day", typed.day());
        model.put("month", typed.month());
        model.put("yearTyped", typed.year());
        model.put("problem", problem);
        model.put("exceptionProblem", "");
        model.put("errorFields", fields);
        model.put("firstErrorField", fields.isEmpty() ? "day" : fields.get(0));
        model.put("done", done);
        model.put("published", letters.publicationDayCame(year) && releases.latest(year).isPresent());
        Optional<Letters.Withdrawal> withdrawal = letters.withdrawal(year);
        model.put("withdrawn", withdrawal.isPresent());
        model.put("withdrawnOn", withdrawal.map(w -> SHOWN.format(w.at().atZone(java.time.ZoneId.of("Europe/London")))).orElse(""));
        model.put("withdrawnBy", withdrawal.map(Letters.Withdrawal::by).orElse(""));
        model.put("withdrawnBecause", withdrawal.map(Letters.Withdrawal::reason).orElse(""));
        Readiness readiness = releases.readiness(year);
        model.put("councils", readiness.councils());
        model.put("missing", readiness.missing());
        Map<String, String> names = new java.util.HashMap<>();
        organisations.all().forEach(o -> names.put(o.code(), o.name()));
        model.put("exceptions", releases.exceptions(year).entrySet().stream().map(e -> Map.of("code", e.getKey(),
                "name", names.getOrDefault(e.getKey(), e.getKey()), "reason", e.getValue())).toList());
        model.put("exceptionChoices", releases.councilsOf(year).stream().map(code -> Map.of("code", code, "name", names.getOrDefault(code, code)))
                .sorted(java.util.Comparator.comparing(m -> m.get("name"))).toList());
        List<Release> all = releases.of(year);
        model.put("releases", all.stream().map(r -> Map.of("number", r.number(), "kind", r.isRevision() ? "Revision" : "Publication",
                "on", r.madeOn(), "by", r.madeBy(), "reason", r.reason().orElse(""))).toList());
        model.put("differing", all.isEmpty() ? List.of() : releases.differingFromRelease(year));
        return model;
    }
}
