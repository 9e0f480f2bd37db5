package org.annualreview.shared;

import java.util.Locale;

/**
 * Words a person typed to find, as an SQL LIKE pattern that matches them anywhere in lower case: the % and _ they
 * type are the characters themselves, escaped with !, as the {@link #ESCAPE} clause after each {@code like ?} says.
 */
public final class Containing {

    /** What follows {@code like ?} for the pattern to read its escapes. */
    public static final String ESCAPE = " escape '!'";

    private Containing() {
    }

    public static String pattern(String words) {
        return "%" + words.toLowerCase(Locale.UK).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
