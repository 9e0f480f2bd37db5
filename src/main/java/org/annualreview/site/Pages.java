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

    static final org.springframework.http.MediaType HTML = new org.springframework.http.MediaType("text", "html",
            java.nio.charset.StandardCharsets.UTF_8);

    /** A page's model with what the layout needs: its title and the few-cases threshold. */
    static Map<String, Object> base(String title) {
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("title", title);
        model.put("few", CouncilRow.FEW);
        model.put("revisions", java.util.List.of());
        return model;
    }

    /** The revision banner of the years a page shows that were revised: "Revised on 3 December 2026: reason". */
    static void revised(Map<String, Object> model, java.util.Collection<org.annualreview.publication.Release> shown) {
        model.put("revisions", shown.stream().filter(org.annualreview.publication.Release::isRevision)
                .map(r -> Map.of("year", r.year().toString(), "label", r.revisedLabel(), "number", r.number())).toList());
    }

    org.springframework.http.ResponseEntity<String> page(String name, Map<String, Object> model) {
        return org.springframework.http.ResponseEntity.ok().contentType(HTML).body(render(name, model));
    }

    org.springframework.http.ResponseEntity<String> notFound() {
        return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND).contentType(HTML)
                .body(render("not-found", base("Page not found")));
    }

    /** The header navigation's item each page type is under (shown as the current one); others are under none. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(Map.entry("home", "/"), Map.entry("council", "/"),
            Map.entry("compare", "/"), Map.entry("counted", "/"), Map.entry("releases", "/"), Map.entry("search", "/councils"),
            Map.entry("decisions", "/decisions"), Map.entry("decision", "/decisions"), Map.entry("about", "/about-the-statistics"),
            Map.entry("api-docs", "/api/docs"));

    String render(String page, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            Map<String, Object> withSection = new java.util.HashMap<>(model);
            withSection.putIfAbsent("section", SECTIONS.getOrDefault(page, ""));
            engine.getTemplate(page).evaluate(out, withSection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
