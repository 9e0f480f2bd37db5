package org.annualreview.letters;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * {@code {{ course | lower | withArticle }}}: the words given after "a" or "an", as their first word sounds: "an effective
 * complaint handling course", "a children's social care course". Besides vowels and consonants it knows the usual
 * exceptions: a silent h ("an hour", "an honest"), a u or eu said "you" ("a university", "a user", "a European"),
 * "one" said "won" ("a one-off"), letters said one by one ("an MP", "an LGSCO", "a UK", "an A"), and numbers by how
 * they are said ("an 8", "an 11", "an 18", "an 80%", "an 11,000", "a 110").
 */
final class IndefiniteArticle implements Filter {

    static final String NAME = "withArticle";

    /** Letters whose name starts with a vowel sound: eff, aitch, ell, em, en, ar, ess, ex… */
    private static final String VOWEL_SOUNDING_LETTERS = "AEFHILMNORSX";
    private static final Set<String> SILENT_H = Set.of("hour", "honest", "honour", "honor", "heir", "herb");
    private static final List<String> SAID_YOU = List.of("uni", "usa", "use", "usi", "usu", "ute", "uti", "ura", "uri", "uro", "ubiq",
            "eu", "ewe", "uk");
    /** Words starting "uni" that start with "un-" as in "unable": an uninformed, an unimportant… */
    private static final List<String> UN_NOT_YOU = List.of("unim", "unin", "unid");
    /** How English words may start with two consonants: capitals starting so (STAR, SCRUTINY) are said as a word. */
    private static final Set<String> WORD_ONSETS = Set.of("bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kn", "ph", "pl",
            "pr", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr");
    private static final Pattern FIRST_WORD = Pattern.compile("[\\p{L}\\d][\\p{L}\\d,.]*");

    /** "a" or "an", for the words given. */
    static String article(String words) {
        Matcher first = FIRST_WORD.matcher(words);
        if (!first.find()) {
            return "a";
        }
        String word = first.group().replaceAll("[,.]+$", "");
        if (Character.isDigit(word.charAt(0))) {
            return number(word);
        }
        String letters = word.replaceAll("[^\\p{L}].*$", "");
        if (isSaidLetterByLetter(letters, words, first.end())) {
            return VOWEL_SOUNDING_LETTERS.indexOf(Character.toUpperCase(letters.charAt(0))) >= 0 ? "an" : "a";
        }
        return wordArticle(letters.toLowerCase(Locale.UK));
    }

    /** "an 8", "an 80", "an 800", "an 11", "an 18", "an 11,000", "an 18.5"; "a 1", "a 110", "a 1,100" (one thousand…). */
    private static String number(String number) {
        String whole = number.replaceAll("^([\\d,]*).*$", "$1").replace(",", "");
        if (whole.startsWith("8")) {
            return "an";
        }
        int lead = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        String said = whole.substring(0, lead);
        return said.equals("11") || said.equals("18") ? "an" : "a";
    }

    /**
     * Capitals said letter by letter: one letter alone ("an A", "an X-ray"), or two or more capitals with no vowel (NHS,
     * CQC) or starting with two consonants that start no English word (MP, LGSCO, HR, FBI). "SEND" and "SAR" (a consonant
     * and a vowel), "ICO" and "STAR" are said as words.
     */
    private static boolean isSaidLetterByLetter(String letters, String words, int end) {
        if (letters.length() == 1) {
            return Character.isUpperCase(letters.charAt(0)) || end >= words.length() || !Character.isLetter(words.charAt(end));
        }
        String capitals = letters.endsWith("s") ? letters.substring(0, letters.length() - 1) : letters;
        if (capitals.length() < 2 || !capitals.equals(capitals.toUpperCase(Locale.UK))) {
            return false;
        }
        String start = capitals.substring(0, 2).toLowerCase(Locale.UK);
        return capitals.chars().noneMatch(c -> isVowel((char) c) || c == 'Y')
                || !isVowel(start.charAt(0)) && !isVowel(start.charAt(1)) && start.charAt(1) != 'y' && !WORD_ONSETS.contains(start);
    }

    private static String wordArticle(String word) {
        if (SILENT_H.stream().anyMatch(word::startsWith)) {
            return "an";
        }
        if (word.equals("one") || word.equals("once") || word.startsWith("oneself")) {
            return "a";
        }
        if (SAID_YOU.stream().anyMatch(word::startsWith) && UN_NOT_YOU.stream().noneMatch(word::startsWith)) {
            return "a";
        }
        return isVowel(word.charAt(0)) ? "an" : "a";
    }

    private static boolean isVowel(char c) {
        return "aeiouAEIOU".indexOf(c) >= 0;
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
        if (input == null) {
            return "";
        }
        String words = input.toString();
        return words.isBlank() ? words : article(words) + " " + words;
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }
}
