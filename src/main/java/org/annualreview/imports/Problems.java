package org.annualreview.imports;

import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a cap, and counts the rest. */
final class Problems {

    private final int cap;
    private final List<Problem> kept = new ArrayList<>();
    private long total;

    Problems(int cap) {
        this.cap = cap;
    }

    void add(Problem problem) {
        total++;
        if (kept.size() < cap) {
            kept.add(problem);
        }
    }

    long total() {
        return total;
    }

    List<Problem> kept() {
        return List.copyOf(kept);
    }
}
