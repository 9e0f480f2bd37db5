package org.annualreview.workspace;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.annualreview.testing.ServedWorkspace.LIVERPOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.DecisionRow;
import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A council officer's figures page in the workspace, over the real server on H2 and PostgreSQL, before publication (the
 * sample records' 2023-24 is published only in 2099): each key statistic against the average for the council's type,
 * marked where it rests on few cases, each count linked to the cases behind it, which are exactly those the figure
 * counts (50 a page); nothing of another council's; "no investigations" where there is nothing to divide by.
 */
class CountedCasesPageIT extends OnEachDatabase {

    static String figuresOf(String code, String year) {
        return "/workspace/organisations/" + code + "/figures/" + year;
    }

    static String countedOf(String code, String year, String statistic) {
        return "/workspace/organisations/" + code + "/counted/" + year + "/" + statistic;
    }

    /** Knowsley's 2024-25: 56 detailed investigations (30 upheld, 12 of those with a remedy), 4 closed without one. */
    static final List<String> UPHELD = new ArrayList<>();
    static final List<String> NOT_UPHELD = new ArrayList<>();
    static final List<String> REMEDIED = new ArrayList<>();

    /** Imports Knowsley's busy 2024-25, with a Liverpool decision and Knowsley decisions of other kinds that no list may show. */
    static void importABusyYear(org.annualreview.testing.ServedWorkspace workspace) throws Exception {
        UPHELD.clear();
        NOT_UPHELD.clear();
        REMEDIED.clear();
        RecordFiles files = new RecordFiles(Files.createTempDirectory("counted"));
        for (int i = 1; i <= 56; i++) {
            String reference = String.format("BUSY-24-%04d", i);
            String decided = java.time.LocalDate.of(2024, 4, 1).plusDays(5L * i).toString();
            DecisionRow decision = aDecision(reference).about(KNOWSLEY).decidedOn(decided);
            if (i <= 30) {
                decision.upheld();
                UPHELD.add(reference);
                if (i % 5 < 2) {
                    decision.withRemedy();
                    REMEDIED.add(reference);
                }
            } else {
                decision.notUpheld();
                NOT_UPHELD.add(reference);
            }
            files.decision(decision);
        }
        for (int i = 1; i <= 4; i++) {
            files.decision(aDecision("BUSY-24-CLOSED-" + i).about(KNOWSLEY).outcome("Closed after initial enquiries").decidedOn("2024-06-0" + i));
        }
        files.decision(aDecision("BUSY-24-LIVERPOOL").about(LIVERPOOL).upheld().decidedOn("2024-06-10"));
        List<String> args = new ArrayList<>(List.of("import"));
        files.write().forEach(f -> args.add(f.toString()));
        assertThat(workspace.cli(args.toArray(String[]::new)).exitCode()).isZero();
    }

