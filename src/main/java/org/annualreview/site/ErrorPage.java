package org.annualreview.site;

import java.util.Map;

/**
 * What a visitor reads when something goes wrong, in the site's own pages: the page not found, a page they may not
 * see, a request the site cannot read, or a problem of ours. Never a stack trace, nor the words of the server.
 */
public record ErrorPage(int status, String title, String explanation) {

    private static final Pages PAGES = new Pages();

    /** The page for a status: 404 and 410 "Page not found", 403, 400-class, and everything else "Sorry, there is a problem". */
    public static ErrorPage of(int status) {
        if (status == 404 || status == 410) {
            return new ErrorPage(status, "Page not found", "If you typed the web address, check it is correct. If you pasted it, check you "
                    + "copied the whole address. The council or the year you are looking for may not be published yet.");
        }
        if (status == 403 || status == 401) {
            return new ErrorPage(status, "You cannot see this page", "This page is not open to you.");
        }
        if (status >= 400 && status < 500) {
            return new ErrorPage(status, "The address could not be understood", "Check the web address, or go back and try again.");
        }
        return new ErrorPage(status, "Sorry, there is a problem with the service", "Try again later. Nothing you entered was saved "
                + "unless the page said so.");
    }

    /** The page in the public site's layout. */
    public String render() {
        Map<String, Object> model = Pages.base(title);
        model.put("explanation", explanation);
        model.put("status", status);
        return PAGES.render("error", model);
    }
}
