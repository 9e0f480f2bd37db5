package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * The administrators' pages over the real server (`serve`), on H2 and on PostgreSQL: accounts added, disabled and
 * enabled in the browser, a year's publication date set, and the audit log read a page at a time with each change's
 * lines. Analysts and council users reach none of it; no form works without its CSRF token.
 */
class AdministrationIT extends OnEachDatabase {

    static final String PASSWORD = ServedWorkspace.PASSWORD;
    static final String ADMINISTRATOR = ServedWorkspace.ADMINISTRATOR;
    static final String ANALYST = ServedWorkspace.ANALYST;
    static final String COUNCIL = ServedWorkspace.COUNCIL;
    static final String KNOWSLEY = ServedWorkspace.KNOWSLEY;

    /** Every route of these pages, to be refused to the other roles. */
    static final List<String> GETS = List.of("/workspace/accounts", "/workspace/accounts/new", "/workspace/years/2023-24/publication",
            "/workspace/audit", "/workspace/audit?action=import", "/workspace/audit/1");
    static final List<String> POSTS = List.of("/workspace/accounts/new", "/workspace/accounts/disable", "/workspace/accounts/enable",
            "/workspace/accounts/password-reset",
            "/workspace/years/2023-24/publication");


    static Visitor administrator() throws Exception {
        return workspace.signedIn(ADMINISTRATOR);
    }

    static Map<String, String> newAccount(String csrf, String username, String role, String organisation) {
        return Map.of("_csrf", csrf, "username", username, "name", "Sam Newcomer", "role", role, "organisation", organisation,
                "password", PASSWORD, "confirmation", PASSWORD);
    }

