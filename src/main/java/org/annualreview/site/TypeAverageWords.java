package org.annualreview.site;

import org.annualreview.shared.Rate;
import org.annualreview.statistics.Shown;

/** A rate as the site writes it: a whole percent, or "no investigations" with nothing to divide by. */
final class TypeAverageWords {

    private TypeAverageWords() {
    }

    static String percent(long upheld, long investigated) {
        return Shown.upheld(new Rate(upheld, investigated));
    }
}
