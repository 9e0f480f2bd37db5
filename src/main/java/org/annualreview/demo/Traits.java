package org.annualreview.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.shared.ReportingYear;

/**
 * How one organisation differs from the national picture, fixed for all years so its figures have a
 * character: more or fewer complaints than its size suggests, a higher or lower share investigated and
 * upheld, and, for a handful of councils, answering the ombudsman's enquiries late in almost half of cases.
 */
record Traits(double volume, double investigatedShift, double upheldShift, boolean lateAnswers) {

    /** Councils that answer late in almost half of cases. */
    static final int LATE_ANSWERING_COUNCILS = 10;

    static Map<String, Traits> of(List<Organisation> register, ReportingYear lastYear, Chance chance) {
        List<String> late = chance.sample(register.stream()
                .filter(o -> o.isCouncil() && o.existsIn(lastYear))
                .map(Organisation::code)
                .toList(), LATE_ANSWERING_COUNCILS);
        Map<String, Traits> traits = new HashMap<>();
        for (Organisation o : register) {
            double volume = StrictMath.exp(0.25 * chance.normal());
            double investigated = 0.025 * chance.normal();
            double upheld = 0.05 * chance.normal();
            traits.put(o.code(), new Traits(volume, investigated, upheld, late.contains(o.code())));
        }
        return traits;
    }
}