    /** The figures page's key statistics, by label: the cells of each row. */
    static Map<String, List<String>> keyStatistics(String page) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : Jsoup.parse(page).select("#key-statistics").first().parent().select("tbody tr")) {
            rows.put(row.selectFirst("th").text(), row.select("td").eachText());
        }
        return rows;
    }

    /** The cases listed on a counted page: each case's reference and its cells. */
    static Map<String, List<String>> cases(Document page) {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        Element caption = page.getElementById("cases-caption");
        if (caption != null) {
            for (Element row : caption.parent().select("tbody tr")) {
                cases.put(row.selectFirst("th").text(), row.select("td").eachText());
            }
        }
        return cases;
    }

    /** Every page of a counted list, followed by its "Next" link. */
    static Map<String, List<String>> allPages(Visitor visitor, String path) throws Exception {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String next = path;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> answer = visitor.get(next);
            assertThat(answer.statusCode()).as(next).isEqualTo(200);
            Document page = Jsoup.parse(answer.body());
            Map<String, List<String>> listed = cases(page);
            assertThat(listed.size()).as("at most 50 a page: " + next).isLessThanOrEqualTo(50);
            listed.keySet().forEach(reference -> assertThat(all).as("each case once").doesNotContainKey(reference));
            all.putAll(listed);
            Element link = page.selectFirst("a[rel=next]");
            next = link == null ? null : link.attr("href");
            assertThat(++pages).isLessThan(10);
        }
        return all;
    }

    @Test
    void theFiguresPageShowsEachStatisticAgainstItsTypesAverageMarkedWhereItRestsOnFewCases() throws Exception {
        String page = workspace.signedIn(COUNCIL).get(figuresOf(KNOWSLEY, "2023-24")).body();

        // Knowsley: 2 upheld of 3 investigations, remedy in 1 of the 2, 1 case complied (late); Liverpool: 1 upheld of 1,
        // no remedy, 1 case complied: Metropolitan Boroughs 3 of 4 upheld (75%), 1 of 3 remedied (33%), 2 of 2 complied
        assertThat(Jsoup.parse(page).text()).contains("against the average of Metropolitan Boroughs");
        Map<String, List<String>> rows = keyStatistics(page);
        assertThat(rows.get("Complaints upheld")).containsExactly("67% few cases",
                "2 upheld of 3 detailed investigations: the cases behind complaints upheld", "75%");
        assertThat(rows.get("Satisfactory remedy provided by the authority")).containsExactly("50% few cases",
                "1 of 2 upheld: the cases behind satisfactory remedy provided by the authority", "33%");
        assertThat(rows.get("Compliance with recommendations")).containsExactly("100% few cases",
                "1 complied of 1 cases due: the cases behind compliance with recommendations", "100%");
        assertThat(rows.get("Upheld complaints per 100,000 residents").get(0)).as("no few-cases marker on a figure per 100,000")
                .doesNotContain("few cases");
        assertThat(rows).as("the Code's statistic from 2026-27 only").doesNotContainKey("Complaint Handling Code failures found");
        assertThat(page).contains("href=\"" + countedOf(KNOWSLEY, "2023-24", "upheld") + "\"",
                "href=\"" + countedOf(KNOWSLEY, "2023-24", "compliance") + "\"");
    }

    @Test
    void theCasesBehindAFigureAreExactlyTheDecisionsItCountsFiftyAPage() throws Exception {
        importABusyYear(workspace);
        Visitor council = workspace.signedIn(COUNCIL);
        assertThat(keyStatistics(council.get(figuresOf(KNOWSLEY, "2024-25")).body()).get("Complaints upheld"))
                .startsWith("54%", "30 upheld of 56 detailed investigations: the cases behind complaints upheld");

        Document first = Jsoup.parse(council.get(countedOf(KNOWSLEY, "2024-25", "upheld")).body());
        assertThat(first.select("h1").text()).isEqualTo("Complaints upheld: Knowsley Metropolitan Borough Council, 2024-25");
        assertThat(cases(first)).hasSize(50);
        assertThat(first.select(".govuk-pagination").text()).contains("Next");
        assertThat(first.text()).contains("Showing 1 to 50 of 56.");

        Map<String, List<String>> investigations = allPages(council, countedOf(KNOWSLEY, "2024-25", "upheld"));
        List<String> investigated = new ArrayList<>(UPHELD);
        investigated.addAll(NOT_UPHELD);
        assertThat(investigations.keySet()).as("every detailed investigation, the denominator, and nothing else")
                .containsExactlyInAnyOrderElementsOf(investigated);
        assertThat(investigations.entrySet().stream().filter(e -> e.getValue().get(e.getValue().size() - 1).equals("Yes")).map(Map.Entry::getKey))
                .as("those counted as upheld, the numerator").containsExactlyInAnyOrderElementsOf(UPHELD);
        assertThat(investigations.get("BUSY-24-0001")).containsExactly("6 April 2024", "Housing", "Upheld", "Yes");
        assertThat(investigations.get("BUSY-24-0031")).containsExactly("3 September 2024", "Housing", "Not upheld", "No");

        Map<String, List<String>> upheld = allPages(council, countedOf(KNOWSLEY, "2024-25", "upheld") + "?show=counted");
        assertThat(upheld.keySet()).as("only the upheld, on one page").containsExactlyElementsOf(UPHELD);

        Map<String, List<String>> remedied = allPages(council, countedOf(KNOWSLEY, "2024-25", "satisfactory-remedy"));
        assertThat(remedied.keySet()).as("the upheld, the remedy's denominator").containsExactlyElementsOf(UPHELD);
        assertThat(remedied.entrySet().stream().filter(e -> e.getValue().get(3).equals("Yes")).map(Map.Entry::getKey))
                .containsExactlyElementsOf(REMEDIED);
        assertThat(keyStatistics(council.get(figuresOf(KNOWSLEY, "2024-25")).body()).get("Satisfactory remedy provided by the authority").get(1))
                .startsWith(REMEDIED.size() + " of " + UPHELD.size() + " upheld");

        assertThat(allPages(council, countedOf(KNOWSLEY, "2024-25", "upheld-per-100000")).keySet()).as("the upheld a figure per 100,000 counts")
                .containsExactlyElementsOf(UPHELD);
    }

    @Test
    void theCasesBehindComplianceAreTheCasesWhoseRecommendationsFellDueWithTheirOutcome() throws Exception {
        Document page = Jsoup.parse(workspace.signedIn(COUNCIL).get(countedOf(KNOWSLEY, "2023-24", "compliance")).body());

        assertThat(page.text()).contains("100% few cases", "1 complied of 1 cases due", "Average of Metropolitan Boroughs 100%");
        assertThat(cases(page)).containsExactly(Map.entry("SAMPLE-23-0001", List.of("14 September 2023", "2", "Complied late", "Yes")));
    }

    @Test
    void withNothingToDivideByTheFiguresSayNoInvestigationsNeverNaNOrZeroPercent() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);
        // Knowsley has no decision in 2022-23 (Allerdale's makes it a year with decisions)
        String figures = council.get(figuresOf(KNOWSLEY, "2022-23")).body();
        Map<String, List<String>> rows = keyStatistics(figures);
        assertThat(rows.get("Complaints upheld")).startsWith("no investigations");
        assertThat(rows.get("Compliance with recommendations")).startsWith("no recommendations due for compliance");
        assertThat(rows.get("Satisfactory remedy provided by the authority")).startsWith("no upheld complaints");
        assertThat(Jsoup.parse(figures).text()).doesNotContain("NaN").as("no made-up 0% (a 10% average is fine)")
                .doesNotContainPattern("(?<![0-9.])0%");
        assertThat(Jsoup.parse(figures).select("#key-statistics").first().parent().text()).as("nothing to mark").doesNotContain("few cases");

        String counted = Jsoup.parse(council.get(countedOf(KNOWSLEY, "2022-23", "upheld")).body()).text();
        assertThat(counted).contains("No detailed investigations in 2022-23, so the figure reads \"no investigations\".")
                .doesNotContain("NaN").doesNotContainPattern("(?<![0-9.])0%");
    }

    @Test
    void aCouncilOfficerFindsNothingOfAnotherCouncilsCasesAndStaffSeeAnyCouncils() throws Exception {
        importABusyYear(workspace);
        Visitor council = workspace.signedIn(COUNCIL);
        HttpResponse<String> nothing = council.get(countedOf("E99999999", "2024-25", "upheld"));
        assertThat(nothing.statusCode()).isEqualTo(404);
        for (String path : List.of(countedOf(LIVERPOOL, "2024-25", "upheld"), countedOf(LIVERPOOL.toLowerCase(), "2024-25", "upheld"),
                countedOf(LIVERPOOL, "2023-24", "compliance") + "?show=counted", countedOf(LIVERPOOL, "2024-25", "satisfactory-remedy"))) {
            HttpResponse<String> answer = council.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as("the same answer as for nothing: " + path).isEqualTo(nothing.body())
                    .doesNotContain("BUSY-24-LIVERPOOL", "SAMPLE-23-0006", "Liverpool");
        }
        assertThat(council.get(countedOf(KNOWSLEY, "2024-25", "late-enquiries")).statusCode()).as("not a key statistic").isEqualTo(404);
        assertThat(council.get(countedOf(KNOWSLEY, "2024-25", "code-failures")).statusCode()).as("the Code's from 2026-27").isEqualTo(404);
        assertThat(council.get(countedOf(KNOWSLEY, "1999-00", "upheld")).statusCode()).as("a year without decisions").isEqualTo(404);
        assertThat(cases(Jsoup.parse(council.get(countedOf(KNOWSLEY, "2024-25", "upheld")).body()))).as("its own cases: no record links")
                .doesNotContainKey("BUSY-24-LIVERPOOL");
        assertThat(council.get(countedOf(KNOWSLEY, "2024-25", "upheld")).body()).doesNotContain("/workspace/records/");

        HttpResponse<String> anyone = workspace.visitor().get(countedOf(KNOWSLEY, "2024-25", "upheld"));
        assertThat(anyone.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(anyone)).endsWith("/login");

        Visitor analyst = workspace.signedIn(ANALYST);
        Document liverpool = Jsoup.parse(analyst.get(countedOf(LIVERPOOL, "2024-25", "upheld")).body());
        assertThat(cases(liverpool)).containsOnlyKeys("BUSY-24-LIVERPOOL");
        assertThat(liverpool.select("a[href='/workspace/records/decisions/edit?key=BUSY-24-LIVERPOOL']")).as("staff open the record").hasSize(1);

        String careProvider = analyst.get(figuresOf("SAMPLE-CP-0001", "2023-24")).body();
        assertThat(keyStatistics(careProvider).get("Complaints upheld")).as("a body of no council type: no average")
                .containsExactly("100% few cases", "1 upheld of 1 detailed investigations: the cases behind complaints upheld");
        assertThat(careProvider).doesNotContain("Average of");
        assertThat(cases(Jsoup.parse(analyst.get(countedOf("SAMPLE-CP-0001", "2023-24", "upheld")).body()))).containsOnlyKeys("SAMPLE-23-0008");
    }

    @Test
    void theCasesBehindTheCodesFiguresAreTheInvestigationsWithAFailureAndThoseOfEachProvision() throws Exception {
        List<java.nio.file.Path> files = new RecordFiles(Files.createTempDirectory("code"))
                .decision(aDecision("CODE-C1").about(KNOWSLEY).upheld().decidedOn("2026-05-04"))
                .decision(aDecision("CODE-C2").about(KNOWSLEY).notUpheld().decidedOn("2026-06-04"))
                .decision(aDecision("CODE-C3").about(LIVERPOOL).upheld().decidedOn("2026-06-05"))
                .row("code-failures", RecordFiles.cells("case_reference", "CODE-C1", "provision", "stage-2-late"))
                .row("code-failures", RecordFiles.cells("case_reference", "CODE-C3", "provision", "stage-2-late"))
                .write();
        List<String> args = new ArrayList<>(List.of("import"));
        files.stream().sorted(java.util.Comparator.comparing(f -> f.getFileName().toString().startsWith("decisions") ? 0 : 1))
                .forEach(f -> args.add(f.toString()));
        assertThat(workspace.cli(args.toArray(String[]::new)).exitCode()).isZero();
        Visitor council = workspace.signedIn(COUNCIL);

        String figures = council.get(figuresOf(KNOWSLEY, "2026-27")).body();
        assertThat(keyStatistics(figures).get("Complaint Handling Code failures found")).containsExactly("50% few cases",
                "1 with a failure of 2 detailed investigations: the cases behind complaint handling code failures found", "67%");
        String provision = countedOf(KNOWSLEY, "2026-27", "code-failures") + "?provision=stage-2-late";
        assertThat(figures).contains("href=\"" + provision.replace("&", "&amp;") + "\"");

        assertThat(cases(Jsoup.parse(council.get(countedOf(KNOWSLEY, "2026-27", "code-failures")).body())))
                .containsExactly(Map.entry("CODE-C1", List.of("4 May 2026", "Housing", "Upheld", "Yes")),
                        Map.entry("CODE-C2", List.of("4 June 2026", "Housing", "Not upheld", "No")));
        Document failing = Jsoup.parse(council.get(provision + "&show=counted").body());
        assertThat(failing.select("h1").text()).startsWith("Complaint Handling Code: Stage 2");
        assertThat(failing.text()).contains("50% few cases", "1 that failed it of 2 detailed investigations");
        assertThat(cases(failing)).containsOnlyKeys("CODE-C1");
        assertThat(council.get(countedOf(KNOWSLEY, "2026-27", "code-failures") + "?provision=no-such-provision").statusCode()).isEqualTo(404);
        assertThat(council.get(countedOf(KNOWSLEY, "2026-27", "upheld") + "?provision=stage-2-late").statusCode()).isEqualTo(404);
        assertThat(council.get(countedOf(LIVERPOOL, "2026-27", "code-failures") + "?provision=stage-2-late").statusCode()).isEqualTo(404);
    }
}
