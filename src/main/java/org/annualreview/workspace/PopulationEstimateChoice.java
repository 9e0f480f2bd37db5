package org.annualreview.workspace;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.annualreview.audit.AuditLog;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Choosing, on a year's page, which mid-year population estimate the year's figures per 100,000 residents divide by
 * (or the rule's again), as `stats --choose-population-estimate` does: the same {@link Statistics#chooseEstimate},
 * which marks the figures for working out again, and the same audit entry. A published release keeps its figures.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public final class PopulationEstimateChoice {

    /** The longest reason kept (the column's size). */
    static final int REASON_LIMIT = 2000;

    private final Statistics statistics;
    private final AuditLog audit;
    private final YearPage yearPage;
    private final WorkspacePages pages = new WorkspacePages();

    public PopulationEstimateChoice(Statistics statistics, AuditLog audit, YearPage yearPage) {
        this.statistics = statistics;
        this.audit = audit;
        this.yearPage = yearPage;
    }

    /**
     * Makes the year's figures per 100,000 residents divide by the estimate chosen ("rule", or a mid-year recorded for the
     * year's councils), for the reason given; else the year's page with each problem, nothing changed.
     */
    @PostMapping("/workspace/years/{year}/population-estimate")
    public ResponseEntity<String> choose(HttpServletRequest request, Principal principal, @PathVariable("year") String year,
            @RequestParam(name = "estimate", defaultValue = "") String estimate, @RequestParam(name = "reason", defaultValue = "") String reason) {
        Optional<ReportingYear> found = ReportingYear.find(year);
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        ReportingYear chosen = found.get();
        String value = estimate.strip();
        List<Map<String, String>> errors = new ArrayList<>();
        OptionalInt midYear = OptionalInt.empty();
        if (value.isEmpty()) {
            errors.add(error(YearPage.EstimateAnswer.ESTIMATE, "Select the population estimate the figures per 100,000 residents divide by"));
        } else if (!value.equals("rule")) {
            if (!statistics.estimatesToChooseFrom(chosen).stream().map(String::valueOf).toList().contains(value)) {
                errors.add(error(YearPage.EstimateAnswer.ESTIMATE, "Select one of the estimates listed: no council of " + chosen + " has a "
                        + (value.matches("\\d{4}") ? "mid-" + value + " estimate that can stand for it" : "population estimate called " + value)));
            } else {
                midYear = OptionalInt.of(Integer.parseInt(value));
            }
        }
        if (reason.isBlank()) {
            errors.add(error(YearPage.EstimateAnswer.REASON, "Enter why the figures of " + chosen + " divide by this estimate"));
        } else if (reason.strip().length() > REASON_LIMIT) {
            errors.add(error(YearPage.EstimateAnswer.REASON, String.format("The reason must be %,d characters or fewer", REASON_LIMIT)));
        }
        if (!errors.isEmpty()) {
            return yearPage.show(request, chosen, YearPage.Outcome.estimateRefused(new YearPage.EstimateAnswer(value, reason, errors)),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        OptionalInt midYearChosen = midYear;
        String why = reason.strip();
        audit.inTransaction(() -> {
            String before = statistics.estimateInWords(chosen);
            statistics.chooseEstimate(chosen, midYearChosen, principal.getName(), why);
            audit.record(principal.getName(), "choose-population-estimate", chosen.toString(), Optional.of(before),
                    Optional.of(Statistics.choiceInWords(midYearChosen, why)));
            return null;
        });
        return WorkspacePages.seeOther("/workspace/years/" + chosen + "?done=estimate#population-estimate");
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
