package org.annualreview.letters;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * The part of Pebble a letter template may use (docs/templates.md): its fields; {@code if}, {@code for} and
 * {@code set}; the filters {@link #FILTERS}; the test {@code empty}. Nothing else is in the engine: no functions
 * ({@code range}, {@code i18n}…), no other tags ({@code include}, {@code import}, {@code macro}…), no method of any
 * value but the fields of {@link LetterFields}. {@link FieldCheck} refuses anything else when the template is
 * loaded, naming the line; this engine is the second wall. A letter is at most {@link #MOST_CHARACTERS} long and
 * repeats at most as {@link RepeatLimit} allows.
 */
final class TemplateLanguage {

    static final Set<String> TAGS = Set.of("if", "for", "set");
    static final Set<String> FILTERS = Set.of("lower", "upper", "words", "join", "length", IndefiniteArticle.NAME);
    static final Set<String> TESTS = Set.of("empty");
    /** The longest letter (its Markdown), and the longest template: ours are under 7,000. */
    static final int MOST_CHARACTERS = 100_000;

    /** What {@code loop} has inside a repeat. */
    static final List<String> LOOP_FIELDS = List.of("index", "revindex", "first", "last", "length");
    private static final Pattern UNKNOWN_TAG = Pattern.compile("Unexpected tag name \"([^\"]*)\"");
    private static final Pattern VERBATIM = Pattern.compile("\\{%-?\\s*verbatim\\b");
    private static final Pattern TOO_LONG = Pattern.compile("Tried to write more than \\d+ chars\\.");

    private TemplateLanguage() {
    }

    /** An engine that reads templates from the loader given, and checks each with {@link FieldCheck}. */
    static PebbleEngine engine(String file, Loader<?> loader) {
        return engine(file, loader, new HashMap<>());
    }

    /** The same, noting in {@code named} each field a template names, with the first line naming it. */
    static PebbleEngine engine(String file, Loader<?> loader, Map<String, Integer> named) {
        return new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(false)          // the output is Markdown; the HTML made from it is cleaned
                .newLineTrimming(false)       // Pebble's trimming would also join a line ending in {{ field }} to the next
                .cacheActive(false)
                .maxRenderedSize(MOST_CHARACTERS)
                .methodAccessValidator(TemplateLanguage::isFieldOfALetter)
                .registerExtensionCustomizer(OnlyWhatALetterUses::new)
                .extension(new LetterExtension(file, named))
                .build();
    }

    /**
     * Refuses, before Pebble reads it, what Pebble would take for text: a {@code verbatim} tag. Also a template too
     * long to be a letter.
     */
    static void checkSource(String file, String body) {
        if (body.length() > MOST_CHARACTERS) {
            throw new BadTemplate(file, 0, "the template is longer than " + String.format(java.util.Locale.UK, "%,d", MOST_CHARACTERS)
                    + " characters: a letter's template is a few thousand");
        }
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (VERBATIM.matcher(lines[i]).find()) {
                throw refusedTag(file, i + 1, "verbatim");
            }
        }
    }

    /** Pebble's own message for what it refused, in our words where Pebble's are about Pebble. */
    static BadTemplate problem(String file, PebbleException e) {
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        String message = e.getPebbleMessage();
        Matcher tag = UNKNOWN_TAG.matcher(message == null ? "" : message);
        if (tag.matches()) {
            String name = tag.group(1);
            if (Set.of("else", "elseif", "endif", "endfor").contains(name)) {
                return new BadTemplate(file, line, "{% " + name + " %} here belongs to no {% if %} or {% for %}");
            }
            return refusedTag(file, line, name);
        }
        if (message != null && TOO_LONG.matcher(message).matches()) {
            return new BadTemplate(file, line, "this letter would be longer than " + String.format(java.util.Locale.UK, "%,d", MOST_CHARACTERS)
                    + " characters, so it was stopped: a letter is a few thousand");
        }
        return new BadTemplate(file, line, message);
    }

    static BadTemplate refusedTag(String file, int line, String name) {
        return new BadTemplate(file, line, "the tag '" + name + "' is not one a letter may use: a template has {% if %},"
                + " {% for %} and {% set %} (docs/templates.md)");
    }

    /**
     * Pebble reaches a field by calling its method: allowed only for the fields of {@link LetterFields} and its
     * records, and for {@code loop.index} and the like. No other method of any value can be called.
     */
    static boolean isFieldOfALetter(Object object, Method method) {
        if (method.getParameterCount() != 0) {
            return false;
        }
        if (isLetterRecord(object)) {
            return Arrays.stream(object.getClass().getRecordComponents()).map(RecordComponent::getAccessor).anyMatch(method::equals);
        }
        return object instanceof ForNode.LoopVariables && method.getDeclaringClass() == ForNode.LoopVariables.class
                && LOOP_FIELDS.stream().anyMatch(name -> method.getName().equalsIgnoreCase("get" + name)
                        || method.getName().equalsIgnoreCase("is" + name));
    }

    private static boolean isLetterRecord(Object object) {
        Class<?> type = object.getClass();
        return type.isRecord() && (type == LetterFields.class || type.getEnclosingClass() == LetterFields.class);
    }

    /** Pebble's own extensions, with only the tags, filters and tests a letter uses, no functions and no globals. */
    private static final class OnlyWhatALetterUses extends ExtensionCustomizer {

        OnlyWhatALetterUses(Extension pebbles) {
            super(pebbles);
        }

        @Override
        public List<TokenParser> getTokenParsers() {
            List<TokenParser> all = super.getTokenParsers();
            return all == null ? null : all.stream().filter(t -> TAGS.contains(t.getTag()) && !t.getTag().equals("for")).toList();
        }

        @Override
        public Map<String, Filter> getFilters() {
            return only(super.getFilters(), FILTERS::contains);
        }

        @Override
        public Map<String, Test> getTests() {
            return only(super.getTests(), TESTS::contains);
        }

        @Override
        public Map<String, Function> getFunctions() {
            return Map.of();
        }

        @Override
        public Map<String, Object> getGlobalVariables() {
            return Map.of();
        }

        /** Pebble looks up attributes only on the letter's records and a repeat's {@code loop}. */
        @Override
        public List<AttributeResolver> getAttributeResolver() {
            List<AttributeResolver> all = super.getAttributeResolver();
            return all == null ? null : all.stream().<AttributeResolver>map(resolver ->
                    (instance, name, arguments, node, context, file, line) ->
                            instance != null && (isLetterRecord(instance) || instance instanceof ForNode.LoopVariables)
                                    ? resolver.resolve(instance, name, arguments, node, context, file, line)
                                    : null).toList();
        }

        private static <T> Map<String, T> only(Map<String, T> all, Predicate<String> allowed) {
            if (all == null) {
                return null;
            }
            Map<String, T> kept = new HashMap<>(all);
            kept.keySet().removeIf(allowed.negate());
            return kept;
        }
    }

    /** The field check, the counted {@code for}, and the filters letters need beyond Pebble's own. */
    private static final class LetterExtension extends AbstractExtension {
        private final String file;
        private final Map<String, Integer> named;

        LetterExtension(String file, Map<String, Integer> named) {
            this.file = file;
            this.named = named;
        }

        @Override
        public List<NodeVisitorFactory> getNodeVisitors() {
            return List.of(template -> new FieldCheck((PebbleTemplateImpl) template, file, named));
        }

        @Override
        public List<TokenParser> getTokenParsers() {
            return List.of(new RepeatLimit.ForTag());
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("words", new NumberInWords(), IndefiniteArticle.NAME, new IndefiniteArticle());
        }
    }
}
