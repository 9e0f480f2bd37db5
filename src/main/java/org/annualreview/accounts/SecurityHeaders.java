package org.annualreview.accounts;

import java.io.IOException;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The security headers of every answer the server gives, the public site's (pages, CSV, JSON, feeds, static files,
 * errors, kept answers) and the workspace's alike: no type sniffing, a Content-Security-Policy of this site's own
 * files only, no framing, and no Referer sent. An answer may set a policy of its own instead: a letter as a web page
 * has {@link org.annualreview.letters.Letters#WEB_PAGE_POLICY}. The workspace's Spring Security chain writes the same.
 */
public final class SecurityHeaders {

    /**
     * Scripts, styles, fonts and images from this site only: no inline script or style (the pages have none; their
     * maps and charts are SVG drawn with attributes), images also as data: (GOV.UK Frontend's), forms posted here.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.NO_REFERRER;

    private SecurityHeaders() {
    }

    /**
     * The headers on every answer of the server, errors included, set before the answer is made: an answer that sets
     * its own Content-Security-Policy replaces this one rather than adding a second (a browser would apply both). It
     * stands outside every other filter, the public site's cache among them, whose kept answers carry them as made.
     */
    public static OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader(CSP, CONTENT_SECURITY_POLICY);
                response.setHeader("Referrer-Policy", REFERRER_POLICY.getPolicy());
                chain.doFilter(request, new OwnPolicy(response));
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;   // an error page (Spring's /error) is an answer too
            }
        };
    }

    private static final String CSP = "Content-Security-Policy";

    /** An answer whose own Content-Security-Policy replaces the default. */
    private static final class OwnPolicy extends HttpServletResponseWrapper {

        OwnPolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    /** The same headers in the workspace's Spring Security chain, beside its own (no caching). */
    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentTypeOptions(options -> { })
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY));
    }
}
