package org.annualreview.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Accounts;
import org.annualreview.audit.AuditLog;
import org.annualreview.distribution.Delivery;
import org.annualreview.distribution.Distribution;
import org.annualreview.imports.ImportProgress;
import org.annualreview.imports.ImportReport;
import org.annualreview.imports.Imports;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What analysts and administrators do in the workspace: import record files, approve and send a year's letters,
 * and (administrators) read the audit log. Every change is written to the audit log with who made it.
 */
@RestController
public final class StaffWorkspace {

    private final Imports imports;
    private final Letters letters;
    private final Distribution distribution;
    private final AuditLog audit;
    private final Accounts accounts;
    private final org.annualreview.distribution.Registrations registrations;
    private final WorkspacePages pages = new WorkspacePages();
    private final YearPage yearPage;

    public StaffWorkspace(Imports imports, Letters letters, Distribution distribution, AuditLog audit,
            org.annualreview.distribution.Registrations registrations, Accounts accounts, YearPage yearPage) {
        this.accounts = accounts;
        this.registrations = registrations;
        this.imports = imports;
        this.letters = letters;
        this.distribution = distribution;
        this.audit = audit;
        this.yearPage = yearPage;
    }

    @GetMapping("/workspace/imports")
    public ResponseEntity<String> importForm(HttpServletRequest request) {
        Map<String, Object> model = WorkspacePages.base("Import records", request);
        model.put("report", false);
        return pages.page("imports", model);
    }

    /**
     * Imports the files uploaded, as `./annual-review import` does: all or nothing, every problem by file, row and
     * column, or the inserted, updated and unchanged counts. Each file keeps its name, which says what it holds.
     */
    @PostMapping("/workspace/imports")
    public ResponseEntity<String> importFiles(HttpServletRequest request, Principal principal,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        Map<String, Object> model = WorkspacePages.base("Import records", request);
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (chosen.isEmpty()) {
            model.put("report", false);
            model.put("noFile", true);
            return pages.status(HttpStatus.BAD_REQUEST).page("imports", model);
        }
        Path folder = Files.createTempDirectory("workspace-import");
        try {
            List<Path> saved = new ArrayList<>();
            for (MultipartFile file : chosen) {
                String name = Path.of(Optional.ofNullable(file.getOriginalFilename()).orElse("upload.csv")).getFileName().toString();
                Path target = folder.resolve(name.isBlank() ? "upload.csv" : name);
                file.transferTo(target);
                saved.add(target);
            }
            String names = String.join(", ", saved.stream().map(p -> p.getFileName().toString()).toList());
            ImportReport report;
            try {
                report = imports.importFiles(saved, Optional.empty(), ImportProgress.NONE, (connection, merged) -> audit.record(connection,
                        principal.getName(), "import", names, Optional.empty(), Optional.of(String.format("%d rows: %d inserted, %d updated, %d unchanged",
                                merged.rows(), merged.inserted(), merged.updated(), merged.unchanged()))), SignedIn.role(accounts, principal)::mayChange);
            } catch (Imports.NotAllowed notAllowed) {
                report = new ImportReport(List.of(), notAllowed.problems(), notAllowed.problems().size());
                model.put("notAllowed", true);
            }
            model.put("report", true);
            model.put("succeeded", report.succeeded());
            model.put("problems", report.problems().stream().map(p -> Map.of("file", p.file(), "row", p.row() > 0 ? String.valueOf(p.row()) : "",
                    "column", p.column() == null ? "" : p.column(), "reason", p.reason())).toList());
            model.put("unlisted", report.unlistedProblems());
            model.put("sources", report.sources().stream().map(s -> Map.of("source", s.source(), "type", s.type().toString(),
                    "rows", s.rows(), "inserted", s.inserted(), "updated", s.updated(), "unchanged", s.unchanged())).toList());
            return (report.succeeded() ? pages : pages.status(model.containsKey("notAllowed") ? HttpStatus.FORBIDDEN
                    : HttpStatus.UNPROCESSABLE_CONTENT)).page("imports", model);
        } finally {
            try (var left = Files.list(folder)) {
                left.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(folder);
        }
    }

    /** A year's letters: write them, approve the latest versions, then see who would receive them, and send. */
    @GetMapping("/workspace/years/{year}")
    public ResponseEntity<String> year(HttpServletRequest request, @PathVariable("year") String year,
            @RequestParam(name = "done", defaultValue = "") String done, @RequestParam(name = "written", defaultValue = "0") int written,
            @RequestParam(name = "new", defaultValue = "0") int newVersions, @RequestParam(name = "page", defaultValue = "") String page) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        return yearPage.show(request, chosen.get(), YearPage.Outcome.of(done, written, newVersions),
                org.annualreview.site.Pagination.pageAsked(page), HttpStatus.OK);
    }

