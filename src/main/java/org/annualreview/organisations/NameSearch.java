package org.annualreview.organisations;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Council names as people type them: "Kings Lynn" finds "King's Lynn and West Norfolk", "St Albans" finds "St. Albans"
 * and "Brighton and Hove" finds "Brighton & Hove". Both the name and the words searched for are brought to one form:
 * lower case, accents and apostrophes dropped, "&amp;" read as "and", "st." as "st", other punctuation as a space.
 */
public final class NameSearch {

    private NameSearch() {
    }

    /** Whether the name holds the words searched for (both in the one form); blank words find nothing. */
    public static boolean matches(String name, String words) {
        String wanted = normalise(words);
        return !wanted.isEmpty() && normalise(name).contains(wanted);
    }

    /** The one form: "King's Lynn & West Norfolk" becomes "kings lynn and west norfolk". */
    public static String normalise(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.UK);
        plain = plain.replaceAll("['\u2019\u2018`]", "").replace("&", " and ");
        plain = plain.replaceAll("[^\\p{L}\\p{N}]+", " ");
        return plain.strip().replaceAll(" +", " ");
    }
}
