package org.annualreview.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.annualreview.letters.Letters;
import org.annualreview.testing.ServedSite;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of answer the real server gives carries the same security headers, once each: pages, CSV, JSON, feeds,
 * static files, not-found pages and Spring's error page, answers kept by the page cache, 304s, the workspace's; a
 * letter as a web page has its own policy instead. The session cookie is SameSite and HttpOnly.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class SecurityHeadersIT {

    static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Parameter
    String databaseKind;

    ServedWorkspace workspace;

    @BeforeEach
    void serveWith2023To24Published() throws Exception {
        workspace = ServedWorkspace.start(databaseKind);
        Path published = Files.writeString(workspace.directory.resolve("published.md"), Files.readString(Path.of("templates/2023-24.md")));
        assertThat(workspace.cli("templates", "load", "--year", "2023-24", published.toString()).exitCode()).isZero();   // 24 July 2024
        workspace.publishByException("2023-24");
    }

    @AfterEach
    void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
        }
    }

    HttpResponse<Void> answer(Visitor visitor, HttpRequest.Builder request) throws Exception {
        return visitor.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(workspace.address() + path));
    }

    static void hasTheSecurityHeaders(HttpHeaders headers, String contentSecurityPolicy, String what) {
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("Content-Security-Policy")).as(what).containsExactly(contentSecurityPolicy);
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("no-referrer");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeadersOnce() throws Exception {
        Visitor visitor = workspace.visitor();
        record Route(String path, int status) {
        }
        List<Route> routes = List.of(new Route("/", 200), new Route("/", 200) /* kept by the page cache */,
                new Route("/councils/E08000011", 200), new Route("/councils/E08000011/decisions", 200), new Route("/councils?q=know", 200),
                new Route("/councils/E08000011/compare", 200), new Route("/about-the-statistics", 200),
                new Route("/data/statistics-2023-24.csv", 200), new Route("/councils/E08000011/decisions.csv", 200),
                new Route("/api/years", 200), new Route("/api/years/2023-24/councils/E08000011", 200), new Route("/api/openapi.json", 200),
                new Route("/feed.atom", 200), new Route("/councils/E08000011/feed.atom", 200), new Route("/sitemap.xml", 200),
                new Route("/robots.txt", 200), new Route("/councils/E08000011/letters/2023-24.pdf", 200),
                new Route("/css/site.css", 200), new Route("/js/sortable-table.js", 200),
                new Route("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css", 200),
                new Route("/councils/E99999999", 404), new Route("/data/statistics-2031-32.csv", 404), new Route("/no-such-page", 404),
                new Route("/monitoring-officers/register", 200), new Route("/login", 200), new Route("/workspace", 302));
        for (Route route : routes) {
            HttpResponse<Void> answer = answer(visitor, get(route.path()));
            assertThat(answer.statusCode()).as(route.path()).isEqualTo(route.status());
            hasTheSecurityHeaders(answer.headers(), POLICY, route.path());
        }

        HttpResponse<Void> page = answer(visitor, get("/councils/E08000011"));
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<Void> notModified = answer(visitor, get("/councils/E08000011").header("If-None-Match", etag));
        assertThat(notModified.statusCode()).isEqualTo(304);
        hasTheSecurityHeaders(notModified.headers(), POLICY, "304 Not Modified");
        HttpResponse<Void> gzipped = answer(visitor, get("/councils/E08000011").header("Accept-Encoding", "gzip"));
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        hasTheSecurityHeaders(gzipped.headers(), POLICY, "gzipped and kept");
        HttpResponse<Void> refused = answer(visitor, get("/").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(refused.statusCode()).as("the public site is GET-only").isEqualTo(405);
        hasTheSecurityHeaders(refused.headers(), POLICY, "405 from Spring's error page");

        Visitor analyst = workspace.signedIn(ServedWorkspace.ANALYST);
        hasTheSecurityHeaders(analyst.get("/workspace").headers(), POLICY, "a workspace page");
    }

    @Test
    void aLetterAsAWebPageHasItsOwnPolicyInsteadOfThePages() throws Exception {
        Visitor visitor = workspace.visitor();
        for (int i = 0; i < 2; i++) {   // made, then kept
            HttpResponse<Void> letter = answer(visitor, get("/councils/E08000011/letters/2023-24.html"));
            assertThat(letter.statusCode()).isEqualTo(200);
            hasTheSecurityHeaders(letter.headers(), Letters.WEB_PAGE_POLICY, "the site's letter");
        }
        Visitor analyst = workspace.signedIn(ServedWorkspace.ANALYST);
        hasTheSecurityHeaders(analyst.get("/workspace/organisations/E08000011/letters/2023-24.html").headers(), Letters.WEB_PAGE_POLICY,
                "the workspace's letter");
    }

    @Test
    void overHttpsTheSessionCookieIsSecureToo() throws Exception {
        Path keyStore = workspace.directory.resolve("site.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "site", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost").redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(said).isZero();
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);

        // ServedSite waits for an answer over http: Tomcat gives one (400) on a port that wants TLS
        try (ServedSite secure = ServedSite.start(workspace.databaseUrl, java.util.Map.of("server.ssl.key-store", "file:" + keyStore,
                "server.ssl.key-store-password", "changeit", "server.ssl.key-store-type", "PKCS12"))) {
            java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<Void> login = https.send(HttpRequest.newBuilder(URI.create(secure.address().replace("http:", "https:") + "/login")).build(),
                    HttpResponse.BodyHandlers.discarding());

            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().allValues("Set-Cookie")).singleElement().asString().startsWith("SESSION=")
                    .contains("; Secure", "; HttpOnly", "; SameSite=Lax");
            hasTheSecurityHeaders(login.headers(), POLICY, "over https");
        }
    }

    @Test
    void theSessionCookieIsSameSiteAndHttpOnly() throws Exception {
        Visitor visitor = workspace.visitor();
        HttpResponse<String> login = visitor.get("/login");
        assertThat(login.headers().allValues("Set-Cookie")).singleElement().asString().startsWith("SESSION=")
                .contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");

        HttpResponse<String> signedIn = visitor.post("/login", java.util.Map.of("username", ServedWorkspace.ANALYST,
                "password", ServedWorkspace.PASSWORD, "_csrf", Visitor.csrf(login.body())));
        assertThat(Visitor.location(signedIn)).endsWith("/workspace");
        assertThat(signedIn.headers().allValues("Set-Cookie")).as("the new session, after signing in").singleElement().asString()
                .startsWith("SESSION=").contains("; HttpOnly", "; SameSite=Lax");
    }
}
