package org.annualreview.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

/** The site's HTML pages: Pebble templates under site/ on the classpath, every value HTML-escaped. */
final class Pages {

    private final PebbleEngine engine;

    Pages() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("site/");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(true).autoEscaping(true).build();
    }

    String render(String page, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(page).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
