package org.annualreview.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A word from the ombudsman's vocabulary: stored as a short code ({@code not-upheld}), shown as a label
 * ({@code Not upheld}). Files may use either, in any case, with spaces, hyphens or underscores.
 */
public interface Term {

    String code();

    String label();

    static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replaceAll("[\\s_]+", "-")
                .replace("&", "and");
    }

    static <T extends Enum<T> & Term> Optional<T> find(Class<T> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = normalise(text);
        return Arrays.stream(type.getEnumConstants())
                .filter(t -> t.code().equals(wanted) || normalise(t.label()).equals(wanted))
                .findFirst();
    }

    static <T extends Enum<T> & Term> T byCode(Class<T> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " code " + code));
    }

    static <T extends Enum<T> & Term> String allowed(Class<T> type) {
        return Arrays.stream(type.getEnumConstants()).map(Term::label).collect(Collectors.joining(", "));
    }

    static String codeFromName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
