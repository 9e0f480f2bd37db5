package org.annualreview.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps each rendered page, file and API answer of the site for a few seconds, so that a council page asked for
 * a thousand times a second is worked out once. An answer is kept only under the published releases it was made
 * under: when a publication day starts, a revision is issued or a year is withdrawn, the next request (within a
 * second) finds the published releases changed and every kept answer is dropped, so the embargo holds exactly as without it.
 * Records imported or letters written by another process show within the seconds kept. It stands outside the
 * ETag filter: the ETag is worked out when an answer is made, and compared here for each reader. It stands outside the
 * sessions and the workspace's security chain too (only the security headers' filter comes before it): a kept answer
 * is sent without reading a session or matching the workspace's paths, and an answer that sets a cookie is never kept.
 */
public final class PageCache extends OncePerRequestFilter {

    /** Larger answers (a year's decisions as CSV) are made each time. */
    private static final int LARGEST_KEPT = 2 * 1024 * 1024;
    private static final Duration PUBLISHED_YEARS_CHECKED_EVERY = Duration.ofSeconds(1);
    /** Tomcat's request attributes for sending a file with sendfile (as its DefaultServlet does for static files). */
    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILE = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    /** Answers at least this large are also written to a file, for Tomcat to send with sendfile. */
    private static final int SENT_FROM_FILE_FROM = 16 * 1024;

