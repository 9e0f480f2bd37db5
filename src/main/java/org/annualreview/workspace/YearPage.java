package org.annualreview.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.distribution.Delivery;
import org.annualreview.distribution.Distribution;
import org.annualreview.jobs.Job;
import org.annualreview.jobs.Jobs;
import org.annualreview.letters.Letters;
import org.annualreview.shared.ReportingYear;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page of a year's letters, as the year's own address shows it and as a form posted there answers with its
 * problem: how many letters are written and approved, the form to write them, and what sending would do now.
 */
@org.springframework.stereotype.Component
final class YearPage {

    /** What the page says above its forms: what was just done, or the problem with what was asked. */
    record Outcome(String done, int written, int newVersions, String problem, String problemLink, String organisation) {

        static Outcome of(String done, int written, int newVersions) {
            return new Outcome(done, written, newVersions, "", "", "");
        }

        /** A problem with the form to write the letters; the link is where the error summary sends staff to put it right. */
        static Outcome problem(String problem, String link, String organisation) {
            return new Outcome("", 0, 0, problem, link, organisation);
        }
    }

    private final Letters letters;
    private final Distribution distribution;
    private final Jobs jobs;
    private final org.annualreview.publication.Releases releases;
    private final WorkspacePages pages = new WorkspacePages();

    YearPage(Letters letters, Distribution distribution, Jobs jobs, org.annualreview.publication.Releases releases) {
        this.releases = releases;
        this.letters = letters;
        this.distribution = distribution;
        this.jobs = jobs;
    }

    ResponseEntity<String> show(HttpServletRequest request, ReportingYear year, Outcome outcome, HttpStatusCode status) {
        Map<String, Object> model = WorkspacePages.base("Letters of " + year, request);
        model.put("year", year.toString());
        model.put("done", outcome.done());
        model.put("written", outcome.written());
        model.put("newVersions", outcome.newVersions());
        model.put("problem", outcome.problem());
        model.put("problemLink", outcome.problemLink());
        model.put("organisation", outcome.organisation());
        model.put("letters", letters.organisationsWithLetters(year).size());
        model.put("approved", letters.approved(year).size());
        model.put("deliveries", deliveries(distribution.send(year, Optional.empty(), new Distribution.Options(true, false))));
        model.put("failures", failures(distribution.failures(year)));
        model.put("unknown", failures(distribution.unknown(year)));
        model.put("writingJob", jobs.running(Job.Kind.WRITE_LETTERS, year).orElse(""));
        model.put("sendingJob", jobs.running(Job.Kind.SEND_LETTERS, year).orElse(""));
        Optional<org.annualreview.publication.Release> release = releases.latest(year);
        model.put("publishMissing", release.isPresent() ? List.of() : releases.readiness(year).missing());
        model.put("release", release.map(r -> "Published on " + r.madeOn() + " by " + r.madeBy()
                + (r.number() > 1 ? "; release " + r.number() + ": " + r.revisedLabel() : "")).orElse(""));
        model.put("differing", release.isPresent() ? releases.differingFromRelease(year).size() : 0);
        return pages.status(status).page("year", model);
    }

    private static List<Map<String, Object>> failures(List<Distribution.Failure> failures) {
        return failures.stream().map(f -> Map.<String, Object>of("name", f.organisationName(), "attempts", f.attempts(), "error", f.error(),
                "at", f.at().atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime().withNano(0).toString().replace('T', ' '))).toList();
    }

    private static List<Map<String, String>> deliveries(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> Map.of("name", d.organisationName(), "outcome", d.outcome().words(),
                "detail", d.outcome() == Delivery.Outcome.WOULD_SEND ? String.join(", ", d.recipients()) : d.reason())).toList();
    }
}
