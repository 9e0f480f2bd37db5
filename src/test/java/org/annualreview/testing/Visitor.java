package org.annualreview.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser of one person over HTTP: its own cookies, never following redirects, so that each answer can be checked. */
public final class Visitor {

    public final HttpClient http;
    private final String site;

    public Visitor(String site) {
        this(site, HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Visitor(String site, HttpClient http) {
        this.site = site;
        this.http = http;
    }

    /** The same visitor, with the same cookies, reaching another address (another node of the same site). */
    public Visitor at(String otherSite) {
        return new Visitor(otherSite, http);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return post(path, form.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** A form posted with its fields in order; a name may repeat. */
    public HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) throws Exception {
        String body = form.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(site + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect's Location on this site. */
    public HttpResponse<String> follow(HttpResponse<?> redirect) throws Exception {
        return get(location(redirect).replace(site, ""));
    }

    /** Uploads files as the import form does: multipart, with the page's CSRF token. */
    public HttpResponse<String> upload(String path, String csrf, Map<String, String> files) throws Exception {
        Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
        files.forEach((name, content) -> bytes.put(name, content.getBytes(StandardCharsets.UTF_8)));
        return uploadBytes(path, csrf, bytes);
    }

    /** Uploads files of any kind (an XLSX workbook) as the import form does. */
    public HttpResponse<String> uploadBytes(String path, String csrf, Map<String, byte[]> files) throws Exception {
        String boundary = "----annual-review-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String type = file.getKey().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(site + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as the login form does, with the form's CSRF token; returns the answer to the form. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        return post("/login", Map.of("username", username, "password", password, "_csrf", csrf(get("/login").body())));
    }

    /** The CSRF token of a page's forms. */
    public static String csrf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
