package org.annualreview.site;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The site's own absolute addresses, as the visitor reached it (scheme, host and port of the current request). */
final class SiteAddress {

    private SiteAddress() {
    }

    static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + path;
    }
}
