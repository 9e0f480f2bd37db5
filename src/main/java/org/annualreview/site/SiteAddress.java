package org.annualreview.site;

import java.net.URI;
import java.util.Locale;

/**
 * The site's own absolute addresses, from one configured public base URL (ANNUAL_REVIEW_PUBLIC_URL), never from the
 * Host header of a request: links in emails, the sitemap and robots.txt are the same whatever a visitor sends, and a
 * cached answer cannot carry an address someone else chose.
 */
public final class SiteAddress {

    private final String base;

    /** A base URL such as https://performance.lgo.org.uk (a trailing / is dropped); http or https, a host, no query. */
    public SiteAddress(String base) {
        URI uri;
        try {
            uri = URI.create(base.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public URL '" + base + "' is not an address: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the public URL '" + base + "' must be an http or https address with a host, such as"
                    + " https://performance.example.org, without a query");
        }
        this.base = uri.toString().replaceAll("/+$", "");
    }

    /** The site on this machine's port, for a machine serving itself (the default). */
    public static SiteAddress local(int port) {
        return new SiteAddress("http://localhost:" + port);
    }

    public String absolute(String path) {
        return base + path;
    }

    public String base() {
        return base;
    }
}
