package org.annualreview.workspace;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.Loader;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The workspace's pages: Pebble templates under workspace/ on the classpath (then the site's under site/, for the
 * macros they share), every value HTML-escaped.
 */
final class WorkspacePages {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final PebbleEngine engine;
    private final org.springframework.http.HttpStatusCode status;

    WorkspacePages() {
        this(HttpStatus.OK, null);
    }

    private WorkspacePages(org.springframework.http.HttpStatusCode status, PebbleEngine engine) {
        this.status = status;
        if (engine != null) {
            this.engine = engine;
            return;
        }
        ClasspathLoader workspace = new ClasspathLoader();
        workspace.setPrefix("workspace/");
        workspace.setSuffix(".peb");
        // the site's templates after the workspace's own: a page of the workspace imports the site's pagination macro
        ClasspathLoader site = new ClasspathLoader();
        site.setPrefix("site/");
        site.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder().loader(new DelegatingLoader(List.<Loader<?>>of(workspace, site))).strictVariables(true).autoEscaping(true)
                .build();
    }

    /** A page's model with what the layout needs: its title, and the CSRF field every form (sign out too) carries. */
    static Map<String, Object> base(String title, HttpServletRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.put("csrfName", csrf == null ? "_csrf" : csrf.getParameterName());
        model.put("csrfToken", csrf == null ? "" : csrf.getToken());
        model.put("signedIn", request.getUserPrincipal() != null);
        return model;
    }

    ResponseEntity<String> page(String name, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            Map<String, Object> withSection = new java.util.HashMap<>(model);
            // the header navigation's item the page is under: changing your password, else the workspace (an error page none)
            withSection.putIfAbsent("section", name.startsWith("password") || name.equals("new-password") ? "/workspace/password"
                    : name.equals("error") || name.equals("not-found") ? "" : "/workspace");
            engine.getTemplate(name).evaluate(out, withSection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.status(status).contentType(HTML).body(out.toString());
    }

    /** The page not found, for an address that names nothing, or nothing the account may see. */
    ResponseEntity<String> notFound(HttpServletRequest request) {
        return status(HttpStatus.NOT_FOUND).page("not-found", base("Page not found", request));
    }

    /** The same page, answered as forbidden: the account may see the thing but not change it. */
    ResponseEntity<String> forbidden(HttpServletRequest request) {
        return status(HttpStatus.FORBIDDEN).page("not-found", base("Page not found", request));
    }

    /** After a form's change: the browser asks for the page that shows it (POST, then redirect, then GET). */
    static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", location).build();
    }

    /** The same pages, answered with another status (an error report, a page not found). */
    WorkspacePages status(org.springframework.http.HttpStatusCode other) {
        return new WorkspacePages(other, engine);
    }
}
