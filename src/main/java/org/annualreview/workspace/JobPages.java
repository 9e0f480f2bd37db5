package org.annualreview.workspace;

import java.security.Principal;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.jobs.Job;
import org.annualreview.jobs.Jobs;
import org.annualreview.jobs.SendingJobs;
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
 * Sending a year's letters as a job: a page asks for confirmation with the counts, the confirmation starts the job
 * and answers at once with the job's page, which any node serves from the database and which shows how far it has
 * got until it ends.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public final class JobPages {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"));

    private final Jobs jobs;
    private final SendingJobs sending;
    private final java.time.Clock clock;
    private final WorkspacePages pages = new WorkspacePages();

    public JobPages(Jobs jobs, SendingJobs sending, java.time.Clock clock) {
        this.jobs = jobs;
        this.sending = sending;
        this.clock = clock;
    }

    /** "Send 317 letters to 1,615 recipients?": what sending would do now, to confirm; or the job already sending them. */
    @GetMapping("/workspace/years/{year}/send")
    public ResponseEntity<String> confirm(HttpServletRequest request, @PathVariable("year") String year) {
        Optional<ReportingYear> chosen = ReportingYear.find(year);
        if (chosen.isEmpty()) {
            return pages.notFound(request);
        }
        SendingJobs.Planned planned = sending.planned(chosen.get());
        String letters = String.format(Locale.UK, "%,d letter%s", planned.letters(), planned.letters() == 1 ? "" : "s");
        String recipients = String.format(Locale.UK, "%,d recipient%s", planned.recipients(), planned.recipients() == 1 ? "" : "s");
        Map<String, Object> model = WorkspacePages.base(planned.letters() == 0 ? "Nothing to send" : "Send " + letters + " to " + recipients + "?",
                request);
        model.put("year", chosen.get().toString());
        model.put("letters", planned.letters());
        model.put("lettersInWords", letters);
        model.put("running", sending.running(chosen.get()).orElse(""));
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
            return WorkspacePages.seeOther("/workspace/jobs/" + sending.start(chosen.get(), principal.getName()).id());
        } catch (Jobs.AlreadyRunning running) {
            return WorkspacePages.seeOther("/workspace/jobs/" + running.jobId());
        }
    }

    @GetMapping("/workspace/jobs/{id}")
    public ResponseEntity<String> job(HttpServletRequest request, @PathVariable("id") String id) {
        Optional<Job> found = jobs.find(id);
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        Job job = found.get();
        Map<String, Object> model = WorkspacePages.base(job.kind().label() + " of " + job.year(), request);
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
        model.put("attempts", job.attempts());
        model.put("outcome", job.outcome());
        model.put("timeLeft", job.timeLeft(clock.instant()).map(JobPages::words).orElse(""));
        return pages.page("job", model);
    }

    static String words(Duration left) {
        long seconds = Math.max(1, left.toSeconds());
        return seconds < 90 ? seconds + " seconds" : Math.round(seconds / 60.0) + " minutes";
    }
}
