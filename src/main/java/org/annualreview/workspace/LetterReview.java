package org.annualreview.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.audit.AuditLog;
import org.annualreview.distribution.Distribution;
import org.annualreview.jobs.Job;
import org.annualreview.jobs.Jobs;
import org.annualreview.jobs.LetterJobs;
import org.annualreview.letters.BadTemplate;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.site.Pagination;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Writing a year's letters from the browser, as `./annual-review letters` does (kept in the archive only): every
 * council's as a job, once confirmed, or one council's at once; and reviewing them: each organisation's latest
 * version, whether it is approved and by whom, approved one at a time. Every change is audited with who made it.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public final class LetterReview {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    /** Letters a page of the review. */
    static final int PAGE_SIZE = 50;

    private final Letters letters;
    private final AuditLog audit;
    private final YearPage yearPage;
    private final LetterJobs jobs;
    private final WorkspacePages pages = new WorkspacePages();

    public LetterReview(Letters letters, Distribution distribution, AuditLog audit, YearPage yearPage, LetterJobs jobs) {
        this.letters = letters;
        this.audit = audit;
        this.jobs = jobs;
        this.yearPage = yearPage;
    }

    /**
     * Writes the year's letters into the archive: every council's as a job, once confirmed (the job's page answers),
     * or the one organisation's named (GSS code or name) at once. A letter that says something new is a new version,
     * which needs approving again.
     */
    @PostMapping("/workspace/years/{year}/letters/write")
    public ResponseEntity<String> write(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed) {
        Optional<ReportingYear> found = ReportingYear.find(year);
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        ReportingYear chosen = found.get();
        Optional<String> one = Optional.of(organisation.strip()).filter(o -> !o.isEmpty());
        if (one.isEmpty()) {
            return writeAll(request, principal, chosen, confirmed.equals("yes"));
        }
        Optional<String> writing = jobs.running(Job.Kind.WRITE_LETTERS, chosen);
        if (writing.isPresent()) {
            return yearPage.show(request, chosen, YearPage.Outcome.problem("Every council's letter of " + chosen + " is being written now: "
                    + "wait until that job is done, then write this one again if need be", "/workspace/jobs/" + writing.get(), organisation),
                    HttpStatus.CONFLICT);
        }
        List<Letters.Written> written;
        try {
            written = letters.write(chosen, one, EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);
        } catch (org.springframework.dao.DuplicateKeyException racing) {
            return yearPage.show(request, chosen, YearPage.Outcome.problem("Letters of " + chosen + " were written at the same time by "
                    + "another command: write them again", "#write", organisation), HttpStatus.CONFLICT);
        } catch (Letters.NoTemplate | BadTemplate | Letters.NoPublicationDate | Letters.NoTrainingTotals cannot) {
            return cannotWrite(request, chosen, cannot, organisation);
        } catch (Organisations.UnknownOrganisation | IllegalArgumentException unknown) {
            return yearPage.show(request, chosen, YearPage.Outcome.problem(unknown.getMessage(), "#organisation", organisation),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        long newVersions = written.stream().filter(Letters.Written::newVersion).count();
        String subject = one.isPresent() && written.size() == 1 ? "letter of " + written.get(0).organisationName() + " " + chosen
                : "letters of " + chosen;
        audit.record(principal.getName(), "write-letters", subject, Optional.empty(), Optional.of(String.format("%d written: %d new version%s, %d as before",
                written.size(), newVersions, newVersions == 1 ? "" : "s", written.size() - newVersions)));
        return WorkspacePages.seeOther("/workspace/years/" + chosen + "?done=written&written=" + written.size() + "&new=" + newVersions);
    }

    /** Every council's letter, as a job once confirmed (else the confirmation page); what stops it shown on the year's page. */
    private ResponseEntity<String> writeAll(HttpServletRequest request, Principal principal, ReportingYear year, boolean confirmed) {
        if (!confirmed) {
            return WorkspacePages.seeOther("/workspace/years/" + year + "/letters/write");
        }
        try {
            return WorkspacePages.seeOther("/workspace/jobs/" + jobs.startWriting(year, principal.getName()).id());
        } catch (Jobs.AlreadyRunning running) {
            return WorkspacePages.seeOther("/workspace/jobs/" + running.jobId());
        } catch (Letters.NoTemplate | BadTemplate | Letters.NoPublicationDate | Letters.NoTrainingTotals cannot) {
            return cannotWrite(request, year, cannot, "");
        }
    }

    /**
     * What stops the year's letters being written (no template, a template with a problem, no publication date, last
     * year's training totals missing for a template comparing with them), on the year's page.
     */
    private ResponseEntity<String> cannotWrite(HttpServletRequest request, ReportingYear year, RuntimeException cannot, String organisation) {
        String problem = cannot instanceof Letters.NoTemplate ? "No letter template is loaded for " + year + ": load one on the letter template page first"
                : cannot instanceof BadTemplate ? "The letter template of " + year + " has a problem: " + cannot.getMessage() : cannot.getMessage();
        return yearPage.show(request, year, YearPage.Outcome.problem(problem, "/workspace/years/" + year + "/template", organisation),
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /**
     * Every organisation's latest letter of the year and its approval, filtered by name and to those awaiting approval,
     * {@value #PAGE_SIZE} a page (a page past the last is the last).
     */
    @GetMapping("/workspace/years/{year}/letters")
    public ResponseEntity<String> review(HttpServletRequest request, @PathVariable("year") String year,
            @RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "awaiting", defaultValue = "") String awaiting,
            @RequestParam(name = "done", defaultValue = "") String done, @RequestParam(name = "letter", defaultValue = "") String letter,
            @RequestParam(name = "page", defaultValue = "") String page) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        List<Letters.Review> all = letters.review(chosen.get());
        Map<String, Object> model = reviewModel(request, chosen.get(), new Filter(name, !awaiting.isEmpty()), all, Pagination.pageAsked(page));
        model.put("done", done);
        model.put("letter", all.stream().filter(r -> r.organisationCode().equals(letter))
                .map(r -> Map.of("name", r.organisationName(), "version", r.version())).findFirst().orElse(Map.of()));
        return pages.page("letter-review", model);
    }

    /**
     * Approves one organisation's latest letter of the year; refused if it was written again since the version the
     * page showed (that version is then no longer the one that would be sent).
     */
    @PostMapping("/workspace/years/{year}/letters/{code}/approve")
    public ResponseEntity<String> approve(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @PathVariable("code") String code, @RequestParam(name = "version", defaultValue = "0") int seen,
            @RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "awaiting", defaultValue = "") String awaiting,
            @RequestParam(name = "page", defaultValue = "") String page) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        List<Letters.Review> all = chosen.map(letters::review).orElse(List.of());
        Optional<Letters.Review> latest = all.stream().filter(r -> r.organisationCode().equalsIgnoreCase(code)).findFirst();
        if (latest.isEmpty()) {
            return pages.notFound(request);
        }
        Letters.Review letter = latest.get();
        Filter filter = new Filter(name, !awaiting.isEmpty());
        if (seen > 0 && seen != letter.version()) {
            List<Letters.Review> shown = all.stream().filter(filter::keeps).toList();
            int index = shown.indexOf(letter);
            Map<String, Object> model = reviewModel(request, chosen.get(), filter, all, index < 0 ? Pagination.pageAsked(page) : index / PAGE_SIZE + 1);
            model.put("problem", "The letter of " + letter.organisationName() + " was written again (version " + letter.version()
                    + ") after the version " + seen + " you saw: read it before approving it");
            model.put("problemCode", letter.organisationCode());
            return pages.status(HttpStatus.CONFLICT).page("letter-review", model);
        }
        int approved = audit.inTransaction(() -> {
            int now = letters.approve(chosen.get(), Optional.of(letter.organisationCode()), principal.getName());
            if (now > 0) {
                audit.record(principal.getName(), "approve-letter", "letter of " + letter.organisationName() + " " + chosen.get() + ", version "
                        + letter.version(), Optional.empty(), Optional.of("approved"));
            }
            return now;
        });
        int pageAsked = Pagination.pageAsked(page);
        return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/letters?done=" + (approved > 0 ? "approved" : "already") + "&letter="
                + letter.organisationCode() + filter.query() + (pageAsked > 1 ? "&page=" + pageAsked : ""));
    }

    /** What the review shows: the organisation's name or code contains the words, and (if asked) only letters awaiting approval. */
    private record Filter(String name, boolean awaitingOnly) {

        boolean keeps(Letters.Review review) {
            return review.matches(name) && (!awaitingOnly || review.awaitingApproval());
        }

        String query() {
            return (name.isBlank() ? "" : "&name=" + URLEncoder.encode(name.strip(), StandardCharsets.UTF_8)) + (awaitingOnly ? "&awaiting=yes" : "");
        }

        /** The review's address with this filter, the address its pages keep. */
        String address(ReportingYear year) {
            return "/workspace/years/" + year + "/letters" + query().replaceFirst("^&", "?");
        }
    }

    /**
     * The review page's model: its filter, the year's counts, and the page asked for of the letters the filter keeps.
     * The letters are one a council, read without their text, and ordered and filtered by the organisations' names,
     * which the organisations feature holds: the page is a slice of them, not a query of its own.
     */
    private static Map<String, Object> reviewModel(HttpServletRequest request, ReportingYear year, Filter filter, List<Letters.Review> all,
            int page) {
        Map<String, Object> model = WorkspacePages.base("Review the letters of " + year, request);
        model.put("year", year.toString());
        model.put("name", filter.name());
        model.put("awaiting", filter.awaitingOnly());
        model.put("total", all.size());
        model.put("awaitingCount", all.stream().filter(Letters.Review::awaitingApproval).count());
        List<Letters.Review> kept = all.stream().filter(filter::keeps).toList();
        Pagination pagination = Pagination.of(page, kept.size(), PAGE_SIZE, filter.address(year));
        model.put("kept", kept.size());
        model.put("page", pagination.page());
        model.put("pages", pagination.pages());
        model.put("pagination", pagination.model());
        model.put("rows", kept.subList((int) pagination.from(), (int) Math.min(kept.size(), pagination.from() + PAGE_SIZE)).stream()
                .map(LetterReview::row).toList());
        model.put("done", "");
        model.put("letter", Map.of());
        model.put("problem", "");
        model.put("problemCode", "");
        return model;
    }

    private static Map<String, Object> row(Letters.Review r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", r.organisationCode());
        row.put("name", r.organisationName());
        row.put("version", r.version());
        row.put("templateVersion", r.templateVersion());
        row.put("written", SHOWN.format(r.writtenAt()));
        row.put("writtenAt", r.writtenAt().toString());
        row.put("approved", !r.awaitingApproval());
        row.put("approvedBy", r.approvedBy().orElse(""));
        row.put("approvedAt", r.approvedAt().map(SHOWN::format).orElse(""));
        row.put("approvedAtIso", r.approvedAt().map(Instant::toString).orElse(""));
        row.put("comparedWith", r.comparedWith().orElse(0));
        return row;
    }


}
