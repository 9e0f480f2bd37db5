package org.annualreview.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.annualreview.shared.ReportingYear;

/**
 * Whether a year may be published: every council sent a letter has its latest letter approved and sent, unless an
 * administrator recorded an exception for it. Each list names the councils (by name) still holding it back.
 */
public record Readiness(ReportingYear year, int councils, List<String> notWritten, List<String> unapproved, List<String> unsent,
        Map<String, String> exceptions) {

    public boolean ready() {
        return councils > 0 && notWritten.isEmpty() && unapproved.isEmpty() && unsent.isEmpty();
    }

    /** What still holds publication back, in words, one line each; none when ready. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (councils == 0) {
            missing.add("No council has figures in " + year + ": there is nothing to publish");
        }
        add(missing, notWritten, "has no letter written", "have no letter written");
        add(missing, unapproved, "has a letter awaiting approval", "have letters awaiting approval");
        add(missing, unsent, "has an approved letter not yet sent", "have approved letters not yet sent");
        return missing;
    }

    private static void add(List<String> missing, List<String> councils, String one, String many) {
        if (councils.isEmpty()) {
            return;
        }
        String named = String.join(", ", councils.subList(0, Math.min(5, councils.size())))
                + (councils.size() > 5 ? " and " + (councils.size() - 5) + " more" : "");
        missing.add(councils.size() == 1 ? "1 council " + one + " (" + named + ")"
                : String.format("%,d councils %s (%s)", councils.size(), many, named));
    }
}
