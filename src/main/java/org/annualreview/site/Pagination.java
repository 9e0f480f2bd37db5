package org.annualreview.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GOV.UK pagination for a long list: the page shown, the links to the first, last and neighbouring pages (others as
 * an ellipsis), previous and next. {@code address} is the list's address with its query and without {@code page}.
 */
public record Pagination(int page, int pages, long found, int size, String address) {

    /** The page asked for (1 first), kept within the pages there are; a page not a number is the first. */
    public static int pageAsked(String page) {
        return page != null && page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
    }

    public static Pagination of(int asked, long found, int size, String address) {
        int pages = (int) Math.max(1, (found + size - 1) / size);
        return new Pagination(Math.min(asked, pages), pages, found, size, address);
    }

    /** Where the page's items start, 0 first. */
    public long from() {
        return (long) (page - 1) * size;
    }

    /** The address of a page. */
    public String href(int number) {
        return address + (address.contains("?") ? "&" : "?") + "page=" + number;
    }

    /** The items of the pagination component: a number with its address and whether it is this page, or an ellipsis. */
    public List<Map<String, Object>> items() {
        List<Map<String, Object>> items = new ArrayList<>();
        boolean gap = false;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 1) {
                items.add(Map.of("number", n, "href", href(n), "current", n == page, "ellipsis", false));
                gap = false;
            } else if (!gap) {
                items.add(Map.of("number", 0, "href", "", "current", false, "ellipsis", true));
                gap = true;
            }
        }
        return items;
    }

    /** The model the template's pagination reads; empty when all fits on one page. */
    public Map<String, Object> model() {
        if (pages <= 1) {
            return Map.of();
        }
        return Map.of("items", items(), "previous", page > 1 ? href(page - 1) : "", "next", page < pages ? href(page + 1) : "",
                "first", from() + 1, "last", Math.min(found, from() + size), "found", found);
    }
}
