package org.annualreview.statistics;

import org.annualreview.shared.PerHundredThousand;
import org.annualreview.shared.Rate;

/**
 * How each key figure is written wherever it appears (command line, letters, site): whole percent or one
 * decimal, and the words that stand in when there was nothing to divide by.
 */
public final class Shown {

    public static final String NO_INVESTIGATIONS = "no investigations";
    public static final String NO_RECOMMENDATIONS_DUE = "no recommendations due for compliance";
    public static final String NO_UPHELD_COMPLAINTS = "no upheld complaints";
    public static final String NO_ENQUIRIES = "no enquiries";
    public static final String NO_POPULATION = "no population estimate";

    private Shown() {
    }

    public static String upheld(Rate upheld) {
        return upheld.describeOr(NO_INVESTIGATIONS);
    }

    public static String perHundredThousand(PerHundredThousand figure) {
        return figure.describeOr(NO_POPULATION);
    }

    public static String compliance(Rate compliance) {
        return compliance.describeOr(NO_RECOMMENDATIONS_DUE);
    }

    public static String satisfactoryRemedy(Rate remedy) {
        return remedy.describeOr(NO_UPHELD_COMPLAINTS);
    }

    public static String lateEnquiries(Rate late) {
        return late.describeOr(NO_ENQUIRIES);
    }

    /** "83% (10 of 12)", or the words alone. */
    public static String withCounts(Rate rate, String whenUndefined) {
        return rate.wholePercent().map(p -> p + "% (" + rate.numerator() + " of " + rate.denominator() + ")").orElse(whenUndefined);
    }
}
