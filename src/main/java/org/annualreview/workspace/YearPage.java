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
 * problem: how many letters are written and approved, the form to write them, what sending would do now, and which
 * population estimate the year's figures per 100,000 residents divide by, with the form to choose another.
 */
@org.springframework.stereotype.Component
final class YearPage {

    /** What the page says above its forms: what was just done, or the problem with what was asked. */
    record Outcome(String done, int written, int newVersions, String problem, String problemLink, String organisation, EstimateAnswer estimate) {

        static Outcome of(String done, int written, int newVersions) {
            return new Outcome(done, written, newVersions, "", "", "", EstimateAnswer.NONE);
        }

        /** A problem with the form to write the letters; the link is where the error summary sends staff to put it right. */
        static Outcome problem(String problem, String link, String organisation) {
            return new Outcome("", 0, 0, problem, link, organisation, EstimateAnswer.NONE);
        }

        /** The form choosing the population estimate refused: what was posted, shown back, and each problem with it. */
        static Outcome estimateRefused(EstimateAnswer answer) {
            return new Outcome("", 0, 0, "", "", "", answer);
        }
    }

    /**
     * What was posted to the form choosing the year's population estimate ("rule" or a mid-year, and the reason), and
     * the problems found with it, each with the id of the field it links to; NONE: nothing posted.
     */
    record EstimateAnswer(String estimate, String reason, List<Map<String, String>> errors) {
        static final EstimateAnswer NONE = new EstimateAnswer("", "", List.of());
        /** The ids of the form's fields: the first radio, and the reason. */
        static final String ESTIMATE = "estimate";
        static final String REASON = "estimate-reason";

        String problemOf(String field) {
            return errors.stream().filter(e -> e.get("field").equals(field)).map(e -> e.get("message")).findFirst().orElse("");
        }
    }

    private static final java.time.format.DateTimeFormatter DAY = org.annualreview.shared.Dates.IN_WORDS;

    private final Letters letters;
    private final Distribution distribution;
    private final Jobs jobs;
    private final org.annualreview.publication.Releases releases;
    private final org.annualreview.statistics.Statistics statistics;
    private final WorkspacePages pages = new WorkspacePages();

    YearPage(Letters letters, Distribution distribution, Jobs jobs, org.annualreview.publication.Releases releases,
            org.annualreview.statistics.Statistics statistics) {
        this.releases = releases;
        this.statistics = statistics;
        this.letters = letters;
        this.distribution = distribution;
        this.jobs = jobs;
    }

    /** Councils a page of "What sending would do now". */
    static final int PAGE_SIZE = 50;

    ResponseEntity<String> show(HttpServletRequest request, ReportingYear year, Outcome outcome, HttpStatusCode status) {
        return show(request, year, outcome, 1, status);
    }

    /**
     * The page with the page asked for (1 first; past the last, the last) of what sending would do now. That list is
     * sending's own dry run over every council, worked out whole: the page is a slice of it.
     */
    ResponseEntity<String> show(HttpServletRequest request, ReportingYear year, Outcome outcome, int page, HttpStatusCode status) {
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
        List<Delivery> deliveries = distribution.send(year, Optional.empty(), new Distribution.Options(true, false));
        org.annualreview.site.Pagination pagination = org.annualreview.site.Pagination.of(page, deliveries.size(), PAGE_SIZE,
                "/workspace/years/" + year);
        model.put("deliveries", deliveries(deliveries.subList((int) pagination.from(), (int) Math.min(deliveries.size(), pagination.from() + PAGE_SIZE))));
        model.put("deliveryPage", pagination.page());
        model.put("deliveryPages", pagination.pages());
        model.put("pagination", pagination.model());
        model.put("failures", failures(distribution.failures(year)));
        model.put("unknown", failures(distribution.unknown(year)));
        model.put("writingJob", jobs.running(Job.Kind.WRITE_LETTERS, year).orElse(""));
        model.put("sendingJob", jobs.running(Job.Kind.SEND_LETTERS, year).orElse(""));
        Optional<org.annualreview.publication.Release> release = releases.latest(year);
        model.put("publishMissing", release.isPresent() ? List.of() : releases.readiness(year).missing());
        model.put("release", release.map(r -> "Published on " + r.madeOn() + " by " + r.madeBy()
                + (r.number() > 1 ? "; release " + r.number() + ": " + r.revisedLabel() : "")).orElse(""));
        model.put("differing", release.isPresent() ? releases.differingFromRelease(year).size() : 0);
        model.put("releaseNumber", release.map(org.annualreview.publication.Release::number).orElse(0));
        estimate(model, year, outcome.estimate());
        return pages.status(status).page("year", model);
    }

    /**
     * Which estimate the year's figures per 100,000 residents divide by (the rule's, or the one chosen, by whom, when and
     * why), and the form to choose another: the estimates recorded for the year's councils, checked as chosen now or as
     * just posted.
     */
    private void estimate(Map<String, Object> model, ReportingYear year, EstimateAnswer answer) {
        Optional<org.annualreview.statistics.Statistics.ChosenEstimate> chosen = statistics.chosenEstimate(year);
        model.put("ruleMidYear", year.startYear());
        model.put("estimateChosen", chosen.isPresent());
        model.put("estimateMidYear", chosen.map(c -> String.valueOf(c.midYear())).orElse(""));
        model.put("estimateBy", chosen.map(org.annualreview.statistics.Statistics.ChosenEstimate::chosenBy).orElse(""));
        model.put("estimateOn", chosen.map(c -> DAY.format(c.chosenAt().atZone(java.time.ZoneId.of("Europe/London")))).orElse(""));
        model.put("estimateWhy", chosen.map(org.annualreview.statistics.Statistics.ChosenEstimate::reason).orElse(""));
        String checked = answer == EstimateAnswer.NONE ? chosen.map(c -> String.valueOf(c.midYear())).orElse("rule") : answer.estimate();
        model.put("estimateChecked", checked);
        model.put("estimates", statistics.estimatesToChooseFrom(year).stream().map(String::valueOf).toList());
        model.put("estimateReason", answer.reason());
        model.put("estimateErrors", answer.errors());
        model.put("estimateProblem", answer.problemOf(EstimateAnswer.ESTIMATE));
        model.put("reasonProblem", answer.problemOf(EstimateAnswer.REASON));
    }

    private static List<Map<String, Object>> failures(List<Distribution.Failure> failures) {
        return failures.stream().map(f -> Map.<String, Object>of("name", f.organisationName(), "attempts", f.attempts(), "error", f.error(),
                "at", f.at().atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime().withNano(0).toString().replace('T', ' '))).toList();
    }

    /** Each council's row of what sending would do now; a letter not approved says where it is approved, not the command. */
    private static List<Map<String, String>> deliveries(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> Map.of("name", d.organisationName(), "outcome", d.outcome().words(),
                "detail", switch (d.outcome()) {
                    case WOULD_SEND -> String.join(", ", d.recipients());
                    case NOT_APPROVED -> "its latest letter awaits approval on the review page";
                    default -> d.reason();
                })).toList();
    }
}
