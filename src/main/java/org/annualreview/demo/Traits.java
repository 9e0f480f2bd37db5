package org.annualreview.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.shared.ReportingYear;

/**
 * How one organisation differs from the national picture, fixed for all years so its figures have a
 * character: more or fewer complaints than its size suggests, a higher or lower share investigated and
 * upheld, for a handful of councils, answering the ombudsman's enquiries late in almost half of cases, and, once the
 * ombudsman considers its Complaint Handling Code, how often its own complaint handling is found to have failed the
 * Code ({@code codeFailures}: the share of its detailed investigations with a failure, 0 for some councils and for every
 * body that is not a council).
 */
record Traits(double volume, double investigatedShift, double upheldShift, boolean lateAnswers, double codeFailures) {

    /** Councils that answer late in almost half of cases. */
    static final int LATE_ANSWERING_COUNCILS = 10;

    /** The share of councils whose complaint handling is never found to have failed the Code. */
    static final double NO_CODE_FAILURES = 0.15;
    /** The typical council's share of investigations with a Code failure, and the most any council has. */
    static final double TYPICAL_CODE_FAILURES = 0.28;
    static final double MOST_CODE_FAILURES = 0.75;

    /**
     * Knowsley, the council of the demo's council account and of the README's examples, fails the Code at least as
     * often as the typical council, so that its 2026-27 letter and {@code stats --explain code-failures} have cases to show.
     */
    static final String SHOWCASE_COUNCIL = "E08000011";

    static Map<String, Traits> of(List<Organisation> register, ReportingYear lastYear, Chance chance) {
        List<String> late = chance.sample(register.stream()
                .filter(o -> o.isCouncil() && o.existsIn(lastYear))
                .map(Organisation::code)
                .toList(), LATE_ANSWERING_COUNCILS);
        Map<String, double[]> drawn = new HashMap<>();
        for (Organisation o : register) {
            double volume = StrictMath.exp(0.25 * chance.normal());
            double investigated = 0.025 * chance.normal();
            double upheld = 0.05 * chance.normal();
            drawn.put(o.code(), new double[] {volume, investigated, upheld});
        }
        // drawn after the others, so that adding the Code left every other trait of a seed as it was
        Map<String, Traits> traits = new HashMap<>();
        for (Organisation o : register) {
            double[] d = drawn.get(o.code());
            traits.put(o.code(), new Traits(d[0], d[1], d[2], late.contains(o.code()), codeFailures(o, chance)));
        }
        return traits;
    }

    /**
     * None for a body that is not a council, and for some councils; otherwise spread widely around the typical share
     * (the showcase council at least the typical share, drawn the same way as the others).
     */
    private static double codeFailures(Organisation o, Chance chance) {
        if (!o.isCouncil()) {
            return 0;
        }
        boolean none = chance.of(NO_CODE_FAILURES);
        double share = Math.min(MOST_CODE_FAILURES, TYPICAL_CODE_FAILURES * StrictMath.exp(0.55 * chance.normal()));
        if (o.code().equals(SHOWCASE_COUNCIL)) {
            return Math.max(share, TYPICAL_CODE_FAILURES);
        }
        return none ? 0 : share;
    }
}
