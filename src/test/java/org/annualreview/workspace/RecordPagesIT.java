package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ADMINISTRATOR;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The records in the workspace, one at a time, over the real server on H2 and PostgreSQL: found by words, added and
 * changed through forms whose checks are the import's, problems in the GOV.UK error summary with nothing saved,
 * every change audited before and after, and the register changed by administrators only.
 */
class RecordPagesIT extends OnEachDatabase {


    /** A decision's form as a person fills it in: dates as day, month and year. */
    static Map<String, String> decision(String reference, String decided) {
        String[] dmy = decided.split("/");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("case_reference", reference);
        form.put("organisation_code", "Knowsley");
        form.put("service_area", "housing");
        form.put("received_date-day", "2");
        form.put("received_date-month", "4");
        form.put("received_date-year", "2023");
        form.put("decision_date-day", dmy[0]);
        form.put("decision_date-month", dmy[1]);
        form.put("decision_date-year", dmy[2]);
        form.put("outcome", "upheld");
        form.put("detailed_investigation", "");
        form.put("satisfactory_remedy", "no");
        return form;
    }

    static Map<String, String> with(Map<String, String> form, String csrf, String... more) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    @Nested
    class Finding {

        @Test
        void theRecordsPageCountsEachTypeAndAListFindsByWordsLeavingOutTheRest() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);

            assertThat(analyst.get("/workspace/records").body()).contains("Decisions", "Recommendations and compliance", "Contacts",
                    "Training courses delivered");
            String found = analyst.get("/workspace/records/recommendations?q=care+assessments").body();

