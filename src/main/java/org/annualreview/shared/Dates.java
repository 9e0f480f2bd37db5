package org.annualreview.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people read them in pages and letters: "30 March 2026" (GOV.UK style), never 2026-03-30. */
public final class Dates {

    /** "30 March 2026". */
    public static final DateTimeFormatter IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String inWords(LocalDate day) {
        return IN_WORDS.format(day);
    }
}
