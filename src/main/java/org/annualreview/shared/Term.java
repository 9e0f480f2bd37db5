package org.annualreview.shared;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
        Map<String, Enum<?>> byWord = Lookup.WORDS.get(type);
        Enum<?> exact = byWord.get(text);
        return Optional.ofNullable(type.cast(exact != null ? exact : byWord.get(normalise(text))));
    }

    /** Each vocabulary's codes, normalised labels and labels, built once per vocabulary. */
    final class Lookup {
        private static final ClassValue<Map<String, Enum<?>>> WORDS = new ClassValue<>() {
            @Override
            protected Map<String, Enum<?>> computeValue(Class<?> type) {
                Map<String, Enum<?>> words = new HashMap<>();
                for (Object constant : type.getEnumConstants()) {
                    Term term = (Term) constant;
                    words.put(term.code(), (Enum<?>) constant);
                    words.put(normalise(term.label()), (Enum<?>) constant);
                    words.putIfAbsent(term.label(), (Enum<?>) constant);
                }
                return Map.copyOf(words);
            }
        };

        private static final ClassValue<String[]> CODES = new ClassValue<>() {
            @Override
            protected String[] computeValue(Class<?> type) {
                return Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toArray(String[]::new);
            }
        };

        private Lookup() {
        }
    }

    static <T extends Enum<T> & Term> T byCode(Class<T> type, String code) {
        return find(type, code).orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " code " + code));
    }

    static <T extends Enum<T> & Term> String allowed(Class<T> type) {
        return Arrays.stream(type.getEnumConstants()).map(Term::label).collect(Collectors.joining(", "));
    }

    /** The code of a constant named like the code ({@code NOT_UPHELD} is {@code not-upheld}), made once per constant. */
    static String codeFromName(Enum<?> constant) {
        return Lookup.CODES.get(constant.getDeclaringClass())[constant.ordinal()];
    }
}
