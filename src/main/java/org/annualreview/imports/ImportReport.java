package org.annualreview.imports;

import java.util.List;

/**
 * The outcome of one import run. Either every source was merged ({@link #succeeded()}), or nothing was
 * changed and {@link #problems()} says why (at most the cap, with {@link #problemCount()} counting them all).
 */
public record ImportReport(List<SourceSummary> sources, List<Problem> problems, long problemCount) {

    public boolean succeeded() {
        return problemCount == 0;
    }

    public long unlistedProblems() {
        return problemCount - problems.size();
    }

    public long inserted() {
        return sources.stream().mapToLong(SourceSummary::inserted).sum();
    }

    public long updated() {
        return sources.stream().mapToLong(SourceSummary::updated).sum();
    }

    public long unchanged() {
        return sources.stream().mapToLong(SourceSummary::unchanged).sum();
    }

    public long rows() {
        return sources.stream().mapToLong(SourceSummary::rows).sum();
    }
}
