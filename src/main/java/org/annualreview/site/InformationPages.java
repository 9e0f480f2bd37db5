package org.annualreview.site;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages every GOV.UK service links from its footer: the accessibility statement, the privacy notice, the cookies
 * page and how to contact us. Fixed text, the same for the site and the workspace, which link to them.
 */
@RestController
public final class InformationPages {

    private final Pages pages = new Pages();

    @GetMapping("/accessibility")
    public ResponseEntity<String> accessibility() {
        return pages.page("accessibility", Pages.base("Accessibility statement"));
    }

    @GetMapping("/privacy")
    public ResponseEntity<String> privacy() {
        return pages.page("privacy", Pages.base("Privacy notice"));
    }

    @GetMapping("/cookies")
    public ResponseEntity<String> cookies() {
        return pages.page("cookies", Pages.base("Cookies"));
    }

    @GetMapping("/contact")
    public ResponseEntity<String> contact() {
        return pages.page("contact", Pages.base("Contact"));
    }
}