    static int count(String sql, String... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setString(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void theStartPageLinksAnAdministratorToTheirPages() throws Exception {
        String start = administrator().get("/workspace").body();

        assertThat(start).contains("href=\"/workspace/accounts\"", "href=\"/workspace/accounts/new\"",
                "href=\"/workspace/years/2023-24/publication\">Publication of 2023-24", "href=\"/workspace/audit\"");
        assertThat(workspace.signedIn(ANALYST).get("/workspace").body()).doesNotContain("/publication", "/workspace/accounts");
    }

    @Nested
    class Accounts {

        @Test
        void anAdministratorAddsAnAnalystInTheBrowserWhoCanThenSignIn() throws Exception {
            Visitor administrator = administrator();
            String form = administrator.get("/workspace/accounts/new").body();
            assertThat(form).contains("type=\"radio\" value=\"analyst\"", "<option value=\"" + KNOWSLEY + "\">Knowsley Metropolitan Borough Council</option>",
                    "At least 12 characters");

            // without JavaScript the council list shows for every role: a council chosen for an analyst is not kept
            HttpResponse<String> added = administrator.post("/workspace/accounts/new",
                    newAccount(Visitor.csrf(form), "Sam.Newcomer@ombudsman.example", "analyst", KNOWSLEY));

            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(administrator.follow(added).body()).contains("sam.newcomer@ombudsman.example can now sign in.");
            assertThat(Visitor.location(workspace.visitor().signIn("sam.newcomer@ombudsman.example", PASSWORD))).endsWith("/workspace");
            assertThat(workspace.signedIn("sam.newcomer@ombudsman.example").get("/workspace").body())
                    .contains("Signed in as Sam Newcomer (Analyst).");
            assertThat(count("select count(*) from account where username = ? and role = 'analyst' and organisation_code is null",
                    "sam.newcomer@ombudsman.example")).isEqualTo(1);
            assertThat(administrator.get("/workspace/audit?action=add-account").body()).contains(ADMINISTRATOR, "sam.newcomer@ombudsman.example",
                    "Sam Newcomer, Analyst");
            assertThat(count("select count(*) from audit_event where before_text like ? or after_text like ? or before_text like ?"
                    + " or after_text like ?", "%" + PASSWORD + "%", "%" + PASSWORD + "%", "%argon2%", "%argon2%"))
                    .as("neither the password nor its hash is audited").isZero();
        }

        @Test
        void aCouncilUserIsAddedForTheCouncilChosen() throws Exception {
            Visitor administrator = administrator();
            String form = administrator.get("/workspace/accounts/new").body();

            HttpResponse<String> added = administrator.post("/workspace/accounts/new",
                    newAccount(Visitor.csrf(form), "robin@knowsley.example", "council", KNOWSLEY));

            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(workspace.signedIn("robin@knowsley.example").get("/workspace").body())
                    .contains("Signed in as Sam Newcomer (Council user, Knowsley Metropolitan Borough Council).");
        }

        @Test
        void aBadFormShowsEveryProblemInTheErrorSummaryKeepsTheValuesButNotThePasswordAndAddsNothing() throws Exception {
            Visitor administrator = administrator();
            String form = administrator.get("/workspace/accounts/new").body();

            HttpResponse<String> refused = administrator.post("/workspace/accounts/new", Map.of("_csrf", Visitor.csrf(form),
                    "username", "not an address", "name", " ", "role", "", "organisation", "", "password", "tiny-pw",
                    "confirmation", "other-pw"));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem", "href=\"#username\">The user name must be an email address",
                    "href=\"#name\">Give the person&#39;s name", "href=\"#role\">Choose a role",
                    "href=\"#password\">The password must have at least 12 characters", "href=\"#confirmation\">The two passwords differ",
                    "id=\"username-error\"", "id=\"role-error\"", "id=\"confirmation-error\"", "govuk-input--error",
                    "value=\"not an address\"")
                    .doesNotContain("tiny-pw", "other-pw");
            assertThat(refused.body().indexOf("href=\"#name\"")).as("in the form's order").isLessThan(refused.body().indexOf("href=\"#role\""));

            HttpResponse<String> council = administrator.post("/workspace/accounts/new",
                    newAccount(Visitor.csrf(form), "nobody@knowsley.example", "council", ""));
            assertThat(council.statusCode()).isEqualTo(422);
            assertThat(council.body()).contains("href=\"#organisation\">A council user needs an organisation", "id=\"organisation-error\"",
                    "value=\"council\" checked");
            HttpResponse<String> twice = administrator.post("/workspace/accounts/new", newAccount(Visitor.csrf(form), ANALYST, "analyst", ""));
            assertThat(twice.body()).contains("href=\"#username\">" + ANALYST + " already has an account");

            assertThat(count("select count(*) from account where username in ('not an address', 'nobody@knowsley.example')")).isZero();
            assertThat(administrator.get("/workspace/accounts").body()).doesNotContain("not an address", "nobody@knowsley.example");
            assertThat(Visitor.location(workspace.visitor().signIn(ANALYST, PASSWORD))).as("the analyst's password is the old one")
                    .endsWith("/workspace");
        }

        @Test
        void aDisabledAccountCannotSignInAndOnceEnabledAgainItCan() throws Exception {
            assertThat(workspace.cli("users", "add", "--username", "pat@ombudsman.example", "--name", "Pat", "--role", "analyst",
                    "--password-file", workspace.directory.resolve("password.txt").toString()).exitCode()).isZero();
            Visitor pat = workspace.signedIn("pat@ombudsman.example");
            Visitor administrator = administrator();
            String list = administrator.get("/workspace/accounts").body();

            HttpResponse<String> disabled = administrator.post("/workspace/accounts/disable", Map.of("_csrf", Visitor.csrf(list),
                    "username", "pat@ombudsman.example"));

            assertThat(disabled.statusCode()).isEqualTo(303);
            assertThat(administrator.follow(disabled).body()).contains("pat@ombudsman.example is disabled and can no longer sign in.")
                    .containsPattern("pat@ombudsman.example</th>(?s:.*?)Disabled(?s:.*?)action=\"/workspace/accounts/enable\"");
            assertThat(Visitor.location(workspace.visitor().signIn("pat@ombudsman.example", PASSWORD))).endsWith("/login?error");
            assertThat(Visitor.location(pat.get("/workspace"))).as("signed out at the next request").endsWith("/login");
            assertThat(Visitor.location(workspace.visitor().signIn(ANALYST, PASSWORD))).as("the decoy, not disabled").endsWith("/workspace");

            HttpResponse<String> enabled = administrator.post("/workspace/accounts/enable", Map.of("_csrf", Visitor.csrf(list),
                    "username", "pat@ombudsman.example"));

            assertThat(enabled.statusCode()).isEqualTo(303);
            assertThat(Visitor.location(workspace.visitor().signIn("pat@ombudsman.example", PASSWORD))).endsWith("/workspace");
            assertThat(administrator.get("/workspace/audit?actor=" + ADMINISTRATOR).body()).contains("<td class=\"govuk-table__cell\">Account disabled</td>",
                    "<td class=\"govuk-table__cell\">Account enabled</td>", "pat@ombudsman.example").doesNotContain(">disable-account<");
            assertThat(workspace.signedIn("pat@ombudsman.example").get("/workspace").statusCode()).isEqualTo(200);
            assertThat(administrator.post("/workspace/accounts/disable", Map.of("_csrf", Visitor.csrf(list), "username", "nobody@example.org"))
                    .statusCode()).isEqualTo(404);
        }

        @Test
        void anAdministratorCannotDisableTheirOwnAccount() throws Exception {
            Visitor administrator = administrator();
            String list = administrator.get("/workspace/accounts").body();
            assertThat(list).containsPattern(Pattern.quote(ADMINISTRATOR) + "</th>(?s:(?!</tr>).)*Your account");

            HttpResponse<String> refused = administrator.post("/workspace/accounts/disable", Map.of("_csrf", Visitor.csrf(list),
                    "username", ADMINISTRATOR.toUpperCase()));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem", "You cannot disable your own account");
            assertThat(Visitor.location(workspace.visitor().signIn(ADMINISTRATOR, PASSWORD))).endsWith("/workspace");
            assertThat(count("select count(*) from audit_event where action = 'disable-account' and subject = ?", ADMINISTRATOR)).isZero();
        }
    }

    @Nested
    class PublicationDate {

        @Test
        void aYearPublishedOnAPastDayIsPublicAtOnceThenItsDateIsNotMovedButItIsWithdrawnWithItsReason() throws Exception {
            int audited = count("select count(*) from audit_event where action = 'set-publication-date'");
            Visitor anyone = workspace.visitor();
            assertThat(anyone.get("/api/years/2023-24").statusCode()).isEqualTo(404);
            Visitor administrator = administrator();
            String page = administrator.get("/workspace/years/2023-24/publication").body();
            assertThat(page).contains("24 July 2099", "17 July 2024", "00:00 UK time", "name=\"publication-day\" type=\"text\" inputmode=\"numeric\" value=\"24\"",
                    "value=\"2099\"").doesNotContain("withdraw 2023-24");

            HttpResponse<String> set = administrator.post("/workspace/years/2023-24/publication", Map.of("_csrf", Visitor.csrf(page),
                    "publication-day", "24", "publication-month", "7", "publication-year", "2024"));

            assertThat(set.statusCode()).isEqualTo(303);
            assertThat(administrator.follow(set).body()).contains("The publication date is now Wednesday 24 July 2024.")
                    .doesNotContain("2023-24 is public");
            Thread.sleep(1_100);
            assertThat(anyone.get("/api/years/2023-24").statusCode()).as("its day has come, but it is not published").isEqualTo(404);
            assertThat(workspace.cli("letters", "approve", "--year", "2023-24", "--by", "Pat Approver").exitCode()).isZero();
            List<String> exceptions = new java.util.ArrayList<>(List.of("publish", "--year", "2023-24", "--status"));
            try (Connection c = workspace.connection(); var s = c.createStatement();
                    var rs = s.executeQuery("select distinct organisation_code from letter where reporting_year = '2023-24'")) {
                while (rs.next()) {
                    exceptions.addAll(List.of("--exception", rs.getString(1) + "=not sent in this test"));
                }
            }
            assertThat(workspace.cli(exceptions.toArray(String[]::new)).exitCode()).as("exceptions recorded, nothing published").isZero();
            String confirm = administrator.get("/workspace/years/2023-24/publication/publish").body();
            assertThat(confirm).contains("Publish 2023-24?", "frozen now as release 1", "Wednesday 24 July 2024");
            HttpResponse<String> publishing = administrator.post("/workspace/years/2023-24/publication/publish", Map.of("_csrf",
                    Visitor.csrf(confirm), "confirmed", "yes"));
            assertThat(publishing.statusCode()).as(publishing.body()).isEqualTo(303);
            String published = administrator.follow(publishing).body();
            assertThat(published).contains("2023-24 is published: release 1 is frozen", "2023-24 is public",
                    "href=\"/workspace/years/2023-24/publication/withdraw\"").doesNotContain("Set the publication date");
            assertThat(status(anyone, "/api/years/2023-24", 200)).as("public from the start of the day, once the site's cache sees it").isEqualTo(200);
            assertThat(anyone.get("/councils/" + KNOWSLEY).body()).contains("2023-24");
            assertThat(administrator.get("/workspace/years/2023-24/template").body()).as("one source of truth: the template")
                    .contains("publication-date: 2024-07-24", "letter-date: 17 July");
            assertThat(administrator.get("/workspace/audit?action=set-publication-date").body()).contains(ADMINISTRATOR,
                    "publication date of 2023-24", "24 July 2099", "24 July 2024");

            HttpResponse<String> back = administrator.post("/workspace/years/2023-24/publication", Map.of("_csrf", Visitor.csrf(page),
                    "publication-day", "24", "publication-month", "July", "publication-year", "2099"));

            assertThat(back.statusCode()).as("a published year's date is not moved").isEqualTo(409);
            assertThat(back.body()).contains("2023-24 is public since 24 July 2024: a published year&#39;s date is not moved");
            Thread.sleep(1_000);
            assertThat(anyone.get("/api/years/2023-24").statusCode()).as("still public").isEqualTo(200);
            assertThat(count("select count(*) from audit_event where action = 'set-publication-date'")).isEqualTo(audited + 1);

            String withdraw = administrator.get("/workspace/years/2023-24/publication/withdraw").body();
            assertThat(withdraw).contains("Withdraw 2023-24 from the public site?", "Why is 2023-24 withdrawn?");
            HttpResponse<String> noReason = administrator.post("/workspace/years/2023-24/publication/withdraw", Map.of("_csrf",
                    Visitor.csrf(withdraw), "reason", " "));
            assertThat(noReason.statusCode()).isEqualTo(422);
            assertThat(noReason.body()).contains("There is a problem", "href=\"#reason\">Enter the reason the year is withdrawn");
            assertThat(anyone.get("/api/years/2023-24").statusCode()).as("nothing withdrawn without a reason").isEqualTo(200);

            HttpResponse<String> withdrawn = administrator.post("/workspace/years/2023-24/publication/withdraw", Map.of("_csrf",
                    Visitor.csrf(withdraw), "reason", "Cases of 2023-24 were recorded against the wrong council"));

            assertThat(withdrawn.statusCode()).isEqualTo(303);
            assertThat(administrator.follow(withdrawn).body()).contains("2023-24 is withdrawn from the public site.",
                    "by " + ADMINISTRATOR + ": Cases of 2023-24 were recorded against the wrong council");
            assertThat(status(anyone, "/api/years/2023-24", 404)).as("off the site").isEqualTo(404);
            assertThat(administrator.get("/workspace/audit?action=withdraw-year").body()).contains(ADMINISTRATOR, "publication of 2023-24",
                    "withdrawn: Cases of 2023-24 were recorded against the wrong council");
            HttpResponse<String> again = administrator.post("/workspace/years/2023-24/publication/withdraw", Map.of("_csrf",
                    Visitor.csrf(withdraw), "reason", "again"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(count("select count(*) from withdrawal")).isEqualTo(1);
            // the year as the other tests of the class find it: not yet public (no page of the workspace moves it back)
            try (Connection c = workspace.connection(); var s = c.createStatement()) {
                s.executeUpdate("delete from withdrawal");
                for (String table : List.of("release_letter", "release_figures", "released_decision", "released_recommendation",
                        "released_service_improvement", "publication_release", "publication_exception")) {
                    s.executeUpdate("delete from " + table);
                }
                s.executeUpdate("update publication_date set publication_day = date '2099-07-24' where reporting_year = '2023-24'");
            }
        }

        /** The status the path answers with, asked again for a few seconds until it is the one expected. */
        int status(Visitor visitor, String path, int expected) throws Exception {
            int status = 0;
            for (int i = 0; i < 50 && status != expected; i++) {
                status = visitor.get(path).statusCode();
                if (status != expected) {
                    Thread.sleep(200);
                }
            }
            return status;
        }

        @Test
        void anImpossibleOrIncompleteDateOrOneBeforeTheLettersIsRefusedWithTheErrorSummaryAndChangesNothing() throws Exception {
            int audited = count("select count(*) from audit_event where action = 'set-publication-date'");
            Visitor administrator = administrator();
            String page = administrator.get("/workspace/years/2023-24/publication").body();

            HttpResponse<String> february = administrator.post("/workspace/years/2023-24/publication", Map.of("_csrf", Visitor.csrf(page),
                    "publication-day", "31", "publication-month", "2", "publication-year", "2025"));

            assertThat(february.statusCode()).isEqualTo(422);
            assertThat(february.body()).contains("There is a problem", "href=\"#publication-day\">Publication date must be a real date",
                    "id=\"publication-error\"", "value=\"31\"", "govuk-input--error");
            HttpResponse<String> noMonth = administrator.post("/workspace/years/2023-24/publication", Map.of("_csrf", Visitor.csrf(page),
                    "publication-day", "31", "publication-month", " ", "publication-year", "2025"));
            assertThat(noMonth.body()).contains("href=\"#publication-month\">Publication date must include a month");
            HttpResponse<String> early = administrator.post("/workspace/years/2023-24/publication", Map.of("_csrf", Visitor.csrf(page),
                    "publication-day", "16", "publication-month", "7", "publication-year", "2024"));
            assertThat(early.statusCode()).isEqualTo(422);
            assertThat(early.body()).contains("Publication date must be the same as or after 17 July 2024, the date of the letters");
            assertThat(administrator.get("/workspace/years/2023-24/publication").body()).contains("24 July 2099");
            assertThat(count("select count(*) from audit_event where action = 'set-publication-date'")).isEqualTo(audited);
        }

        @Test
        void aYearWithoutATemplateSaysSoAndHasNoForm() throws Exception {
            Visitor administrator = administrator();

            HttpResponse<String> page = administrator.get("/workspace/years/2022-23/publication");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("No letter template is loaded for 2022-23").doesNotContain("name=\"publication-day\"");
            assertThat(administrator.post("/workspace/years/2022-23/publication", Map.of("_csrf", Visitor.csrf(page.body()),
                    "publication-day", "1", "publication-month", "8", "publication-year", "2023")).statusCode()).isEqualTo(422);
            assertThat(administrator.get("/workspace/years/not-a-year/publication").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class AuditLog {

        @Test
        void theEventPageShowsTheLinesATemplateChangeAddedAndRemovedAndTheListFiltersByAction() throws Exception {
            Visitor administrator = administrator();
            String form = administrator.get("/workspace/accounts/new").body();
            administrator.post("/workspace/accounts/new", newAccount(Visitor.csrf(form), "decoy@ombudsman.example", "analyst", ""));
            Visitor analyst = workspace.signedIn(ANALYST);
            String templatePage = analyst.get("/workspace/years/2023-24/template").body();
            String source = Files.readString(workspace.directory.resolve("2023-24.md"));
            String edited = source.replace("By email\n", "By email and by hand\n").replace("banner: 50 years 1974 - 2024\n", "");
            assertThat(analyst.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(templatePage), "organisation", "",
                    "source", edited)).statusCode()).isEqualTo(303);

            String list = administrator.get("/workspace/audit?action=load-template").body();

            assertThat(list).contains("<td class=\"govuk-table__cell\">Letter template loaded</td>", "letter template of 2023-24, version 2", ANALYST,
                    "1 line added, 2 removed; first added, line 13: By email and by hand")
                    .doesNotContain("decoy@ombudsman.example", "Account added</td>", "load-template</td>");
            assertThat(list).as("the whole template is not on the list").doesNotContain("Complaint statistics");
            Matcher link = Pattern.compile("href=\"(/workspace/audit/\\d+)\"").matcher(list);
            assertThat(link.find()).isTrue();
            String event = administrator.get(link.group(1)).body();
            assertThat(event).contains("What changed", "<del class=\"audit-diff__removed\">banner: 50 years 1974 - 2024</del>",
                    "<del class=\"audit-diff__removed\">By email</del>", "<ins class=\"audit-diff__added\">By email and by hand</ins>",
                    "Removed", "Added", "Unchanged", "unchanged lines", "The whole text before", "Complaint statistics")
                    .containsPattern("<td[^>]*>\\s*Removed\\s*</td>");
            assertThat(administrator.get("/workspace/audit?actor=" + ANALYST).body()).contains("Letter template loaded</td>")
                    .doesNotContain("decoy@ombudsman.example");
            assertThat(administrator.get("/workspace/audit").body()).as("unfiltered").contains("decoy@ombudsman.example", "Letter template loaded</td>");
            assertThat(administrator.get("/workspace/audit/999999").statusCode()).isEqualTo(404);
        }

        @Test
        void theListIsReadAPageAtATimeWithNextAndPrevious() throws Exception {
            try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(
                    "insert into audit_event (happened_at, actor, action, subject, before_text, after_text) values (current_timestamp, ?, ?, ?, null, ?)")) {
                for (int i = 1; i <= AuditPages.PER_PAGE + 10; i++) {
                    s.setString(1, "bulk@ombudsman.example");
                    s.setString(2, "bulk-change");
                    s.setString(3, "bulk item " + i + ".");
                    s.setString(4, "after " + i);
                    s.executeUpdate();
                }
                s.setString(1, "bulk@ombudsman.example");
                s.setString(2, "other-change");
                s.setString(3, "the decoy item.");
                s.setString(4, "after");
                s.executeUpdate();
            }
            Visitor administrator = administrator();

            String first = administrator.get("/workspace/audit?action=bulk-change").body();

            assertThat(first).contains("bulk item " + (AuditPages.PER_PAGE + 10) + ".", "bulk item 11.", "rel=\"next\"",
                    "href=\"/workspace/audit?action=bulk-change&amp;page=2\"")
                    .doesNotContain("bulk item 10.", "rel=\"prev\"", "the decoy item.");
            String second = administrator.get("/workspace/audit?action=bulk-change&page=2").body();
            assertThat(second).contains("bulk item 10.", "bulk item 1.", "rel=\"prev\"", "href=\"/workspace/audit?action=bulk-change&amp;page=1\"")
                    .doesNotContain("bulk item 11.", "rel=\"next\"", "the decoy item.");
            assertThat(Pattern.compile("<td class=\"govuk-table__cell\">bulk item \\d+\\.").matcher(second).results().count()).isEqualTo(10);
            assertThat(administrator.get("/workspace/audit?action=bulk-change&page=zz").body()).as("a page that is not a number: the first")
                    .contains("bulk item 11.");
        }
    }

    @Nested
    class Security {

        @Test
        void analystsAndCouncilUsersAreRefusedEveryAdministrationPage() throws Exception {
            for (String who : List.of(ANALYST, COUNCIL)) {
                Visitor visitor = workspace.signedIn(who);
                String csrf = Visitor.csrf(visitor.get("/workspace").body());
                for (String path : GETS) {
                    assertThat(visitor.get(path).statusCode()).as(who + " GET " + path).isEqualTo(403);
                }
                for (String path : POSTS) {
                    assertThat(visitor.post(path, Map.of("_csrf", csrf, "username", ADMINISTRATOR, "name", "X", "role", "administrator",
                            "password", PASSWORD, "confirmation", PASSWORD, "publication-day", "1", "publication-month", "8",
                            "publication-year", "2024")).statusCode()).as(who + " POST " + path).isEqualTo(403);
                }
            }
            assertThat(Visitor.location(workspace.visitor().signIn(ADMINISTRATOR, PASSWORD))).as("not disabled").endsWith("/workspace");
            assertThat(administrator().get("/workspace/years/2023-24/publication").body()).contains("24 July 2099");
        }

        @Test
        void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
            Visitor administrator = administrator();

            assertThat(administrator.post("/workspace/accounts/new", Map.of("username", "forged@ombudsman.example", "name", "Forged",
                    "role", "administrator", "password", PASSWORD, "confirmation", PASSWORD)).statusCode()).isEqualTo(403);
            assertThat(administrator.post("/workspace/accounts/disable", Map.of("username", ANALYST, "_csrf", "forged")).statusCode())
                    .isEqualTo(403);
            assertThat(administrator.post("/workspace/years/2023-24/publication", Map.of("publication-day", "1", "publication-month", "8",
                    "publication-year", "2024")).statusCode()).isEqualTo(403);

            assertThat(count("select count(*) from account where username = 'forged@ombudsman.example'")).isZero();
            assertThat(Visitor.location(workspace.visitor().signIn(ANALYST, PASSWORD))).endsWith("/workspace");
            assertThat(administrator.get("/workspace/years/2023-24/publication").body()).contains("24 July 2099");
        }
    }
}