            assertThat(found).contains("Review how care assessments are recorded and train staff", "1 recommendation")
                    .doesNotContain("Apologise to the complainant");
            assertThat(found).contains("Complied late");
        }

        @Test
        void aLongListIsShownFiftyAPageWithNumberedPagesThatKeepTheSearch() throws Exception {
            try (var c = workspace.connection(); var s = c.prepareStatement(
                    "insert into population (organisation_code, mid_year, residents) values ('E08000012', ?, ?)")) {
                for (int year = 1801; year <= 1920; year++) {   // 120 estimates of years no figure reads
                    s.setInt(1, year);
                    s.setInt(2, 100000 + year);
                    s.executeUpdate();
                }
            }
            try {
                Visitor analyst = workspace.signedIn(ANALYST);
                String address = "/workspace/records/populations?q=&organisation=E08000012&case=";

                String first = analyst.get(address).body();
                java.util.regex.Matcher total = java.util.regex.Pattern.compile("Showing 1 to 50 of (\\d+)\\.").matcher(first);
                assertThat(total.find()).as("the first page says how many in all").isTrue();
                long found = Long.parseLong(total.group(1));
                assertThat(found).as("the 120 and the sample's").isGreaterThanOrEqualTo(120);
                assertThat(first).contains("<nav class=\"govuk-pagination\"", "aria-label=\"Page 1\" aria-current=\"page\"",
                        "href=\"" + address.replace("&", "&amp;") + "&amp;page=2\" rel=\"next\"").doesNotContain("rel=\"prev\"");
                assertThat(first.split("<tr class=\"govuk-table__row\">", -1)).as("50 rows and the heading row").hasSize(52);

                String second = analyst.get(address + "&page=2").body();
                assertThat(second).contains("Showing 51 to 100 of " + found + ".", "aria-label=\"Page 2\" aria-current=\"page\"",
                        "rel=\"prev\"");
                int last = (int) ((found + 49) / 50);
                assertThat(analyst.get(address + "&page=" + (last + 5)).body()).as("beyond the last page: the last")
                        .contains("Showing " + ((last - 1) * 50 + 1) + " to " + found + " of " + found + ".").doesNotContain("rel=\"next\"");
            } finally {
                try (var c = workspace.connection(); var s = c.prepareStatement("delete from population where mid_year <= 1920")) {
                    s.executeUpdate();
                }
            }
        }

        @Test
        void anOrganisationsContactsAreListedByItsNameAndNoOtherOrganisationsAre() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);

            String contacts = analyst.get("/workspace/records/contacts?organisation=Liverpool").body();

            assertThat(contacts).contains("E08000012").doesNotContain("knowsley.sample.invalid");
            assertThat(analyst.get("/workspace/records/contacts?organisation=" + KNOWSLEY).body())
                    .contains("chief.executive@knowsley.sample.invalid", "Chief executive");
        }

        @Test
        void aRecordThatDoesNotExistIsNotFound() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);

            assertThat(analyst.get("/workspace/records/decisions/edit?key=NO-SUCH-CASE").statusCode()).isEqualTo(404);
            assertThat(analyst.get("/workspace/records/complaints").statusCode()).isEqualTo(404);
            assertThat(analyst.get("/workspace/records/recommendations/edit?key=SAMPLE-23-0001&key=one").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Adding {

        @Test
        void aDecisionWithProblemsIsShownBackWithEachInTheErrorSummaryAndNothingIsSaved() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/decisions/new").body();
            assertThat(form).contains("Add a decision", "govuk-date-input");

            HttpResponse<String> refused = analyst.post("/workspace/records/decisions/new", with(decision("FORM-1", "31/2/2024"),
                    Visitor.csrf(form), "service_area", "", "received_date-day", "", "satisfactory_remedy", "yes", "outcome", "not-upheld"));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem: nothing was saved",
                    "href=\"#f-service_area\">Select service area",
                    "href=\"#f-received_date-day\">Date the complaint was received must include a day",
                    "href=\"#f-decision_date-day\">Decision date must be a real date",
                    "value=\"FORM-1\"", "value=\"31\"");
            HttpResponse<String> stillRefused = analyst.post("/workspace/records/decisions/new", with(decision("FORM-1", "28/2/2024"),
                    Visitor.csrf(form), "satisfactory_remedy", "yes", "outcome", "not-upheld"));
            assertThat(stillRefused.statusCode()).as("the rules across fields, once every field reads").isEqualTo(422);
            assertThat(stillRefused.body()).contains(
                    "href=\"#f-satisfactory_remedy\">A satisfactory remedy by the organisation is recorded only on upheld decisions");
            assertThat(analyst.get("/workspace/records/decisions/edit?key=FORM-1").statusCode()).as("nothing saved").isEqualTo(404);
        }

        @Test
        void aDecisionAddedFromTheFormIsStoredAsAnImportWouldAndAuditedWithWhoAndWhat() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/decisions/new").body();

            HttpResponse<String> added = analyst.post("/workspace/records/decisions/new", with(decision("FORM-2", "5/10/2023"), Visitor.csrf(form)));

            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(Visitor.location(added)).endsWith("/workspace/records/decisions/edit?key=FORM-2&done=added");
            assertThat(analyst.follow(added).body()).contains("The record is added.", "Decision FORM-2", "value=\"E08000011\"",
                    "Recommendations and compliance of this case");
            try (var c = workspace.connection(); var s = c.prepareStatement(
                    "select organisation_code, reporting_year, detailed_investigation, decided_on from decision where case_reference = ?")) {
                s.setString(1, "FORM-2");
                try (var rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("the name given, read as the council's code").isEqualTo(KNOWSLEY);
                    assertThat(rs.getString(2)).isEqualTo("2023-24");
                    assertThat(rs.getBoolean(3)).as("taken from the outcome").isTrue();
                    assertThat(rs.getDate(4).toLocalDate()).isEqualTo(java.time.LocalDate.of(2023, 10, 5));
                }
            }
            String audit = latestAudited("add-record");
            assertThat(audit).contains("Record added", "decision FORM-2", ANALYST, "decision_date: 2023-10-05");
        }

        @Test
        void aKeyAlreadyUsedIsRefusedRatherThanOverwritten() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/decisions/new").body();

            HttpResponse<String> refused = analyst.post("/workspace/records/decisions/new", with(decision("SAMPLE-23-0001", "5/10/2023"),
                    Visitor.csrf(form), "outcome", "not-upheld", "satisfactory_remedy", "no"));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is already a decision SAMPLE-23-0001: change that one instead");
            assertThat(analyst.get("/workspace/records/decisions/edit?key=SAMPLE-23-0001").body()).contains("value=\"upheld\" selected");
        }

        @Test
        void aContactIsAddedFromItsOrganisationsPageAndItsEmailChecked() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/contacts/new?organisation_code=E08000012").body();
            assertThat(form).contains("value=\"E08000012\"");
            Map<String, String> contact = new LinkedHashMap<>(Map.of("organisation_code", "E08000012", "role", "monitoring-officer",
                    "title", "Ms", "given_name", "Rae", "surname", "Officer", "job_title", "Monitoring Officer", "salutation", "",
                    "email", "rae.officer@liverpool.example"));

            HttpResponse<String> bad = analyst.post("/workspace/records/contacts/new", with(contact, Visitor.csrf(form), "email", "rae at liverpool"));
            HttpResponse<String> added = analyst.post("/workspace/records/contacts/new", with(contact, Visitor.csrf(form)));

            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("href=\"#f-email\">&#39;rae at liverpool&#39; is not an email address");
            assertThat(added.statusCode()).isEqualTo(303);
            assertThat(analyst.get("/workspace/records/contacts?organisation=E08000012").body()).contains("rae.officer@liverpool.example")
                    .doesNotContain("rae at liverpool");
        }
    }

    @Nested
    class Changing {

        @Test
        void aRecommendationsComplianceIsChangedAndTheAuditKeepsItBeforeAndAfter() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String page = analyst.get("/workspace/records/recommendations/edit?key=SAMPLE-23-0001&key=1").body();
            assertThat(page).contains("Recommendation SAMPLE-23-0001 / 1", "value=\"complied\" selected", "value=\"14\"");
            Map<String, String> form = new LinkedHashMap<>(Map.of("case_reference", "SAMPLE-23-0001", "number", "1",
                    "recommendation", "Apologise to the complainant and pay £300 for the distress caused",
                    "due_date-day", "14", "due_date-month", "7", "due_date-year", "2023", "compliance_outcome", "complied-late",
                    "compliance_date-day", "20", "compliance_date-month", "7", "compliance_date-year", "2023"));

            HttpResponse<String> changed = analyst.post("/workspace/records/recommendations/edit", with(form, Visitor.csrf(page)));

            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(analyst.follow(changed).body()).contains("The record is changed", "value=\"complied-late\" selected", "value=\"20\"");
            String audit = latestAudited("change-record");
            assertThat(audit).contains("Record changed", "recommendation SAMPLE-23-0001 / 1", "compliance_outcome: complied",
                    "compliance_outcome: complied-late", "compliance_date: 2023-07-10", "compliance_date: 2023-07-20");
        }

        @Test
        void savingARecordAsItWasChangesNothingAndIsNotAudited() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String page = analyst.get("/workspace/records/training-totals/edit?key=2023-24").body();
            int before = countOf(workspace.signedIn(ADMINISTRATOR).get("/workspace/audit").body(), "training total");

            HttpResponse<String> saved = analyst.post("/workspace/records/training-totals/edit", List.of(Map.entry("_csrf", Visitor.csrf(page)),
                    Map.entry("reporting_year", "2023-24"), Map.entry("workshops", valueOf(page, "workshops")),
                    Map.entry("people_reached", valueOf(page, "people_reached"))));

            assertThat(Visitor.location(saved)).endsWith("done=unchanged");
            assertThat(analyst.follow(saved).body()).contains("Nothing changed");
            assertThat(countOf(workspace.signedIn(ADMINISTRATOR).get("/workspace/audit").body(), "training total")).isEqualTo(before);
        }

        @Test
        void aChangeThatBreaksARuleIsRefusedAndTheRecordStaysAsItWas() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String page = analyst.get("/workspace/records/enquiries/edit?key=" + firstEnquiry(analyst)).body();
            List<Map.Entry<String, String>> form = new ArrayList<>(formOf(page));
            form.replaceAll(e -> e.getKey().equals("due_date-year") ? Map.entry("due_date-year", "1999") : e);

            HttpResponse<String> refused = analyst.post("/workspace/records/enquiries/edit", form);

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("The enquiry is due before it was sent");
            assertThat(analyst.get("/workspace/records/enquiries/edit?key=" + firstEnquiry(analyst)).body()).doesNotContain("value=\"1999\"");
        }
    }

    @Test
    void anXlsxWorkbookUploadedInTheWorkspaceIsImportedSheetBySheetAndAgainChangesNothing() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        byte[] workbook = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/samples/records.xlsx"));

        HttpResponse<String> first = analyst.uploadBytes("/workspace/imports", Visitor.csrf(analyst.get("/workspace/imports").body()),
                Map.of("records.xlsx", workbook));
        HttpResponse<String> again = analyst.uploadBytes("/workspace/imports", Visitor.csrf(first.body()), Map.of("records.xlsx", workbook));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("The files were imported.", "records.xlsx, sheet decisions");
        assertThat(again.body()).contains("The files were imported.");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">"
                + "([^<]+)</th><td class=\"govuk-table__cell\">[^<]*</td>\\s*<td[^>]*>(\\d+)</td><td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td><td[^>]*>(\\d+)</td>")
                .matcher(again.body());
        int sheets = 0;
        while (row.find()) {
            sheets++;
            assertThat(row.group(3) + " inserted, " + row.group(4) + " updated").as(row.group(1)).isEqualTo("0 inserted, 0 updated");
            assertThat(row.group(5)).as(row.group(1)).isEqualTo(row.group(2));
        }
        assertThat(sheets).as("a row per sheet").isEqualTo(org.annualreview.imports.RecordType.values().length);
    }

    @Nested
    class Deleting {

        @Test
        void aContactIsDeletedOnlyOnceConfirmedAndTheAuditKeepsWhatItHeld() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/contacts/new").body();
            assertThat(analyst.post("/workspace/records/contacts/new", with(Map.of("organisation_code", "E08000012", "role", "monitoring-officer",
                    "surname", "Leaver", "email", "leaver@liverpool.example"), Visitor.csrf(form))).statusCode()).isEqualTo(303);
            String page = analyst.get("/workspace/records/contacts/edit?key=E08000012&key=monitoring-officer&key=leaver@liverpool.example").body();
            assertThat(page).contains("href=\"/workspace/records/contacts/delete?key=E08000012&amp;key=monitoring-officer&amp;key=leaver%40liverpool.example\"");

            String confirm = analyst.get("/workspace/records/contacts/delete?key=E08000012&key=monitoring-officer&key=leaver%40liverpool.example").body();
            assertThat(confirm).contains("Delete contact E08000012 / monitoring-officer / leaver@liverpool.example?", "Leaver", "Yes, delete it");
            assertThat(analyst.get("/workspace/records/contacts?organisation=E08000012").body()).as("not before it is confirmed")
                    .contains("leaver@liverpool.example");
            HttpResponse<String> deleted = analyst.post("/workspace/records/contacts/delete", List.of(Map.entry("_csrf", Visitor.csrf(confirm)),
                    Map.entry("key", "E08000012"), Map.entry("key", "monitoring-officer"), Map.entry("key", "leaver@liverpool.example")));

            assertThat(deleted.statusCode()).isEqualTo(303);
            assertThat(analyst.follow(deleted).body()).contains("Deleted: contact E08000012 / monitoring-officer / leaver@liverpool.example.")
                    .doesNotContain("<a class=\"govuk-link\" href=\"/workspace/records/contacts/edit?key=E08000012&amp;key=monitoring-officer&amp;key=leaver");
            assertThat(analyst.get("/workspace/records/contacts/edit?key=E08000012&key=monitoring-officer&key=leaver@liverpool.example").statusCode())
                    .isEqualTo(404);
            assertThat(latestAudited("delete-record")).contains("contact E08000012 / monitoring-officer / leaver@liverpool.example", ANALYST,
                    "surname: Leaver");
        }

        @Test
        void aDecisionWithRecommendationsIsKeptAndThePageSaysWhatStillBelongsToIt() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String confirm = analyst.get("/workspace/records/decisions/delete?key=SAMPLE-23-0001").body();

            HttpResponse<String> kept = analyst.post("/workspace/records/decisions/delete", List.of(Map.entry("_csrf", Visitor.csrf(confirm)),
                    Map.entry("key", "SAMPLE-23-0001")));

            assertThat(kept.statusCode()).isEqualTo(409);
            assertThat(kept.body()).contains("There is a problem: nothing was deleted", "The decision still has 2 recommendations", "delete those first")
                    .doesNotContain("Yes, delete it");
            assertThat(analyst.get("/workspace/records/decisions/edit?key=SAMPLE-23-0001").statusCode()).isEqualTo(200);
        }

        @Test
        void aDecisionWithNothingOfItsOwnIsDeletedAndLeavesTheDatabase() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String form = analyst.get("/workspace/records/decisions/new").body();
            assertThat(analyst.post("/workspace/records/decisions/new", with(decision("MISTAKE-1", "5/10/2023"), Visitor.csrf(form))).statusCode())
                    .isEqualTo(303);

            HttpResponse<String> deleted = analyst.post("/workspace/records/decisions/delete", List.of(Map.entry("_csrf", Visitor.csrf(form)),
                    Map.entry("key", "MISTAKE-1")));

            assertThat(deleted.statusCode()).isEqualTo(303);
            try (var c = workspace.connection(); var s = c.prepareStatement("select count(*) from decision where case_reference in (?, ?)")) {
                s.setString(1, "MISTAKE-1");
                s.setString(2, "SAMPLE-23-0002");
                try (var rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("only the decoy is left").isEqualTo(1);
                }
            }
        }

        @Test
        void anOrganisationIsDeletedByAnAdministratorOnlyAndNotWhileItHasRecords() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String page = analyst.get("/workspace").body();
            assertThat(analyst.post("/workspace/records/organisations/delete", List.of(Map.entry("_csrf", Visitor.csrf(page)),
                    Map.entry("key", KNOWSLEY))).statusCode()).isEqualTo(403);

            Visitor administrator = workspace.signedIn(ADMINISTRATOR);
            HttpResponse<String> kept = administrator.post("/workspace/records/organisations/delete", List.of(
                    Map.entry("_csrf", Visitor.csrf(administrator.get("/workspace").body())), Map.entry("key", KNOWSLEY)));
            assertThat(kept.statusCode()).isEqualTo(409);
            assertThat(kept.body()).contains("The organisation still has", "decisions", "contacts");
        }
    }

    @Nested
    class WhoMay {

        @Test
        void anAnalystReadsTheRegisterButOnlyAnAdministratorChangesIt() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);
            String page = analyst.get("/workspace/records/organisations/edit?key=" + KNOWSLEY).body();
            assertThat(page).contains("Administrators keep the register", "Knowsley Metropolitan Borough Council").doesNotContain("Save the changes");
            assertThat(page).as("its contacts, who the letter goes to").contains("Chief executive", "chief.executive@knowsley.sample.invalid",
                    "Leader", "leader@knowsley.sample.invalid").doesNotContain("liverpool.sample.invalid");
            List<Map.Entry<String, String>> form = List.of(Map.entry("_csrf", Visitor.csrf(page)), Map.entry("code", KNOWSLEY),
                    Map.entry("name", "Knowsley Council"), Map.entry("kind", "metropolitan-borough"));

            assertThat(analyst.post("/workspace/records/organisations/edit", form).statusCode()).isEqualTo(403);
            assertThat(analyst.get("/workspace/records/organisations/new").statusCode()).isEqualTo(403);

            Visitor administrator = workspace.signedIn(ADMINISTRATOR);
            String adminPage = administrator.get("/workspace/records/organisations/edit?key=" + KNOWSLEY).body();
            List<Map.Entry<String, String>> renamed = new ArrayList<>(formOf(adminPage));
            renamed.replaceAll(e -> e.getKey().equals("short_name") ? Map.entry("short_name", "Knowsley MBC") : e);
            HttpResponse<String> changed = administrator.post("/workspace/records/organisations/edit", renamed);
            assertThat(changed.statusCode()).isEqualTo(303);
            assertThat(administrator.follow(changed).body()).contains("value=\"Knowsley MBC\"", "value=\"53.43\"");
        }

        @Test
        void aCouncilUserAndThePublicReachNoRecordPage() throws Exception {
            Visitor council = workspace.signedIn(COUNCIL);
            String csrf = Visitor.csrf(council.get("/workspace").body());
            Visitor anyone = workspace.visitor();

            for (String path : List.of("/workspace/records", "/workspace/records/decisions", "/workspace/records/decisions/new",
                    "/workspace/records/decisions/edit?key=SAMPLE-23-0001", "/workspace/records/contacts?organisation=" + KNOWSLEY)) {
                assertThat(council.get(path).statusCode()).as(path).isEqualTo(403);
                assertThat(anyone.get(path).statusCode()).as(path).isEqualTo(302);
            }
            assertThat(council.post("/workspace/records/decisions/new", with(decision("COUNCIL-1", "5/10/2023"), csrf)).statusCode()).isEqualTo(403);
            assertThat(council.post("/workspace/records/contacts/new", Map.of("_csrf", csrf, "organisation_code", KNOWSLEY)).statusCode()).isEqualTo(403);
        }

        @Test
        void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
            Visitor analyst = workspace.signedIn(ANALYST);

            assertThat(analyst.post("/workspace/records/decisions/new", decision("FORGED-1", "5/10/2023")).statusCode()).isEqualTo(403);
            assertThat(analyst.get("/workspace/records/decisions/edit?key=FORGED-1").statusCode()).isEqualTo(404);
        }
    }

    /** The audit log's page of the latest event of an action, with its whole before and after. */
    private static String latestAudited(String action) throws Exception {
        Visitor administrator = workspace.signedIn(ADMINISTRATOR);
        String list = administrator.get("/workspace/audit?action=" + action).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/workspace/audit/\\d+)\"").matcher(list);
        assertThat(m.find()).as("an event of " + action).isTrue();
        return administrator.get(m.group(1)).body();
    }

    private static String firstEnquiry(Visitor analyst) throws Exception {
        String list = analyst.get("/workspace/records/enquiries").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/workspace/records/enquiries/edit\\?key=([^\"]+)\"").matcher(list);
        assertThat(m.find()).as(list).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The form's fields as the page holds them: inputs with their values, the chosen option of each select and radio. */
    static List<Map.Entry<String, String>> formOf(String page) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        var inputs = java.util.regex.Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*>").matcher(page);
        while (inputs.find()) {
            String tag = inputs.group();
            if (tag.contains("type=\"radio\"") && !tag.contains(" checked")) {
                continue;
            }
            var value = java.util.regex.Pattern.compile("value=\"([^\"]*)\"").matcher(tag);
            fields.add(Map.entry(inputs.group(1), value.find() ? unescape(value.group(1)) : ""));
        }
        var selects = java.util.regex.Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", java.util.regex.Pattern.DOTALL).matcher(page);
        while (selects.find()) {
            var chosen = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(selects.group(2));
            fields.add(Map.entry(selects.group(1), chosen.find() ? chosen.group(1) : ""));
        }
        var areas = java.util.regex.Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", java.util.regex.Pattern.DOTALL).matcher(page);
        while (areas.find()) {
            fields.add(Map.entry(areas.group(1), unescape(areas.group(2))));
        }
        return fields;   // the sign-out form's CSRF field too: the same token
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String valueOf(String page, String name) {
        return formOf(page).stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
