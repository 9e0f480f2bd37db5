package org.annualreview.workspace;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.audit.AuditLog;
import org.annualreview.jobs.Job;
import org.annualreview.jobs.Jobs;
import org.annualreview.jobs.LetterJobs;
import org.annualreview.letters.BadTemplate;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The work on a year's letters that touches every council: writing them all, approving them all, sending them all.
 * Each is asked for with the counts ("Send 317 letters to 1,615 recipients?") and done once confirmed. Writing and
 * sending are jobs: the confirmation starts one and answers at once with its page, which any node serves from the
 * database and which shows how far it has got until it ends. Approving is one statement, done in the request, and
 * only of the letters the page showed: none written while a job writes them.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class JobPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    private final Jobs jobs;
    private final LetterJobs letterJobs;
    private final Letters letters;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final WorkspacePages pages = new WorkspacePages();

    public JobPages(Jobs jobs, LetterJobs letterJobs, Letters letters, AuditLog audit, java.time.Clock clock) {
        this.jobs = jobs;
        this.letterJobs = letterJobs;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
    }

    /** "Send 317 letters to 1,615 recipients?": what sending would do now, to confirm; or the job already sending them. */
    @GetMapping("/workspace/years/{year}/send")
    public ResponseEntity<String> confirmSending(HttpServletRequest request, @PathVariable("year") String year) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        LetterJobs.Planned planned = letterJobs.planned(chosen.get());
        String lettersInWords = count(planned.letters(), "letter");
        Map<String, Object> model = WorkspacePages.base(planned.letters() == 0 ? "Nothing to send" : "Send " + lettersInWords + " to "
                + count(planned.recipients(), "recipient") + "?", request);
        model.put("year", chosen.get().toString());
        model.put("letters", planned.letters());
        model.put("lettersInWords", lettersInWords);
        model.put("running", letterJobs.running(Job.Kind.SEND_LETTERS, chosen.get()).orElse(""));
        return pages.page("send-confirm", model);
    }

    /** Starts sending the approved letters once confirmed; a job already sending them is shown instead of a second. */
    @PostMapping("/workspace/years/{year}/send")
    public ResponseEntity<String> send(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        if (!confirmed.equals("yes")) {
            return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/send");
        }
        try {
            return WorkspacePages.seeOther("/workspace/jobs/" + letterJobs.startSending(chosen.get(), principal.getName()).id());
        } catch (Jobs.AlreadyRunning running) {
            return WorkspacePages.seeOther("/workspace/jobs/" + running.jobId());
        }
    }

    /**
     * "Write the letters of 317 councils?": how many, and how many of their letters are approved now (a letter that
     * says something new becomes a version to approve again); or what stops writing (no template, a template with
     * a problem, no publication date); or the job already writing them.
     */
    @GetMapping("/workspace/years/{year}/letters/write")
    public ResponseEntity<String> confirmWriting(HttpServletRequest request, @PathVariable("year") String year) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        String problem = "";
        try {
            letters.checkWritable(chosen.get());
        } catch (Letters.NoTemplate | Letters.NoPublicationDate | BadTemplate | Letters.NoTrainingTotals cannot) {
            problem = cannot.getMessage();
        }
        int councils = problem.isEmpty() ? letters.toWrite(chosen.get()).size() : 0;
        Map<String, Object> model = WorkspacePages.base(problem.isEmpty() ? "Write the letters of " + count(councils, "council") + "?"
                : "The letters of " + chosen.get() + " cannot be written yet", request);
        model.put("year", chosen.get().toString());
        model.put("problem", problem);
        model.put("councils", councils);
        model.put("approved", letters.approved(chosen.get()).size());
        model.put("running", letterJobs.running(Job.Kind.WRITE_LETTERS, chosen.get()).orElse(""));
        return pages.page("write-confirm", model);
    }

    /**
     * "Approve 312 letters?": the latest letters awaiting approval, to confirm; the confirmation carries when the
     * newest of them was written, and only letters written by then are approved. Refused while a job writes them.
     */
    @GetMapping("/workspace/years/{year}/approve")
    public ResponseEntity<String> confirmApproving(HttpServletRequest request, @PathVariable("year") String year) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        List<Letters.Review> awaiting = letters.review(chosen.get()).stream().filter(Letters.Review::awaitingApproval).toList();
        Map<String, Object> model = WorkspacePages.base(awaiting.isEmpty() ? "Nothing to approve" : "Approve " + count(awaiting.size(), "letter")
                + "?", request);
        model.put("year", chosen.get().toString());
        model.put("awaiting", awaiting.size());
        model.put("lettersInWords", count(awaiting.size(), "letter"));
        model.put("writtenBy", awaiting.stream().map(Letters.Review::writtenAt).max(Instant::compareTo).map(Instant::toString).orElse(""));
        model.put("writing", letterJobs.running(Job.Kind.WRITE_LETTERS, chosen.get()).orElse(""));
        return pages.page("approve-confirm", model);
    }

    /** Approves, once confirmed, the latest letters written by the time the confirmation showed. */
    @PostMapping("/workspace/years/{year}/approve")
    public ResponseEntity<String> approve(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "confirmed", defaultValue = "") String confirmed, @RequestParam(name = "writtenBy", defaultValue = "") String writtenBy) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        Optional<Instant> shown = parse(writtenBy);
        if (!confirmed.equals("yes") || shown.isEmpty()) {
            return WorkspacePages.seeOther("/workspace/years/" + chosen.get() + "/approve");
        }
        if (letterJobs.running(Job.Kind.WRITE_LETTERS, chosen.get()).isPresent()) {
            ResponseEntity<String> page = confirmApproving(request, year);
            return ResponseEntity.status(HttpStatus.CONFLICT).headers(page.getHeaders()).body(page.getBody());
        }
        ReportingYear approving = chosen.get();
        int approved = audit.inTransaction(() -> {
            int now = letters.approveAll(approving, shown.get(), principal.getName());
            audit.record(principal.getName(), "approve-letters", "letters of " + approving, Optional.empty(), Optional.of(now + " approved"));
            return now;
        });
        return WorkspacePages.seeOther("/workspace/years/" + approving + "?done=approved&approvedCount=" + approved);
    }

    @GetMapping("/workspace/jobs/{id}")
    public ResponseEntity<String> job(HttpServletRequest request, @PathVariable("id") String id) {
        Optional<Job> found = jobs.find(id);
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        Job job = found.get();
        Map<String, Object> model = WorkspacePages.base(job.kind().label() + " of " + job.year(), request);
        model.put("kind", job.kind().code());
        model.put("year", job.year().toString());
        model.put("status", job.status().code());
        model.put("id", job.id());
        model.put("startedBy", job.startedBy());
        model.put("startedAt", SHOWN.format(job.startedAt()));
        model.put("total", job.total());
        model.put("done", job.done());
        model.put("sent", job.sent());
        model.put("failed", job.failed());
        model.put("unknown", job.unknown());
        model.put("skipped", job.skipped());
        model.put("newVersions", job.newVersions());
        model.put("sameVersions", job.sameVersions());
        model.put("attempts", job.attempts());
        model.put("outcome", job.outcome());
        model.put("timeLeft", job.timeLeft(clock.instant()).map(JobPages::words).orElse(""));
        return pages.page("job", model);
    }

    static String words(Duration left) {
        long seconds = Math.max(1, left.toSeconds());
        return seconds < 90 ? seconds + " seconds" : Math.round(seconds / 60.0) + " minutes";
    }

    private static String count(int n, String noun) {
        return String.format(Locale.UK, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static Optional<Instant> parse(String instant) {
        try {
            return Optional.of(Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException notOne) {
            return Optional.empty();
        }
    }
}
