package org.annualreview.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.annualreview.decisions.ComplianceOutcome;
import org.annualreview.decisions.ImprovementStatus;
import org.annualreview.decisions.Outcome;
import org.annualreview.shared.ReportingYear;

/**
 * Writes recommendations.csv and service-improvements.csv for upheld decisions. Recommendations fall due
 * one to three months after the decision; nearly all are complied with, about one in five of those late;
 * those not yet due on the as-at day are pending.
 */
final class Remedies implements Closeable {

    static final String RECOMMENDATIONS = "recommendations.csv";
    static final String SERVICE_IMPROVEMENTS = "service-improvements.csv";

    private static final double RECOMMENDED = 0.9;
    private static final double IMPROVED = 0.4;
    private static final double NOT_COMPLIED = 0.004;
    private static final double COMPLIED_LATE = 0.18;

    private final CsvFile recommendations;
    private final CsvFile improvements;
    private final LocalDate asAt;
    private final Chance chance;

    private Remedies(CsvFile recommendations, CsvFile improvements, LocalDate asAt, Chance chance) {
        this.recommendations = recommendations;
        this.improvements = improvements;
        this.asAt = asAt;
        this.chance = chance;
    }

    static Remedies open(Path directory, LocalDate asAt, Chance chance) throws IOException {
        CsvFile recommendations = CsvFile.create(directory, RECOMMENDATIONS, "case_reference", "number", "recommendation",
                "due_date", "compliance_outcome", "compliance_date");
        CsvFile improvements = CsvFile.create(directory, SERVICE_IMPROVEMENTS, "case_reference", "number", "improvement", "status");
        return new Remedies(recommendations, improvements, asAt, chance);
    }

    void follow(Decision decision) {
        if (decision.outcome() != Outcome.UPHELD) {
            return;
        }
        if (!decision.satisfactoryRemedy() && chance.of(RECOMMENDED)) {
            recommend(decision, chance.of(0.5) ? 1 : chance.of(0.7) ? 2 : 3);
        }
        if (chance.of(IMPROVED)) {
            improve(decision, chance.of(0.7) ? 1 : 2);
        }
    }

    private void recommend(Decision decision, int count) {
        List<String> texts = chance.sample(Phrases.RECOMMENDATIONS, count);
        for (int number = 1; number <= count; number++) {
            LocalDate due = decision.decidedOn().plusDays(chance.between(30, 91));
            ComplianceOutcome outcome;
            LocalDate recorded;
            if (due.isAfter(asAt)) {
                outcome = ComplianceOutcome.PENDING;
                recorded = null;
            } else if (chance.of(NOT_COMPLIED)) {
                outcome = ComplianceOutcome.NOT_COMPLIED;
                recorded = min(asAt, due.plusDays(chance.between(14, 90)));
            } else if (chance.of(COMPLIED_LATE)) {
                recorded = due.plusDays(chance.between(1, 60));
                outcome = recorded.isAfter(asAt) ? ComplianceOutcome.PENDING : ComplianceOutcome.COMPLIED_LATE;
                recorded = recorded.isAfter(asAt) ? null : recorded;
            } else {
                outcome = ComplianceOutcome.COMPLIED;
                recorded = due.minusDays(chance.between(0, 20));
            }
            recommendations.row(decision.caseReference(), Integer.toString(number), texts.get(number - 1), CsvFile.date(due),
                    outcome.label(), CsvFile.date(recorded));
        }
    }

    private void improve(Decision decision, int count) {
        List<String> texts = chance.sample(Phrases.SERVICE_IMPROVEMENTS, count);
        int yearsAgo = ReportingYear.containing(asAt).startYear() - ReportingYear.containing(decision.decidedOn()).startYear();
        for (int number = 1; number <= count; number++) {
            improvements.row(decision.caseReference(), Integer.toString(number), texts.get(number - 1), status(yearsAgo).label());
        }
    }

    /** Older improvements are mostly done; this year's mostly agreed or under way. */
    private ImprovementStatus status(int yearsAgo) {
        double draw = chance.uniform();
        if (yearsAgo >= 2) {
            return draw < 0.9 ? ImprovementStatus.COMPLETED : draw < 0.96 ? ImprovementStatus.IN_PROGRESS : ImprovementStatus.NOT_COMPLETED;
        }
        if (yearsAgo == 1) {
            return draw < 0.65 ? ImprovementStatus.COMPLETED : draw < 0.9 ? ImprovementStatus.IN_PROGRESS
                    : draw < 0.97 ? ImprovementStatus.AGREED : ImprovementStatus.NOT_COMPLETED;
        }
        return draw < 0.35 ? ImprovementStatus.AGREED : draw < 0.8 ? ImprovementStatus.IN_PROGRESS : ImprovementStatus.COMPLETED;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    long recommendations() {
        return recommendations.rows();
    }

    long serviceImprovements() {
        return improvements.rows();
    }

    @Override
    public void close() throws IOException {
        try (recommendations; improvements) {
            // closes both
        }
    }
}
