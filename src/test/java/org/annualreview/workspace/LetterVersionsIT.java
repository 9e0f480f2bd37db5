package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ADMINISTRATOR;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.annualreview.testing.ServedWorkspace.LIVERPOOL;
import static org.annualreview.workspace.LetterReviewIT.count;
import static org.annualreview.workspace.LetterReviewIT.latestVersion;
import static org.annualreview.workspace.LetterReviewIT.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A letter's versions compared before approving, and the long lists of a year's letters a page at a time, over the
 * real server on H2 and PostgreSQL: the paragraphs a changed record changed are shown removed and added, the latest
 * version is approved from the comparison as from the review page, an unknown letter or version is not found, only
 * staff reach it; the review page and the year's sending table show 50 letters a page, keeping the filter.
 */
class LetterVersionsIT extends OnEachDatabase {

    static final String COMPARE = "/workspace/years/2023-24/letters/" + KNOWSLEY + "/compare";

    @Nested
    class Comparing {

        @Test
        void aLetterWrittenAgainAfterADecisionIsAddedShowsTheChangedFigureRemovedAndAddedAndItsLatestVersionIsApprovedThere() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            int first = latestVersion(KNOWSLEY);
            String review = analyst.get("/workspace/years/2023-24/letters").body();
            assertThat(analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf", Visitor.csrf(review),
                    "version", String.valueOf(first))).statusCode()).isEqualTo(303);

            int second = writtenAgainWithADecisionMore(analyst, "COMPARE-1");
            int third = writtenAgainWithADecisionMore(analyst, "COMPARE-2");

            assertThat(second).isEqualTo(first + 1);
            assertThat(third).isEqualTo(first + 2);
            assertThat(row(analyst.get("/workspace/years/2023-24/letters").body(), KNOWSLEY)).as("against the version approved, not the one before")
                    .contains("href=\"" + COMPARE + "\"", "Compare<span class=\"govuk-visually-hidden\"> the latest letter of Knowsley Metropolitan"
                            + " Borough Council</span> with version " + first + "</a>");
            String compared = analyst.get(COMPARE).body();
            assertThat(compared).contains("<h1 class=\"govuk-heading-l\">Compare versions of the letter of Knowsley Metropolitan Borough Council, 2023-24</h1>",
                    "Version " + first + " and version " + third, "Version " + third + " (the latest)", "Approved by " + ANALYST, "Not approved",
                    "From the template", "2023-24.md, loaded ").containsPattern("Written</th><td class=\"govuk-table__cell\"><time datetime=\"[^\"]+\">\\d{1,2} "
                            + "[A-Z][a-z]+ 20\\d\\d at \\d{1,2}:\\d\\d[ap]m</time>")
                    .doesNotContain("Version 1 is the only version");
            int[] before = upheld(one(compared, "del", "Removed"));
            int[] after = upheld(one(compared, "ins", "Added"));
            assertThat(after).as("two upheld decisions more, each after a detailed investigation")
                    .containsExactly(before[0] + 2, before[1] + 2);

            String oneStep = analyst.get(COMPARE + "?from=" + second + "&to=" + third).body();
            assertThat(upheld(one(oneStep, "ins", "Added"))).containsExactly(before[0] + 2, before[1] + 2);
            assertThat(upheld(one(oneStep, "del", "Removed"))).containsExactly(before[0] + 1, before[1] + 1);
            int removed = marked(oneStep, "del", "Removed").size();
            int added = marked(oneStep, "ins", "Added").size();
            assertThat(oneStep).contains("<option value=\"" + second + "\" selected>", removed + " paragraph" + (removed == 1 ? "" : "s")
                    + " removed and " + added + " added");
            assertThat(analyst.get(COMPARE + "?from=" + third + "&to=" + third).body()).as("a version with itself")
                    .contains("Version " + third + " (the latest)").doesNotContain("What changed", "<del>", "<ins>");

            HttpResponse<String> approved = analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf",
                    Visitor.csrf(compared), "version", form(compared, "version")));

            assertThat(approved.statusCode()).isEqualTo(303);
            assertThat(Visitor.location(approved)).endsWith("/workspace/years/2023-24/letters?done=approved&letter=" + KNOWSLEY);
            assertThat(LetterReviewIT.approvals(KNOWSLEY, third)).isOne();
            assertThat(analyst.follow(approved).body()).contains("The letter of Knowsley Metropolitan Borough Council, version " + third + ", is approved.");
            String afterwards = analyst.get(COMPARE).body();
            assertThat(afterwards).as("the latest approved: against the one before").contains("Version " + second + " and version " + third,
                    "Version " + third + " is approved by " + ANALYST).doesNotContain(">Approve version");
        }

        @Test
        void theApproveButtonOfAComparisonShownBeforeTheLetterWasWrittenAgainIsRefused() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            writtenAgainWithADecisionMore(analyst, "COMPARE-STALE-1");
            String compared = analyst.get(COMPARE).body();
            int seen = Integer.parseInt(form(compared, "version"));
            int newer = writtenAgainWithADecisionMore(analyst, "COMPARE-STALE-2");

            HttpResponse<String> stale = analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf",
                    Visitor.csrf(compared), "version", String.valueOf(seen)));

            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("was written again (version " + newer + ") after the version " + seen + " you saw");
            assertThat(LetterReviewIT.approvals(KNOWSLEY, newer)).isZero();
        }

        @Test
        void aLetterOfOneVersionHasNothingToCompareAndNoLinkToIt() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            assertThat(latestVersion(LIVERPOOL)).isOne();

            String page = analyst.get("/workspace/years/2023-24/letters/" + LIVERPOOL + "/compare").body();

            assertThat(page).contains("Version 1 is the only version of this letter", "Approve version 1").doesNotContain("What changed");
            assertThat(row(analyst.get("/workspace/years/2023-24/letters").body(), LIVERPOOL)).doesNotContain("/compare");
        }

        @Test
        void anUnknownYearLetterOrVersionIsThePageNotFound() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            int latest = latestVersion(KNOWSLEY);
            for (String path : List.of("/workspace/years/2023-25/letters/" + KNOWSLEY + "/compare", "/workspace/years/nonsense/letters/" + KNOWSLEY + "/compare",
                    "/workspace/years/2022-23/letters/" + KNOWSLEY + "/compare", "/workspace/years/2023-24/letters/E99999999/compare",
                    COMPARE + "?from=0", COMPARE + "?to=" + (latest + 1), COMPARE + "?from=" + (latest + 1) + "&to=1", COMPARE + "?from=one",
                    COMPARE + "?to=-1", COMPARE + "?from=99999999999")) {
                HttpResponse<String> missing = analyst.get(path);
                assertThat(missing.statusCode()).as(path).isEqualTo(404);
                assertThat(missing.body()).as(path).contains("Page not found").doesNotContain("Whitelabel", "Exception");
            }
        }

        @Test
        void staffCompareVersionsAndACouncilUserOrTheUnsignedCannot() throws Exception {
            for (String who : List.of(ANALYST, ADMINISTRATOR)) {
                HttpResponse<String> page = workspace.signedIn(who).get(COMPARE);
                assertThat(page.statusCode()).as(who).isEqualTo(200);
                assertThat(page.body()).as(who).contains("Compare versions of the letter of Knowsley");
            }
            HttpResponse<String> council = workspace.signedIn(COUNCIL).get(COMPARE);
            assertThat(council.statusCode()).as("a council user, even of Knowsley").isEqualTo(403);
            assertThat(council.body()).doesNotContain("Knowsley Metropolitan Borough Council", "<del>");
            HttpResponse<String> anyone = workspace.visitor().get(COMPARE);
            assertThat(anyone.statusCode()).isEqualTo(302);
            assertThat(Visitor.location(anyone)).endsWith("/login");
        }
    }

    @Nested
    class Pages {

        @Test
        void sixtyLettersAreTwoPagesOfTheReviewTheSecondOfTenKeepingTheFilterAndAPagePastTheLastIsTheLast() throws Exception {
            int tests = lettersInAll(60);
            Visitor analyst = workspace.signedIn(ANALYST);

            String first = analyst.get("/workspace/years/2023-24/letters").body();
            String second = analyst.get("/workspace/years/2023-24/letters?page=2").body();

            assertThat(rows(first)).isEqualTo(50);
            assertThat(rows(second)).isEqualTo(10);
            assertThat(first).contains("<nav class=\"govuk-pagination\"", "href=\"/workspace/years/2023-24/letters?page=2\" rel=\"next\"",
                    "aria-label=\"Page 1\" aria-current=\"page\"", "Showing 1 to 50 of 60.", "The 60 latest letters of 2023-24, by organisation, page 1 of 2")
                    .doesNotContain("rel=\"prev\"");
            assertThat(second).contains("href=\"/workspace/years/2023-24/letters?page=1\" rel=\"prev\"", "aria-label=\"Page 2\" aria-current=\"page\"",
                    "Showing 51 to 60 of 60.").doesNotContain("rel=\"next\"");
            assertThat(second).as("by name: the test councils last").contains("Test Council " + tests).doesNotContain("Knowsley");
            assertThat(withoutToken(analyst.get("/workspace/years/2023-24/letters?page=9").body())).as("past the last page: the last")
                    .isEqualTo(withoutToken(second));
            assertThat(withoutToken(analyst.get("/workspace/years/2023-24/letters?page=nonsense").body())).isEqualTo(withoutToken(first));

            String filtered = analyst.get("/workspace/years/2023-24/letters?name=Test+Council&awaiting=yes&page=2").body();
            assertThat(rows(filtered)).as("the test councils after the first 50").isEqualTo(tests - 50);
            assertThat(filtered).contains("href=\"/workspace/years/2023-24/letters?name=Test+Council&amp;awaiting=yes&amp;page=1\" rel=\"prev\"",
                    tests + " of the 60 latest letters of 2023-24, by organisation, page 2 of 2", "value=\"Test Council\"");

            HttpResponse<String> approved = analyst.post("/workspace/years/2023-24/letters/" + code(tests) + "/approve", Map.of("_csrf",
                    Visitor.csrf(second), "version", "1", "name", "", "page", "2"));
            assertThat(Visitor.location(approved)).as("back to the page it was approved on")
                    .endsWith("/workspace/years/2023-24/letters?done=approved&letter=" + code(tests) + "&page=2");
            assertThat(row(analyst.follow(approved).body(), code(tests))).contains("Approved</strong> by " + ANALYST);
        }

        @Test
        void theYearsSendingTableShowsFiftyCouncilsAPage() throws Exception {
            lettersInAll(60);
            Visitor analyst = workspace.signedIn(ANALYST);

            String first = sending(analyst.get("/workspace/years/2023-24").body());
            String second = sending(analyst.get("/workspace/years/2023-24?page=2").body());

            assertThat(deliveries(first)).isEqualTo(50);
            assertThat(deliveries(second)).isEqualTo(10);
            assertThat(first).contains("What sending would do now, page 1 of 2", "href=\"/workspace/years/2023-24?page=2\" rel=\"next\"",
                    "Showing 1 to 50 of 60.");
            assertThat(second).contains("href=\"/workspace/years/2023-24?page=1\" rel=\"prev\"", "Showing 51 to 60 of 60.",
                    "its latest letter awaits approval on the review page").doesNotContain("./annual-review", "--year");
            assertThat(withoutToken(sending(analyst.get("/workspace/years/2023-24?page=3").body()))).as("past the last page: the last")
                    .isEqualTo(withoutToken(second));
        }
    }

    /** Adds an upheld decision of Knowsley in 2023-24 from the records' form, then writes Knowsley's letter again. Returns its new version. */
    static int writtenAgainWithADecisionMore(Visitor analyst, String reference) throws Exception {
        writeKnowsleyAgainWithADecisionMore(analyst, reference);
        return latestVersion(KNOWSLEY);
    }

    static void writeKnowsleyAgainWithADecisionMore(Visitor analyst, String reference) throws Exception {
        String form = analyst.get("/workspace/records/decisions/new").body();
        assertThat(analyst.post("/workspace/records/decisions/new", RecordPagesIT.with(RecordPagesIT.decision(reference, "5/10/2023"),
                Visitor.csrf(form))).statusCode()).isEqualTo(303);
        String year = analyst.get("/workspace/years/2023-24").body();
        HttpResponse<String> written = analyst.post("/workspace/years/2023-24/letters/write", Map.of("_csrf", Visitor.csrf(year),
                "organisation", "Knowsley"));
        assertThat(analyst.follow(written).body()).contains("1 letter written: 1 new version, 0 as before.");
    }

    /** The one paragraph of the letter's figures marked so (del or ins) in the comparison, its kind said for screen readers; its words. */
    static String one(String page, String tag, String kind) {
        List<String> marked = marked(page, tag, kind);
        List<String> upheld = marked.stream().filter(p -> p.startsWith("This year we upheld")).toList();
        assertThat(upheld).as(kind + ": " + marked).hasSize(1);
        return upheld.get(0);
    }

    /** Every paragraph of the comparison marked so (del or ins), its kind said for screen readers. */
    static List<String> marked(String page, String tag, String kind) {
        Matcher m = Pattern.compile("<" + tag + "><span class=\"govuk-visually-hidden\">" + kind + ": </span>(.*?)</" + tag + ">").matcher(page);
        List<String> marked = new java.util.ArrayList<>();
        while (m.find()) {
            marked.add(m.group(1));
        }
        return marked;
    }

    /** The upheld and investigated counts of the letter's paragraph "This year we upheld …% … (3 of 4)". */
    static int[] upheld(String paragraph) {
        Matcher m = Pattern.compile("This year we upheld .*\\((\\d+) of (\\d+)\\)").matcher(paragraph);
        assertThat(m.find()).as(paragraph).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String form(String page, String field) {
        Matcher m = Pattern.compile("name=\"" + field + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(field).isTrue();
        return m.group(1);
    }

    /** The page without its CSRF token, which differs at each request. */
    static String withoutToken(String page) {
        return page.contains("name=\"_csrf\"") ? page.replace(Visitor.csrf(page), "") : page;
    }

    static int rows(String page) {
        return page.split("<tr class=\"govuk-table__row\" id=\"letter-", -1).length - 1;
    }

    static String sending(String yearPage) {
        int from = yearPage.indexOf("What sending would do now");
        assertThat(from).isPositive();
        return yearPage.substring(from);
    }

    static int deliveries(String sending) {
        return sending.substring(0, sending.indexOf("</table>")).split("<tr class=\"govuk-table__row\"><th scope=\"row\"", -1).length - 1;
    }

    static String code(int n) {
        return String.format("E0990%04d", n);
    }

    /**
     * Test councils ("Test Council 01" …) each with a copy of Knowsley's first letter of 2023-24, until the year has
     * as many letters as asked; none if it has them already.
     */
    static int lettersInAll(int wanted) throws Exception {
        return lettersInAll(workspace, wanted);
    }

    static int lettersInAll(ServedWorkspace workspace, int wanted) throws Exception {
        int have = count(workspace, "select count(distinct organisation_code) from letter where reporting_year = '2023-24'");
        try (Connection c = workspace.connection();
                PreparedStatement organisation = c.prepareStatement("insert into organisation (code, name, kind) values (?, ?, 'metropolitan-borough')");
                PreparedStatement letter = c.prepareStatement("insert into letter (organisation_code, reporting_year, version, template_version,"
                        + " figures_computed_at, figures, letter_text, letter_html, letter_pdf, generated_at) select ?, reporting_year, 1, template_version,"
                        + " figures_computed_at, figures, letter_text, letter_html, letter_pdf, generated_at from letter"
                        + " where organisation_code = ? and reporting_year = '2023-24' and version = 1")) {
            for (int n = 1; have < wanted; n++) {
                if (count(workspace, "select count(*) from organisation where code = ?", code(n)) > 0) {
                    continue;
                }
                organisation.setString(1, code(n));
                organisation.setString(2, String.format("Test Council %02d", n));
                organisation.executeUpdate();
                letter.setString(1, code(n));
                letter.setString(2, KNOWSLEY);
                assertThat(letter.executeUpdate()).isOne();
                have++;
            }
        }
        return count(workspace, "select count(*) from organisation where name like 'Test Council %'");
    }

    static int count(ServedWorkspace workspace, String sql, Object... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setObject(i + 1, arguments[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