    /** Sends one council's approved letter again, to every recipient, because staff asked: the only way a letter goes twice. */
    @PostMapping("/workspace/years/{year}/resend")
    public ResponseEntity<String> resend(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "organisation", defaultValue = "") String organisation) {
        ReportingYear chosen = ReportingYear.parse(year);
        if (organisation.isBlank()) {
            return yearPage.show(request, chosen, YearPage.Outcome.problem("Enter the council whose letter to send again", "#resend-organisation", ""),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Delivery delivery;
        try {
            delivery = distribution.send(chosen, Optional.of(organisation), new Distribution.Options(false, true)).get(0);
        } catch (org.annualreview.organisations.Organisations.UnknownOrganisation unknown) {
            return yearPage.show(request, chosen, YearPage.Outcome.problem(unknown.getMessage(), "#resend-organisation", organisation),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if (delivery.outcome().group() == Delivery.Group.SKIPPED) {   // not approved, a bad address, being sent by another run
            return yearPage.show(request, chosen, YearPage.Outcome.problem(delivery.organisationName() + "'s letter was not sent: "
                    + delivery.outcome().words() + " (" + delivery.reason() + ")", "#resend-organisation", organisation), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        audit.record(principal.getName(), "resend-letters", "letter of " + delivery.organisationName() + " " + chosen, Optional.empty(),
                Optional.of(delivery.outcome() == Delivery.Outcome.SENT ? "sent again to " + String.join(", ", delivery.recipients())
                        : delivery.outcome().words() + ": " + delivery.reason()));
        return WorkspacePages.seeOther("/workspace/years/" + chosen + (delivery.outcome() == Delivery.Outcome.SENT ? "?done=resent" : ""));
    }

    /** The year's letter template, to edit, preview for any organisation, and load. */
    @GetMapping("/workspace/years/{year}/template")
    public ResponseEntity<String> template(HttpServletRequest request, @PathVariable("year") String year,
            @RequestParam(name = "done", defaultValue = "") String done) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        return templatePage(request, chosen.get(), letters.templateSource(chosen.get()).orElse(""), "E08000011", "", 0, done, HttpStatus.OK);
    }

    /** The letter of one organisation from the template text as edited, not stored: the page itself, or the problem. */
    @PostMapping("/workspace/years/{year}/preview")
    public ResponseEntity<String> preview(HttpServletRequest request, @PathVariable("year") String year,
            @RequestParam(name = "source", defaultValue = "") String source, @RequestParam(name = "organisation", defaultValue = "") String organisation) {
        ReportingYear chosen = ReportingYear.parse(year);
        try {
            return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", Letters.WEB_PAGE_POLICY)
                    .body(letters.preview(chosen, organisation, Optional.of(source)));
        } catch (org.annualreview.letters.BadTemplate bad) {
            return templatePage(request, chosen, source, organisation, bad.getMessage().replaceFirst("^draft(, |: )", ""), bad.line(), "",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (Letters.NoTrainingTotals missing) {
            return templatePage(request, chosen, source, organisation, missing.getMessage(), missing.line(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (org.annualreview.organisations.Organisations.UnknownOrganisation | IllegalArgumentException unknown) {
            return templatePage(request, chosen, source, organisation, unknown.getMessage(), 0, "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Loads the template text as the year's new version, after the same checks as `templates load`; audited with before and after. */
    @PostMapping("/workspace/years/{year}/template")
    public ResponseEntity<String> loadTemplate(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "source", defaultValue = "") String source, @RequestParam(name = "organisation", defaultValue = "") String organisation) {
        ReportingYear chosen = ReportingYear.parse(year);
        Optional<String> before = letters.templateSource(chosen);
        try {
            Letters.TemplateLoaded loaded = audit.inTransaction(() -> {
                Letters.TemplateLoaded kept = letters.loadTemplate(chosen, "workspace-" + chosen + ".md", source.replace("\r\n", "\n"),
                        SignedIn.actor(accounts, principal));
                if (kept.changed()) {
                    audit.record(principal.getName(), "load-template", "letter template of " + chosen + ", version " + kept.version(), before,
                            Optional.of(source.replace("\r\n", "\n")));
                }
                kept.publicationDate().ifPresent(moved -> audit.record(principal.getName(), "set-publication-date", "publication date of " + chosen,
                        moved.beforeInWords(), Optional.of(moved.afterInWords())));
                return kept;
            });
            return WorkspacePages.seeOther("/workspace/years/" + chosen + "/template?done=" + (loaded.changed() ? "loaded" : "unchanged"));
        } catch (org.annualreview.letters.BadTemplate bad) {
            return templatePage(request, chosen, source, organisation, bad.getMessage(), bad.line(), "", HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (Letters.PublicationDateNotYours notYours) {
            return templatePage(request, chosen, source, organisation, notYours.getMessage(), notYours.line(), "", HttpStatus.FORBIDDEN);
        } catch (Letters.AlreadyPublished published) {
            return templatePage(request, chosen, source, organisation, published.getMessage(), 0, "", HttpStatus.CONFLICT);
        }
    }

    /**
     * Sets (or, left empty, removes) the paragraph for one organisation's letter, shown where the template has
     * {{ note }}; audited with the paragraph before and after. The letter is written again to use it.
     */
    @PostMapping("/workspace/years/{year}/notes")
    public ResponseEntity<String> note(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "organisation", defaultValue = "") String organisation, @RequestParam(name = "note", defaultValue = "") String note) {
        ReportingYear chosen = ReportingYear.parse(year);
        try {
            audit.inTransaction(() -> {
                Optional<String> before = letters.note(chosen, organisation);
                letters.setNote(chosen, organisation, note.strip());
                audit.record(principal.getName(), "set-note", "paragraph for " + organisation.strip() + "'s letter of " + chosen, before,
                        note.isBlank() ? Optional.empty() : Optional.of(note.strip()));
                return before;
            });
            return WorkspacePages.seeOther("/workspace/years/" + chosen + "/template?done=note");
        } catch (org.annualreview.organisations.Organisations.UnknownOrganisation | IllegalArgumentException unknown) {
            return templatePage(request, chosen, letters.templateSource(chosen).orElse(""), organisation, unknown.getMessage(), 0, "",
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ResponseEntity<String> templatePage(HttpServletRequest request, ReportingYear year, String source, String organisation,
            String problem, int line, String done, HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base("Letter template of " + year, request);
        model.put("year", year.toString());
        model.put("source", source);
        model.put("organisation", organisation);
        model.put("problem", problem);
        model.put("line", line);
        model.put("done", done);
        return pages.status(status).page("template", model);
    }

    /** Monitoring officers' confirmed requests to receive their council's letter, to approve or refuse. */
    @GetMapping("/workspace/registrations")
    public ResponseEntity<String> registrationList(HttpServletRequest request) {
        Map<String, Object> model = WorkspacePages.base("Monitoring officers asking for the letter", request);
        model.put("requests", registrations.awaitingDecision().stream().map(r -> Map.of("id", r.id(), "code", r.organisationCode(),
                "name", r.fullName(), "email", r.email(), "jobTitle", r.jobTitle().orElse(""), "requested", r.requestedAt().toString())).toList());
        return pages.page("registrations", model);
    }

    @PostMapping("/workspace/registrations/{id}/{decision:approve|refuse}")
    public ResponseEntity<String> decide(Principal principal, @PathVariable("id") long id, @PathVariable("decision") String decision) {
        boolean approve = decision.equals("approve");
        return audit.inTransaction(() -> registrations.decide(id, approve, principal.getName()).map(r -> {
            audit.record(principal.getName(), approve ? "approve-registration" : "refuse-registration", r.email() + " for " + r.organisationCode(),
                    Optional.of("confirmed request"), Optional.of(approve ? "monitoring officer contact" : "refused"));
            return r;
        })).map(r -> WorkspacePages.seeOther("/workspace/registrations")).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
    }

}
