package org.annualreview.letters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

/**
 * A reporting year's letter, as the ombudsman's staff write it: settings between {@code ---} lines, then the
 * letter in Markdown with Pebble's {@code {{ field }}} and {@code {% if %}} (docs/templates.md). Compiling it
 * checks the syntax and every field name, on every branch, before any letter is written.
 */
public final class LetterTemplate {

    private final String file;
    private final TemplateSettings settings;
    private final PebbleTemplate compiled;

    private LetterTemplate(String file, TemplateSettings settings, PebbleTemplate compiled) {
        this.file = file;
        this.settings = settings;
        this.compiled = compiled;
    }

    /** Reads and checks a template; throws {@link BadTemplate} naming the file and line of the first problem. */
    public static LetterTemplate compile(String file, String source) {
        TemplateSettings.Split split = TemplateSettings.split(file, source);
        MemoryLoader loader = new MemoryLoader();
        loader.addTemplate(file, tagLinesTakeNoLine(split.body()));
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(false)          // the output is Markdown; the HTML made from it is cleaned
                .newLineTrimming(false)       // Pebble's trimming would also join a line ending in {{ field }} to the next
                .cacheActive(false)
                .extension(new LetterExtension(file))
                .build();
        try {
            return new LetterTemplate(file, split.settings(), engine.getTemplate(file));
        } catch (BadTemplate e) {
            throw e;
        } catch (PebbleException e) {
            throw new BadTemplate(file, e.getLineNumber() == null ? 0 : e.getLineNumber(), e.getPebbleMessage());
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
        StringWriter out = new StringWriter();
        try {
            compiled.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PebbleException e) {
            throw new BadTemplate(file, e.getLineNumber() == null ? 0 : e.getLineNumber(), e.getPebbleMessage());
        }
        return out.toString();
    }

    /** The field check, and the filters letters need beyond Pebble's own. */
    private static final class LetterExtension extends AbstractExtension {
        private final String file;

        LetterExtension(String file) {
            this.file = file;
        }

        @Override
        public List<NodeVisitorFactory> getNodeVisitors() {
            return List.of(template -> new FieldCheck((PebbleTemplateImpl) template, file));
        }

        @Override
        public Map<String, Filter> getFilters() {
            return Map.of("words", new NumberInWords());
        }
    }
}