    /**
     * An answer as made, and gzipped once if it is text worth compressing (else null); with no body, a sign that
     * the answer is made for each request (too large, or not a page). A large one is also in a file (else null),
     * plain and gzipped, which the server can hand to the operating system to send (sendfile) without copying.
     */
    private record Kept(int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] gzipped, Path file, Path gzippedFile) {

        static final Kept MADE_EACH_TIME = new Kept(0, List.of(), null, null, null, null);

        static Kept of(int status, List<Map.Entry<String, String>> headers, String contentType, byte[] body, Path folder) {
            boolean text = contentType != null && (contentType.startsWith("text/") || contentType.contains("json")
                    || contentType.contains("xml"));
            byte[] gzipped = text && body.length >= 1024 ? gzip(body) : null;
            return new Kept(status, headers, body, gzipped, file(folder, body), gzipped == null ? null : file(folder, gzipped));
        }

        /**
         * Bytes of 16 KB or more in a file named by their SHA-256: written once, never changed, so a file being sent
         * stays whole. Smaller ones are quicker written from memory (null).
         */
        private static Path file(Path folder, byte[] bytes) {
            if (folder == null || bytes.length < SENT_FROM_FILE_FROM) {
                return null;
            }
            try {
                String name = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                Path file = folder.resolve(name);
                if (!Files.exists(file)) {
                    Path part = Files.createTempFile(folder, name, ".part");
                    Files.write(part, bytes);
                    Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return file;
            } catch (IOException e) {
                return null;   // sent from memory instead
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] gzip(byte[] body) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4);
            try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
                gzip.write(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    private record Version(List<Long> published, Instant checkedAt) {
    }

    private final Publication publication;
    private final Clock clock;
    private final AsyncCache<String, Kept> kept;
    private volatile Version version;
    private final Path folder;

    /** Kept in memory only. */
    public PageCache(Publication publication, Clock clock, Duration keptFor, long megabytes) {
        this(publication, clock, keptFor, megabytes, null);
    }

    /**
     * Kept in memory and, for answers of 16 KB or more, in files under {@code folder} too (null: none), which a
     * server that can (Tomcat's NIO connector on Linux) sends with sendfile.
     */
    public PageCache(Publication publication, Clock clock, Duration keptFor, long megabytes, Path folder) {
        this.publication = publication;
        this.clock = clock;
        this.folder = folder;
        this.kept = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000).expireAfterWrite(keptFor)
                .maximumWeight(megabytes * 1024 * 1024)
                .weigher((String key, Kept k) -> key.length() + (k.body() == null ? 0 : k.body().length)
                        + (k.gzipped() == null ? 0 : k.gzipped().length)).buildAsync();
    }

    /**
     * Static files have their own caching; the workspace's pages differ by who is signed in, and the monitoring
     * officers' registration answers each person: neither is ever kept.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/workspace") || path.startsWith("/workspace/") || path.equals("/login") || path.equals("/logout")
                || path.startsWith("/monitoring-officers/") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        checkPublishedYears();
        String key = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        java.util.concurrent.CompletableFuture<Kept> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Kept> found = kept.get(key, (k, executor) -> mine);
        if (found != mine) {
            // made already, or being made by another request: wait for it rather than make it a hundred times at once
            Kept hit;
            try {
                hit = found.join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
                hit = Kept.MADE_EACH_TIME;
            }
            if (hit.body() == null) {
                chain.doFilter(request, response);
            } else {
                write(hit, request, response, true);
            }
            return;
        }
        try {
            make(key, request, response, chain, mine);
        } finally {
            if (!mine.isDone()) {   // the page failed: dropped from the cache, and whoever waits for it makes it again
                mine.completeExceptionally(new IllegalStateException("not made: " + key));
            }
        }
    }

    /** Makes the answer, keeps it if it may be kept (completing {@code mine} for anyone waiting), and sends it. */
    private void make(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            java.util.concurrent.CompletableFuture<Kept> mine) throws ServletException, IOException {
        Version before = version;
        ContentCachingResponseWrapper made = new ContentCachingResponseWrapper(response);
        chain.doFilter(new WholeAnswer(request), made);
        int status = made.getStatus();
        if (!made.getHeaders("Set-Cookie").isEmpty()) {
            // one reader's cookie (a session begun or renewed on the way): the answer is theirs alone, never kept; whoever
            // waits for it makes their own, and the next reader too
            mine.complete(Kept.MADE_EACH_TIME);
            kept.asMap().remove(key, mine);
            made.copyBodyToResponse();
        } else if ((status == 200 || status == 404) && made.getContentSize() <= LARGEST_KEPT
                && before.published().equals(version.published())) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : made.getHeaderNames()) {
                if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Encoding")) {
                    made.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
                }
            }
            if (made.getContentType() != null && made.getHeader("Content-Type") == null) {
                headers.add(Map.entry("Content-Type", made.getContentType()));
            }
            Kept answer = Kept.of(status, List.copyOf(headers), made.getContentType(), made.getContentAsByteArray(), folder);
            mine.complete(answer);
            write(answer, request, response, false);   // the headers are on the response already
        } else {
            mine.complete(Kept.MADE_EACH_TIME);
            made.copyBodyToResponse();
        }
    }

    /**
     * A kept answer, or 304 Not Modified when the reader already has it: the ETag filter inside made the ETag once,
     * and it is compared here so that a kept page is not hashed again on every request.
     */
    private static void write(Kept answer, HttpServletRequest request, HttpServletResponse response, boolean withHeaders)
            throws IOException {
        String etag = answer.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag")).map(Map.Entry::getValue).findFirst().orElse(null);
        boolean notModified = answer.status() == 200 && etag != null && matches(request.getHeaders("If-None-Match"), etag);
        response.setStatus(notModified ? HttpServletResponse.SC_NOT_MODIFIED : answer.status());
        if (withHeaders) {   // as made: each replaces one of its name already on the response (the security headers)
            java.util.Set<String> replaced = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            answer.headers().forEach(h -> {
                if (replaced.add(h.getKey())) {
                    response.setHeader(h.getKey(), h.getValue());
                } else {
                    response.addHeader(h.getKey(), h.getValue());
                }
            });
        }
        if (notModified) {
            return;
        }
        byte[] body = answer.body();
        Path file = answer.file();
        if (answer.gzipped() != null) {
            response.addHeader("Vary", "Accept-Encoding");
            if (acceptsGzip(request)) {   // compressed once when kept, not on every request
                response.setHeader("Content-Encoding", "gzip");
                body = answer.gzipped();
                file = answer.gzippedFile();
            }
        }
        response.setContentLength(body.length);
        if (file != null && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            request.setAttribute(SENDFILE_FILE, file.toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, (long) body.length);
            return;
        }
        response.getOutputStream().write(body);
    }

    /** Whether the reader takes gzip: named in Accept-Encoding, and not with q=0. */
    static boolean acceptsGzip(HttpServletRequest request) {
        java.util.Enumeration<String> values = request.getHeaders("Accept-Encoding");
        while (values.hasMoreElements()) {
            for (String coding : values.nextElement().split(",")) {
                String[] parts = coding.strip().split(";");
                if (parts[0].strip().equalsIgnoreCase("gzip")) {
                    return !(parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?"));
                }
            }
        }
        return false;
    }

    /** Weak comparison (RFC 9110, 13.1.2): the same tag with or without W/, or *. */
    private static boolean matches(java.util.Enumeration<String> ifNoneMatch, String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        while (ifNoneMatch.hasMoreElements()) {
            for (String candidate : ifNoneMatch.nextElement().split(",")) {
                String c = candidate.strip();
                if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request as made for keeping: without the reader's If-None-Match, so that the whole answer is made. */
    private static final class WholeAnswer extends jakarta.servlet.http.HttpServletRequestWrapper {

        WholeAnswer(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return name.equalsIgnoreCase("If-None-Match") ? null : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return name.equalsIgnoreCase("If-None-Match") ? java.util.Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }

    /** The files of kept answers go when the server stops. */
    @Override
    public void destroy() {
        if (folder != null) {
            try (var files = Files.list(folder)) {
                files.forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // left for the operating system's temporary folder cleaning
            }
            folder.toFile().delete();
        }
    }

    /** At most once a second: the published releases now; if they changed, nothing kept is served again. */
    private void checkPublishedYears() {
        Version current = version;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.checkedAt().plus(PUBLISHED_YEARS_CHECKED_EVERY))) {
            return;
        }
        synchronized (this) {
            current = version;
            if (current != null && now.isBefore(current.checkedAt().plus(PUBLISHED_YEARS_CHECKED_EVERY))) {
                return;
            }
            List<Long> published = publication.publishedReleases().stream().map(org.annualreview.publication.Release::id).toList();
            if (current == null || !current.published().equals(published)) {
                kept.synchronous().invalidateAll();
            }
            version = new Version(published, now);
        }
    }
}
