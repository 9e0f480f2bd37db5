package org.annualreview.publication;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A year walked through its lifecycle over the real server (`serve`, its page cache off so that every answer is worked
 * out anew) on H2 and on PostgreSQL: publishing is refused while a letter is unapproved or unsent, and never an
 * analyst's; once published, an import into the year changes no public byte (page, API, CSV, feed, letter) until an
 * administrator issues a revision; the revision labels every page of the year and keeps release 1 at its addresses;
 * a date change cannot take the year off the site; the council user sees where its letter stands.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ReleaseIT {

    static final String KNOWSLEY = ServedWorkspace.KNOWSLEY;
    static final String YEAR = "2023-24";

    /** Every public answer of the year that an import could change, and some that should not exist before. */
    static final List<String> PUBLIC = List.of("/", "/?year=" + YEAR, "/councils/" + KNOWSLEY, "/councils/" + KNOWSLEY + "/compare",
            "/councils/" + KNOWSLEY + "/decisions", "/councils/" + KNOWSLEY + "/decisions.csv", "/councils/" + KNOWSLEY + "/statistics.csv",
            "/councils/" + KNOWSLEY + "/counted/" + YEAR + "/upheld", "/councils/" + KNOWSLEY + "/counted/" + YEAR + "/compliance",
            "/api/years", "/api/years/" + YEAR, "/api/years/" + YEAR + "/councils/" + KNOWSLEY, "/api/years/" + YEAR + "/releases",
            "/data/statistics-" + YEAR + ".csv", "/data/decisions-" + YEAR + ".csv", "/data/service-improvements-" + YEAR + ".csv",
            "/feed.atom", "/councils/" + KNOWSLEY + "/feed.atom", "/sitemap.xml", "/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf",
            "/councils/" + KNOWSLEY + "/letters/" + YEAR + ".html", "/releases/" + YEAR);

    @Parameter
    String databaseKind;

    static ServedWorkspace workspace;

    @BeforeParameterizedClassInvocation
    static void serve(String kind) throws Exception {
        workspace = ServedWorkspace.start(kind, Map.of("annual-review.site.cache-seconds", "0"));
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    @Test
    void aYearIsPublishedOnlyWhenEveryLetterIsApprovedAndSentThenStaysAsReleasedUntilARevision() throws Exception {
        Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
        Visitor analyst = workspace.signedIn(ServedWorkspace.ANALYST);
        Visitor visitor = workspace.visitor();

        // the day is set (in the past): the year is still not public, for it is not published
        String publicationPage = administrator.get("/workspace/years/" + YEAR + "/publication").body();
        HttpResponse<String> dated = administrator.post("/workspace/years/" + YEAR + "/publication", Map.of("_csrf", Visitor.csrf(publicationPage),
                "publication-day", "24", "publication-month", "7", "publication-year", "2024"));
        assertThat(dated.statusCode()).as(dated.body()).isEqualTo(303);
        assertThat(visitor.get("/api/years").body()).isEqualTo("{\"publishedYears\":[]}");
        assertThat(visitor.get("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf").statusCode()).isEqualTo(404);

        // an analyst reaches none of the acts of publication
        String analystsYear = analyst.get("/workspace/years/" + YEAR).body();
        assertThat(analystsYear).as("the year's page says what holds publication back").contains("Before 2023-24 can be published",
                "letters awaiting approval");
        for (String act : List.of("/publication", "/publication/publish", "/publication/revise", "/publication/withdraw", "/publication/exceptions")) {
            assertThat(analyst.get("/workspace/years/" + YEAR + act).statusCode()).as("GET " + act).isIn(403, 405);
            assertThat(analyst.post("/workspace/years/" + YEAR + act, Map.of("_csrf", Visitor.csrf(analystsYear), "confirmed", "yes",
                    "reason", "mine", "organisation", KNOWSLEY)).statusCode()).as("POST " + act).isEqualTo(403);
        }
        assertThat(count("select count(*) from publication_release")).isZero();

        // unapproved letters hold it back, each named
        String confirm = administrator.get("/workspace/years/" + YEAR + "/publication/publish").body();
        assertThat(confirm).contains("cannot be published yet", "letters awaiting approval", "Knowsley");
        HttpResponse<String> early = administrator.post("/workspace/years/" + YEAR + "/publication/publish", Map.of("_csrf", Visitor.csrf(confirm),
                "confirmed", "yes"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("cannot be published yet", "awaiting approval");

        // approved but unsent: still held back; Knowsley is sent for real, the councils with no contact are excepted
        assertThat(workspace.cli("letters", "approve", "--year", YEAR, "--by", "Pat Approver").exitCode()).isZero();
        assertThat(administrator.get("/workspace/years/" + YEAR + "/publication/publish").body()).contains("approved letters not yet sent");
        String letters = analyst.get("/workspace/years/" + YEAR + "/send").body();
        follow(analyst, analyst.post("/workspace/years/" + YEAR + "/send", Map.of("_csrf", Visitor.csrf(letters), "confirmed", "yes")));
        assertThat(workspace.smtp.getReceivedMessages()).isNotEmpty();
        String stillUnsent = administrator.get("/workspace/years/" + YEAR + "/publication/publish").body();
        assertThat(stillUnsent).contains("approved letter").doesNotContain(">Knowsley");
        for (String code : councilsWithoutContacts()) {
            String page = administrator.get("/workspace/years/" + YEAR + "/publication").body();
            assertThat(administrator.post("/workspace/years/" + YEAR + "/publication/exceptions", Map.of("_csrf", Visitor.csrf(page),
                    "organisation", code, "reason", "no contact on file")).statusCode()).isEqualTo(303);
        }

        // published: release 1, public at once (its day has passed)
        confirm = administrator.get("/workspace/years/" + YEAR + "/publication/publish").body();
        assertThat(confirm).contains("frozen now as release 1");
        HttpResponse<String> published = administrator.post("/workspace/years/" + YEAR + "/publication/publish",
                Map.of("_csrf", Visitor.csrf(confirm), "confirmed", "yes"));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(administrator.follow(published).body()).contains("is published: release 1 is frozen");
        Map<String, byte[]> release1 = answers(visitor);
        assertThat(new String(release1.get("/councils/" + KNOWSLEY), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("Revised on");

        // records change: the public sees none of it; staff see that the working figures differ
        Path files = Files.createTempDirectory("release-import");
        List<String> importing = new ArrayList<>(List.of("import"));
        new RecordFiles(files).decision(aDecision("RELEASE-1").about(KNOWSLEY).upheld().decidedOn("2023-11-01"))
                .decision(aDecision("RELEASE-2").about(KNOWSLEY).notUpheld().decidedOn("2023-12-01"))
                .write().forEach(f -> importing.add(f.toString()));
        assertThat(workspace.cli(importing.toArray(String[]::new)).exitCode()).isZero();
        Map<String, byte[]> afterImport = answers(visitor);
        for (String path : PUBLIC) {
            assertThat(afterImport.get(path)).as(path + " is byte for byte as released").isEqualTo(release1.get(path));
        }
        assertThat(administrator.get("/workspace/years/" + YEAR + "/publication").body())
                .contains("The working figures differ from the published release for 1 council");
        assertThat(analyst.get("/workspace/years/" + YEAR).body()).contains("Published on ",
                "The working figures differ from the published release for 1 council");

        // a date change cannot take the published year off the site
        String page = administrator.get("/workspace/years/" + YEAR + "/publication").body();
        HttpResponse<String> moved = administrator.post("/workspace/years/" + YEAR + "/publication", Map.of("_csrf", Visitor.csrf(page),
                "publication-day", "1", "publication-month", "1", "publication-year", "2099"));
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(visitor.get("/api/years").body()).contains(YEAR);

        // the revision: every page of the year says so; release 1 stays where it was
        String revise = administrator.get("/workspace/years/" + YEAR + "/publication/revise").body();
        assertThat(revise).contains("Knowsley Metropolitan Borough Council");
        assertThat(administrator.post("/workspace/years/" + YEAR + "/publication/revise", Map.of("_csrf", Visitor.csrf(revise), "reason", " "))
                .statusCode()).isEqualTo(422);
        HttpResponse<String> revised = administrator.post("/workspace/years/" + YEAR + "/publication/revise", Map.of("_csrf", Visitor.csrf(revise),
                "reason", "two Knowsley decisions were recorded late"));
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(303);
        String label = "Revised on " + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)) + ": two Knowsley decisions were recorded late";
        for (String path : List.of("/?year=" + YEAR, "/councils/" + KNOWSLEY, "/councils/" + KNOWSLEY + "/compare", "/councils/" + KNOWSLEY + "/decisions",
                "/councils/" + KNOWSLEY + "/counted/" + YEAR + "/upheld", "/decisions/RELEASE-1", "/releases/" + YEAR)) {
            assertThat(visitor.get(path).body()).as(path).contains(label);
        }
        assertThat(visitor.get("/feed.atom").body()).contains(label);
        assertThat(visitor.get("/councils/" + KNOWSLEY + "/decisions").body()).contains("/decisions/RELEASE-1");
        assertThat(visitor.get("/api/years/" + YEAR + "/releases").body()).contains("\"number\":1,\"kind\":\"publication\"",
                "\"number\":2,\"kind\":\"revision\"", "two Knowsley decisions were recorded late");
        assertThat(visitor.getBytes("/data/releases/" + YEAR + "/1/statistics.csv").body()).as("release 1's figures, as first published")
                .isEqualTo(release1.get("/data/statistics-" + YEAR + ".csv"));
        assertThat(visitor.get("/api/years/" + YEAR + "/releases/1").body())
                .isEqualTo(new String(release1.get("/api/years/" + YEAR), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(visitor.get("/data/statistics-" + YEAR + ".csv").body()).isNotEqualTo(
                new String(release1.get("/data/statistics-" + YEAR + ".csv"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(visitor.getBytes("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf").body()).as("the letter sent, not one written since")
                .isEqualTo(release1.get("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf"));

        // the council user sees its letter's status and the revision
        String council = workspace.signedIn(ServedWorkspace.COUNCIL).get("/workspace/letters").body();
        assertThat(council).contains("Approved", "Sent", label);

        assertThat(count("select count(*) from audit_event where action in ('publish-year', 'revise-year', 'record-publication-exception')"))
                .isEqualTo(2 + councilsWithoutContacts().size());

        // a corrected letter: a new version, public only once approved, sent when staff ask, and a revision issued
        assertThat(workspace.cli("letters", "--year", YEAR, "--organisation", "Knowsley", "--out", Files.createTempDirectory("corrected").toString())
                .exitCode()).isZero();
        assertThat(count("select max(version) from letter where organisation_code = '" + KNOWSLEY + "'")).as("the figures changed").isEqualTo(2);
        assertThat(workspace.cli("letters", "approve", "--year", YEAR, "--organisation", "Knowsley", "--by", "Pat Approver").exitCode()).isZero();
        String year = analyst.get("/workspace/years/" + YEAR).body();
        assertThat(analyst.follow(analyst.post("/workspace/years/" + YEAR + "/resend", Map.of("_csrf", Visitor.csrf(year), "organisation", "Knowsley")))
                .body()).contains("The letter was sent again.");
        assertThat(visitor.getBytes("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf").body()).as("sent, but not yet released")
                .isEqualTo(release1.get("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf"));
        revise = administrator.get("/workspace/years/" + YEAR + "/publication/revise").body();
        assertThat(administrator.post("/workspace/years/" + YEAR + "/publication/revise", Map.of("_csrf", Visitor.csrf(revise),
                "reason", "Knowsley's letter corrected")).statusCode()).isEqualTo(303);
        assertThat(visitor.get("/councils/" + KNOWSLEY).body()).contains("Corrected on ", "/councils/" + KNOWSLEY + "/letters/" + YEAR + "/release-1.pdf");
        assertThat(visitor.getBytes("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf").body()).as("the corrected letter")
                .isNotEqualTo(release1.get("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf"));
        assertThat(visitor.getBytes("/councils/" + KNOWSLEY + "/letters/" + YEAR + "/release-1.pdf").body()).as("the original, still public")
                .isEqualTo(release1.get("/councils/" + KNOWSLEY + "/letters/" + YEAR + ".pdf"));
    }

    /** The councils of the year with no contact to send to: all of the sample's but Knowsley. */
    static List<String> councilsWithoutContacts() throws Exception {
        List<String> codes = new ArrayList<>();
        try (var connection = workspace.connection(); var s = connection.createStatement();
                var rs = s.executeQuery("select distinct organisation_code from letter where reporting_year = '" + YEAR + "'"
                        + " and organisation_code not in (select organisation_code from contact) order by organisation_code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    static Map<String, byte[]> answers(Visitor visitor) throws Exception {
        Map<String, byte[]> answers = new LinkedHashMap<>();
        for (String path : PUBLIC) {
            HttpResponse<byte[]> answer = visitor.getBytes(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            answers.put(path, answer.body());
        }
        return answers;
    }

    static long count(String sql) throws Exception {
        try (var connection = workspace.connection(); var s = connection.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The job a confirmation started, its page read until it has ended. */
    static void follow(Visitor staff, HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String job = Visitor.location(started).replaceFirst("^https?://[^/]+", "");
        for (int i = 0; i < 600; i++) {
            String page = staff.get(job).body();
            if (page.contains("Finished") || page.contains("The job stopped")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish: " + staff.get(job).body());
    }
}
