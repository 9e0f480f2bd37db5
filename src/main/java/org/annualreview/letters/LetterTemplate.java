package org.annualreview.letters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * A reporting year's letter, as the ombudsman's staff write it: settings between {@code ---} lines, then the
 * letter in Markdown with Pebble's {@code {{ field }}} and {@code {% if %}} (docs/templates.md). Compiling it
 * checks the syntax and every field name, on every branch, before any letter is written, and that it uses only
 * what a letter may ({@link TemplateLanguage}); writing a letter stops if it repeats too much ({@link RepeatLimit}).
 */
public final class LetterTemplate {

    private final String file;
    private final TemplateSettings settings;
    private final PebbleTemplate compiled;
    private final Map<String, Integer> named;

    private LetterTemplate(String file, TemplateSettings settings, PebbleTemplate compiled, Map<String, Integer> named) {
        this.file = file;
        this.settings = settings;
        this.compiled = compiled;
        this.named = Map.copyOf(named);
    }

    /** Reads and checks a template; throws {@link BadTemplate} naming the file and line of the first problem. */
    public static LetterTemplate compile(String file, String source) {
        TemplateSettings.Split split = TemplateSettings.split(file, source);
        TemplateLanguage.checkSource(file, split.body());
        MemoryLoader loader = new MemoryLoader();
        loader.addTemplate(file, tagLinesTakeNoLine(split.body()));
        Map<String, Integer> named = new java.util.HashMap<>();
        PebbleEngine engine = TemplateLanguage.engine(file, loader, named);
        try {
            PebbleTemplate compiled = engine.getTemplate(file);
            return new LetterTemplate(file, split.settings(), compiled, named);
        } catch (BadTemplate e) {
            throw e;
        } catch (PebbleException e) {
            throw TemplateLanguage.problem(file, e);
        }
    }

    private static final java.util.regex.Pattern TAG_LINE = java.util.regex.Pattern.compile("(?m)^[ \\t]*(\\{%[^\\n]*?%\\})[ \\t]*\\n");

    /**
     * A line holding only a {@code {% tag %}} leaves no empty line behind: its line break moves into a Pebble
     * comment, so that line numbers stay those of the file.
     */
    static String tagLinesTakeNoLine(String body) {
        return TAG_LINE.matcher(body).replaceAll("$1{#\n#}");
    }

    public String file() {
        return file;
    }

    public TemplateSettings settings() {
        return settings;
    }

    /**
     * The first line of the template naming a field ({@code letter.banner}, {@code scheme.workshopsLastYear}), on any
     * branch, whether or not a letter's data takes that branch; empty if it names it nowhere.
     */
    java.util.OptionalInt lineNaming(String field) {
        Integer line = named.get(field);
        return line == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(line);
    }

    /** The letter's Markdown for one organisation's fields. */
    public String render(LetterFields fields) {
        Map<String, Object> context = new java.util.HashMap<>();
        for (var component : LetterFields.class.getRecordComponents()) {
            try {
                context.put(component.getName(), component.getAccessor().invoke(fields));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        context.put(RepeatLimit.KEY, new RepeatLimit(file));
        StringWriter out = new StringWriter();
        try {
            compiled.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PebbleException e) {
            throw TemplateLanguage.problem(file, e);
        }
        return out.toString();
    }
}
