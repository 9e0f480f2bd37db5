package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * A year's letters written, reviewed and approved one by one from the browser, over the real server (`serve`) on H2
 * and on PostgreSQL: new versions after a template change await approval again, an approval is of the version seen,
 * problems are shown in the error summary, and only staff reach any of it.
 */
class LetterReviewIT extends OnEachDatabase {

    static final String ANALYST = ServedWorkspace.ANALYST;
    static final String KNOWSLEY = ServedWorkspace.KNOWSLEY;
    static final String LIVERPOOL = ServedWorkspace.LIVERPOOL;


    /**
     * Sends the year's approved letters as staff do: the confirmation page with its counts, "Yes, send", then the job's
     * page until it has finished. Returns the job's address.
     */
    static String sendAll(Visitor analyst) throws Exception {
        String confirm = analyst.get("/workspace/years/2023-24/send").body();
        return followed(analyst, analyst.post("/workspace/years/2023-24/send", Map.of("_csrf", Visitor.csrf(confirm), "confirmed", "yes")));
    }

    /** The job a confirmation started, its page read until it has ended (at most a minute). Returns its address. */
    static String followed(Visitor analyst, HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        String job = Visitor.location(started).replaceFirst("^https?://[^/]+", "");
        assertThat(job).startsWith("/workspace/jobs/");
        for (int i = 0; i < 600; i++) {
            String page = analyst.get(job).body();
            if (page.contains("Finished") || page.contains("The job stopped")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish: " + analyst.get(job).body());
    }

    /** Writes every council's letter as staff do, from the confirmation page given, then waits for the job. Returns its address. */
    static String writeAll(Visitor analyst, String confirm) throws Exception {
        return followed(analyst, analyst.post("/workspace/years/2023-24/letters/write", Map.of("_csrf", Visitor.csrf(confirm),
                "organisation", "", "confirmed", "yes")));
    }

    @Test
    void aLetterSentOnceGoesAgainOnlyWhenStaffAskForOneCouncilAndAFailedOneIsShownWithTheServersWords() throws Exception {
        assertThat(workspace.cli("letters", "approve", "--year", "2023-24", "--organisation", "Knowsley", "--by", "Pat Approver").exitCode()).isZero();
        Visitor analyst = workspace.signedIn(ANALYST);
        String page = analyst.get("/workspace/years/2023-24").body();
        int before = workspace.smtp.getReceivedMessages().length;

        HttpResponse<String> unconfirmed = analyst.post("/workspace/years/2023-24/send", Map.of("_csrf", Visitor.csrf(page)));
        assertThat(unconfirmed.statusCode()).as("nothing is sent without confirmation").isEqualTo(303);
        assertThat(Visitor.location(unconfirmed)).endsWith("/workspace/years/2023-24/send");
        assertThat(analyst.get("/workspace/years/2023-24/send").body()).contains("Send 1 letter to 5 recipients?", "Yes, send 1 letter");
        assertThat(workspace.smtp.getReceivedMessages().length).isEqualTo(before);

        String job = sendAll(analyst);
        assertThat(analyst.get(job).body()).contains("Sending the approved letters of 2023-24", "Finished", ANALYST)
                .containsPattern("1 sent, 0 failed, 0 unknown, \\d+ skipped").contains("data-finished=\"true\"")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(workspace.signedIn(ServedWorkspace.COUNCIL).get(job).statusCode()).as("a council user").isEqualTo(403);
        assertThat(workspace.signedIn(ServedWorkspace.COUNCIL).get("/workspace/letters").body()).as("the council sees where its letter stands")
                .contains("Approved ", ") to chief.executive@knowsley.sample.invalid, ", "Not published yet (planned for 24 July 2099)").containsPattern("Sent \\d+ \\w+ \\d{4} \\(version \\d+\\)")
                .doesNotContain("Not sent yet", "Awaiting approval");
        assertThat(analyst.get("/workspace/jobs/not-a-job").statusCode()).isEqualTo(404);
        assertThat(sendAll(analyst)).as("a second job once the first has ended").isNotEqualTo(job);
        assertThat(workspace.signedIn(ServedWorkspace.ADMINISTRATOR).get("/workspace/audit?action=send-letters").body()).contains(ANALYST,
                "letters of 2023-24").containsPattern("0 sent, 0 failed, 0 unknown, \\d+ skipped");
        int once = workspace.smtp.getReceivedMessages().length - before;
        assertThat(once).as("Knowsley's five contacts, once however often send is pressed").isEqualTo(5);

        HttpResponse<String> resent = analyst.post("/workspace/years/2023-24/resend", Map.of("_csrf", Visitor.csrf(page), "organisation", "Knowsley"));

        assertThat(resent.statusCode()).isEqualTo(303);
        assertThat(analyst.follow(resent).body()).contains("The letter was sent again.");
        assertThat(workspace.smtp.getReceivedMessages().length - before).isEqualTo(2 * once);
        HttpResponse<String> notApproved = analyst.post("/workspace/years/2023-24/resend", Map.of("_csrf", Visitor.csrf(page), "organisation", LIVERPOOL));
        assertThat(notApproved.statusCode()).isEqualTo(422);
        assertThat(notApproved.body()).contains("There is a problem: nothing was sent", "Liverpool City Council&#39;s letter was not sent: not approved");
        assertThat(analyst.post("/workspace/years/2023-24/resend", Map.of("_csrf", Visitor.csrf(page), "organisation", " ")).body())
                .contains("href=\"#resend-organisation\">Enter the council whose letter to send again");
        assertThat(workspace.smtp.getReceivedMessages().length - before).as("nothing more sent").isEqualTo(2 * once);

        try (Connection c = workspace.connection(); PreparedStatement m = c.prepareStatement("insert into letter_message (organisation_code,"
                + " reporting_year, sending, letter_version, message_id, state, claimed_by, claimed_at, attempts, error, finished_at)"
                + " values (?, '2023-24', 1, 1, '<x@y>', 'failed', '1@test', current_timestamp, 5, ?, current_timestamp)");
                PreparedStatement s = c.prepareStatement("insert into delivery (organisation_code, reporting_year,"
                + " sending, recipient, recipient_role, copy, letter_version, message_id, outcome, attempts, error, recorded_at)"
                + " values (?, '2023-24', 1, 'ceo@liverpool.example', 'chief-executive', false, 1, '<x@y>', 'failed', 5, ?, current_timestamp)")) {
            m.setString(1, LIVERPOOL);
            m.setString(2, "SMTPAddressFailedException: 550 5.1.1 mailbox unavailable");
            m.executeUpdate();
            s.setString(1, LIVERPOOL);
            s.setString(2, "SMTPAddressFailedException: 550 5.1.1 mailbox unavailable");
            s.executeUpdate();
        }
        String failures = analyst.get("/workspace/years/2023-24").body();
        assertThat(failures).contains("1 letter could not be sent", "Letters that could not be sent", "550 5.1.1 mailbox unavailable");
        assertThat(failures.substring(failures.indexOf("Letters that could not be sent"), failures.indexOf("What sending would do now")))
                .contains("Liverpool City Council").doesNotContain("Knowsley");
        assertThat(workspace.signedIn(ServedWorkspace.ADMINISTRATOR).get("/workspace/audit?action=resend-letters").body())
                .contains("letter of Knowsley Metropolitan Borough Council 2023-24", ANALYST);

        try (Connection c = workspace.connection(); PreparedStatement m = c.prepareStatement("insert into letter_message (organisation_code,"
                + " reporting_year, sending, letter_version, message_id, state, claimed_by, claimed_at, attempts, error, finished_at)"
                + " select organisation_code, reporting_year, max(sending) + 1, max(letter_version), '<unknown@test>', 'unknown', '1@test',"
                + " current_timestamp, 1, 'Exception reading response (SocketTimeoutException: Read timed out)', current_timestamp"
                + " from letter_message where organisation_code = ? group by organisation_code, reporting_year")) {
            m.setString(1, KNOWSLEY);
            assertThat(m.executeUpdate()).isEqualTo(1);
        }
        String unknown = analyst.get("/workspace/years/2023-24").body();
        assertThat(unknown).contains("1 letter may or may not have been delivered", "Letters whose delivery is unknown", "Read timed out");
        assertThat(unknown.substring(unknown.indexOf("What sending would do now"))).containsPattern(
                "Knowsley Metropolitan Borough Council</th>\\s*<td class=\"govuk-table__cell\">unknown: may have been delivered");
        int sentSoFar = workspace.smtp.getReceivedMessages().length;
        sendAll(analyst);
        assertThat(workspace.smtp.getReceivedMessages().length).as("an unknown letter is not sent again by Send").isEqualTo(sentSoFar);
    }

    @Test
    void anAnalystWritesTheLettersAfterATemplateChangeAndApprovesOnlyKnowsleysNewVersion() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        assertThat(analyst.get("/workspace").body()).contains("href=\"/workspace/years/2023-24/letters\"",
                "Write, review and approve the letters of 2023-24");
        int letters = count("select count(distinct organisation_code) from letter where reporting_year = '2023-24'");
        int knowsleyBefore = latestVersion(KNOWSLEY);
        String before = analyst.get("/workspace/years/2023-24/letters").body();
        assertThat(analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf", Visitor.csrf(before),
                "version", String.valueOf(knowsleyBefore))).statusCode()).isEqualTo(303);
        assertThat(row(analyst.get("/workspace/years/2023-24/letters").body(), KNOWSLEY)).contains("Approved</strong> by " + ANALYST);
        String templatePage = analyst.get("/workspace/years/2023-24/template").body();
        String edited = Files.readString(workspace.directory.resolve("2023-24.md")).replace("By email", "By email and by hand");
        assertThat(analyst.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(templatePage), "source", edited,
                "organisation", "")).statusCode()).isEqualTo(303);
        String yearPage = analyst.get("/workspace/years/2023-24").body();
        assertThat(yearPage).contains("<label class=\"govuk-label\" for=\"organisation\">Organisation (GSS code or name)</label>",
                "action=\"/workspace/years/2023-24/letters/write\"", "href=\"/workspace/years/2023-24/letters\"",
                "Approve the latest letters", "Send the approved letters");

        HttpResponse<String> unconfirmed = analyst.post("/workspace/years/2023-24/letters/write", Map.of("_csrf", Visitor.csrf(yearPage),
                "organisation", ""));
        assertThat(Visitor.location(unconfirmed)).as("every council's letters: asked to confirm first").endsWith("/workspace/years/2023-24/letters/write");
        assertThat(latestVersion(KNOWSLEY)).isEqualTo(knowsleyBefore);
        String confirm = analyst.get("/workspace/years/2023-24/letters/write").body();
        assertThat(confirm).contains("Write the letters of " + letters + " councils?", "1 of the latest letters are approved now");

        String job = writeAll(analyst, confirm);

        assertThat(analyst.get(job).body()).contains("Writing the letters of 2023-24", "Finished",
                letters + " written: " + letters + " new versions, 0 as before", "data-finished=\"true\"");
        int knowsley = latestVersion(KNOWSLEY);
        assertThat(knowsley).isEqualTo(knowsleyBefore + 1);
        String awaiting = analyst.get("/workspace/years/2023-24/letters?awaiting=yes").body();
        assertThat(row(awaiting, KNOWSLEY)).as("written again, so to approve again").contains("Knowsley Metropolitan Borough Council", "Awaiting approval",
                ">" + knowsley + "</td>", "/workspace/organisations/E08000011/letters/2023-24.html",
                "/workspace/organisations/E08000011/letters/2023-24.pdf");
        assertThat(row(awaiting, LIVERPOOL)).contains("Liverpool City Council", "Awaiting approval");
        assertThat(analyst.get("/workspace/organisations/" + KNOWSLEY + "/letters/2023-24.html").body()).contains("By email and by hand");

        HttpResponse<String> stale = analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf",
                Visitor.csrf(awaiting), "version", String.valueOf(knowsleyBefore)));
        assertThat(stale.statusCode()).as("the version seen is no longer the latest").isEqualTo(409);
        assertThat(stale.body()).contains("There is a problem", "was written again (version " + knowsley + ")");
        assertThat(approvals(KNOWSLEY, knowsley)).isZero();

        HttpResponse<String> approved = analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf",
                Visitor.csrf(awaiting), "version", String.valueOf(knowsley), "name", "", "awaiting", "yes"));

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(Visitor.location(approved)).endsWith("/workspace/years/2023-24/letters?done=approved&letter=E08000011&awaiting=yes");
        String afterwards = analyst.follow(approved).body();
        assertThat(afterwards).contains("The letter of Knowsley Metropolitan Borough Council, version " + knowsley + ", is approved.");
        assertThat(afterwards).as("awaiting approval only").contains("id=\"letter-" + LIVERPOOL + "\"").doesNotContain("id=\"letter-" + KNOWSLEY + "\"");
        String review = analyst.get("/workspace/years/2023-24/letters").body();
        assertThat(row(review, KNOWSLEY)).contains("Approved</strong> by " + ANALYST).doesNotContain("Awaiting approval");
        assertThat(row(review, LIVERPOOL)).contains("Awaiting approval").doesNotContain("Approved</strong>");
        assertThat(analyst.get("/workspace/years/2023-24/letters?name=knowsley").body()).contains("id=\"letter-" + KNOWSLEY + "\"")
                .doesNotContain("id=\"letter-" + LIVERPOOL + "\"", "Liverpool City Council");
        assertThat(approvals(LIVERPOOL, latestVersion(LIVERPOOL))).isZero();
        assertThat(analyst.post("/workspace/years/2023-24/letters/" + KNOWSLEY + "/approve", Map.of("_csrf", Visitor.csrf(review),
                "version", String.valueOf(knowsley))).headers().firstValue("Location").orElse("")).contains("done=already");

        HttpResponse<String> again = analyst.post("/workspace/years/2023-24/letters/write", Map.of("_csrf", Visitor.csrf(review),
                "organisation", "Liverpool"));
        assertThat(analyst.follow(again).body()).contains("1 letter written: 0 new versions, 1 as before.");

        String audit = workspace.signedIn(ServedWorkspace.ADMINISTRATOR).get("/workspace/audit").body();
        String approvals = workspace.signedIn(ServedWorkspace.ADMINISTRATOR).get("/workspace/audit?action=approve-letter").body();
        assertThat(auditRow(approvals, "Letter approved</td>")).contains(ANALYST, "letter of Knowsley Metropolitan Borough Council 2023-24, version " + knowsley);
        assertThat(auditRow(audit, "letters of 2023-24")).contains(ANALYST, "Letters written</td>",
                letters + " written: " + letters + " new versions, 0 as before");
        assertThat(auditRow(audit, "letter of Liverpool City Council 2023-24")).contains(ANALYST, "Letters written</td>", "1 written: 0 new versions, 1 as before");
    }

    @Test
    void writingForAnUnknownOrganisationShowsTheErrorSummaryAndWritesNothing() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        int before = count("select count(*) from letter");

        HttpResponse<String> refused = analyst.post("/workspace/years/2023-24/letters/write", Map.of("_csrf",
                Visitor.csrf(analyst.get("/workspace/years/2023-24").body()), "organisation", "Nowhere Council"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem: no letter was written", "<a href=\"#organisation\">",
                "no organisation has the code or name &#39;Nowhere Council&#39;", "govuk-input--error", "value=\"Nowhere Council\"",
                "Approve the latest letters").doesNotContain("Exception", "at org.");
        assertThat(count("select count(*) from letter")).isEqualTo(before);
        assertThat(workspace.signedIn(ServedWorkspace.ADMINISTRATOR).get("/workspace/audit").body()).doesNotContain("Nowhere");
    }

    @Test
    void writingTheLettersOfAYearWithNoTemplateShowsTheProblem() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);

        assertThat(analyst.get("/workspace/years/2022-23/letters/write").body()).as("the confirmation page says why, and offers no button")
                .contains("The letters of 2022-23 cannot be written yet", "no letter template is loaded for 2022-23")
                .doesNotContain("Yes, write");
        HttpResponse<String> refused = analyst.post("/workspace/years/2022-23/letters/write", Map.of("_csrf",
                Visitor.csrf(analyst.get("/workspace/years/2022-23").body()), "organisation", "", "confirmed", "yes"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem: no letter was written", "<a href=\"/workspace/years/2022-23/template\">",
                "No letter template is loaded for 2022-23").doesNotContain("templates load");
        assertThat(count("select count(*) from letter where reporting_year = '2022-23'")).isZero();
        assertThat(analyst.get("/workspace/years/2022-23/letters").body()).contains("No letter of 2022-23 is written yet");
    }

    @Test
    void anUnknownYearOrOrganisationIsAPageNotFound() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        String csrf = Visitor.csrf(analyst.get("/workspace").body());

        for (String path : List.of("/workspace/years/2023-25/letters", "/workspace/years/nonsense/letters")) {
            HttpResponse<String> missing = analyst.get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).contains("Page not found");
        }
        for (String path : List.of("/workspace/years/2023-24/letters/E99999999/approve", "/workspace/years/2022-23/letters/" + KNOWSLEY + "/approve",
                "/workspace/years/nonsense/letters/" + KNOWSLEY + "/approve", "/workspace/years/nonsense/letters/write")) {
            assertThat(analyst.post(path, Map.of("_csrf", csrf)).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(count("select count(*) from letter_approval where reporting_year = '2022-23'")).isZero();
    }

    @Test
    void aCouncilUserIsRefusedWritingReviewingAndApproving() throws Exception {
        Visitor council = workspace.signedIn(ServedWorkspace.COUNCIL);
        String start = council.get("/workspace").body();
        assertThat(start).doesNotContain("Write, review and approve");
        int approvalsBefore = count("select count(*) from letter_approval");
        int lettersBefore = count("select count(*) from letter");

        for (String path : List.of("/workspace/years/2023-24/letters", "/workspace/years/2023-24/letters?awaiting=yes&name=Knowsley")) {
            assertThat(council.get(path).statusCode()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/workspace/years/2023-24/letters/write", "/workspace/years/2023-24/letters/" + LIVERPOOL + "/approve")) {
            assertThat(council.post(path, Map.of("_csrf", Visitor.csrf(start), "organisation", KNOWSLEY)).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(count("select count(*) from letter_approval")).isEqualTo(approvalsBefore);
        assertThat(count("select count(*) from letter")).isEqualTo(lettersBefore);
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        int approvalsBefore = count("select count(*) from letter_approval");
        int lettersBefore = count("select count(*) from letter");
        String template = analyst.get("/workspace/years/2023-24/template").body();
        assertThat(analyst.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(template), "organisation", "",
                "source", Files.readString(workspace.directory.resolve("2023-24.md")).replace("By email", "By email, unsigned")))
                .statusCode()).as("a new template, so that writing would make new versions").isEqualTo(303);

        assertThat(analyst.post("/workspace/years/2023-24/letters/write", Map.of("organisation", "")).statusCode()).isEqualTo(403);
        assertThat(analyst.post("/workspace/years/2023-24/letters/" + LIVERPOOL + "/approve", Map.of()).statusCode()).isEqualTo(403);
        assertThat(analyst.post("/workspace/years/2023-24/letters/" + LIVERPOOL + "/approve", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);

        assertThat(count("select count(*) from letter")).isEqualTo(lettersBefore);
        assertThat(count("select count(*) from letter_approval")).isEqualTo(approvalsBefore);
    }

    /** The table row of one organisation's letter on the review page. */
    static String row(String page, String code) {
        Matcher m = Pattern.compile("<tr class=\"govuk-table__row\" id=\"letter-" + code + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + code).isTrue();
        return m.group(1);
    }

    /** The latest row of the audit log that mentions the words. */
    static String auditRow(String page, String words) {
        return Arrays.stream(page.split("<tr ")).skip(1).filter(r -> r.contains(words)).findFirst().orElse("");
    }

    @Test
    void aTemplateReachingBeyondItsFieldsIsRefusedByThePreviewAndTheLoadWithItsLineAndNothingIsLoaded() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        String page = analyst.get("/workspace/years/2023-24/template").body();
        String source = Files.readString(workspace.directory.resolve("2023-24.md"));
        int templateVersion = count("select max(version) from letter_template where reporting_year = '2023-24'");
        String dumping = source.replace("By email\n", "By email {% set a = [_context] %}{{ a | first }}\n");
        int line = Arrays.asList(dumping.split("\n")).indexOf("By email {% set a = [_context] %}{{ a | first }}") + 1;

        HttpResponse<String> preview = analyst.post("/workspace/years/2023-24/preview", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", dumping));
        HttpResponse<String> load = analyst.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", dumping));

        for (HttpResponse<String> refused : List.of(preview, load)) {
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem", "line " + line + ": &#39;_context&#39; is not a field")
                    .doesNotContain("chief.executive@", "Knowsley Metropolitan Borough Council");
        }
        assertThat(count("select max(version) from letter_template where reporting_year = '2023-24'")).isEqualTo(templateVersion);

        String repeating = source.replace("signatory-titles:\n", "signatory-titles:\n" + "  - A title\n".repeat(40))
                .replace("By email\n", "By email\n{% for a in signatory.titles %}{% for b in signatory.titles %}.{% endfor %}{% endfor %}\n");
        long started = System.nanoTime();
        HttpResponse<String> tooLong = analyst.post("/workspace/years/2023-24/preview", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", repeating));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("this letter would repeat more than 1,000 times");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("the request is not held").isLessThan(java.time.Duration.ofSeconds(5));
    }

    static int latestVersion(String code) throws Exception {
        return count("select max(version) from letter where reporting_year = '2023-24' and organisation_code = ?", code);
    }

    static int approvals(String code, int version) throws Exception {
        return count("select count(*) from letter_approval where reporting_year = '2023-24' and organisation_code = ? and version = ?", code, version);
    }

    static int count(String sql, Object... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
