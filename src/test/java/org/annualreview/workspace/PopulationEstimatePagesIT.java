package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ADMINISTRATOR;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Choosing on a year's page which population estimate its figures per 100,000 residents divide by, over the real server
 * on H2 and PostgreSQL, with the sample records (Knowsley: mid-2022 154,517 and mid-2023 155,134 residents; Liverpool and
 * Cumberland mid-2023; Allerdale, gone before 2023-24, mid-2021): the same choice as the command line's, audited the
 * same, refused with the GOV.UK error summary and nothing changed, and the analysts' and administrators' alone. The year
 * is published by the last test, to show its release keeps its figures.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PopulationEstimatePagesIT extends OnEachDatabase {

    static final String YEAR = "2023-24";
    static final String PAGE = "/workspace/years/" + YEAR;
    static final String FORM = PAGE + "/population-estimate";
    static final String STALE = "select case when stale then 'stale' else 'fresh' end from statistics_snapshot where reporting_year = '" + YEAR + "'";

    /** Back to the rule, by the command line, for the next test. */
    @AfterEach
    void backToTheRule() {
        assertThat(workspace.cli("stats", "--year", YEAR, "--choose-population-estimate", "rule", "--reason", "put back after a test")
                .exitCode()).isZero();
    }

    static HttpResponse<String> choose(Visitor visitor, String estimate, String reason) throws Exception {
        String page = visitor.get(PAGE).body();
        return visitor.post(FORM, Map.of("_csrf", Visitor.csrf(page), "estimate", estimate, "reason", reason));
    }

    /** What `stats --explain upheld-per-100000` says of Knowsley: the estimate divided by, and who chose it. */
    static String explained() {
        ServedWorkspace.Run run = workspace.cli("stats", "--year", YEAR, "--organisation", "Knowsley", "--explain", "upheld-per-100000");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    static List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = workspace.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** What a choice would change: the choice kept, the year's snapshot (fresh or stale), its figures, and the audit log. */
    static List<String> state() throws Exception {
        List<String> state = new ArrayList<>();
        state.addAll(rows("select * from population_estimate_chosen"));
        state.addAll(rows("select reporting_year, computed_at, case when stale then 'stale' else 'fresh' end from statistics_snapshot order by reporting_year"));
        state.addAll(rows("select organisation_code, population_mid_year, residents from organisation_figures where reporting_year = '" + YEAR
                + "' order by organisation_code"));
        state.addAll(rows("select count(*) from audit_event where action = 'choose-population-estimate'"));
        return state;
    }

    static List<String> radios(Document page) {
        return page.select("form#population-estimate-form input[name=estimate]").eachAttr("value");
    }

    static String checked(Document page) {
        Element checked = page.selectFirst("form#population-estimate-form input[name=estimate][checked]");
        return checked == null ? "(none)" : checked.attr("value");
    }

    @Test
    @Order(1)
    void theYearPageSaysTheRuleIsUsedAndOffersTheEstimatesOfTheYearsCouncilsOnly() throws Exception {
        Document page = Jsoup.parse(workspace.signedIn(ANALYST).get(PAGE).body());

        assertThat(page.selectFirst("#population-estimate-now").text())
                .contains("The rule's estimate: each council's mid-2023 estimate (the middle of 2023-24)");
        assertThat(radios(page)).as("Allerdale's mid-2021 is not of a council of 2023-24").containsExactly("rule", "2022", "2023");
        assertThat(checked(page)).isEqualTo("rule");
        Element form = page.selectFirst("form#population-estimate-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo(FORM);
        assertThat(form.select("input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
        assertThat(form.select("textarea[name=reason]")).hasSize(1);
        assertThat(form.select("script")).isEmpty();
    }

    @Test
    @Order(2)
    void anAnalystChoosesAnEstimateThroughTheFormAndTheFiguresDivideByItAsByTheCommandLine() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        assertThat(explained()).contains("Divided by the mid-2023 population estimate, 155,134 residents");
        assertThat(rows(STALE)).containsExactly("fresh|");

        HttpResponse<String> chosen = choose(analyst, "2022", "fits the published figure");

        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(303);
        assertThat(Visitor.location(chosen)).endsWith(PAGE + "?done=estimate#population-estimate");
        assertThat(rows(STALE)).as("to be worked out again").containsExactly("stale|");
        Document page = Jsoup.parse(analyst.follow(chosen).body());
        assertThat(page.selectFirst(".govuk-notification-banner").text()).contains("now divide by the mid-2022 estimate");
        assertThat(page.selectFirst("#population-estimate-now").text()).contains("Each council's mid-2022 estimate (chosen)", ANALYST,
                "fits the published figure");
        assertThat(checked(page)).isEqualTo("2022");
        assertThat(explained()).contains("Divided by the mid-2022 population estimate, 154,517 residents",
                "The mid-2022 estimate was chosen for 2023-24 by " + ANALYST + " on ", ": fits the published figure");
        assertThat(rows("select actor, subject, before_text, after_text from audit_event where action = 'choose-population-estimate'"
                + " order by id desc fetch first 1 rows only"))
                .containsExactly(ANALYST + "|2023-24|the rule|mid-2022: fits the published figure|");

        HttpResponse<String> back = choose(analyst, "rule", "the middle of the year after all");

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(explained()).contains("Divided by the mid-2023 population estimate, 155,134 residents", "The estimate is the rule's for 2023-24");
        assertThat(rows("select actor, before_text, after_text from audit_event where action = 'choose-population-estimate'"
                + " order by id desc fetch first 1 rows only"))
                .containsExactly(ANALYST + "|mid-2022: fits the published figure|the rule: the middle of the year after all|");
    }

    @Test
    @Order(3)
    void aMissingReasonOrAnEstimateNoCouncilOfTheYearHasIsRefusedWithTheErrorSummaryAndNothingChanges() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        explained();   // the figures worked out: a refusal must not mark them stale either
        List<String> before = state();

        HttpResponse<String> noReason = choose(analyst, "2022", "  ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(noReason.body());
        assertThat(page.select(".govuk-error-summary a").eachText()).containsExactly("Enter why the figures of 2023-24 divide by this estimate");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#estimate-reason");
        assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("There is a problem: the population estimate was not changed");
        assertThat(page.select("#estimate-reason-error").text()).contains("Enter why");
        assertThat(checked(page)).as("the choice shown back").isEqualTo("2022");

        for (String unknown : List.of("2021", "1999", "2024")) {
            HttpResponse<String> refused = choose(analyst, unknown, "a reason");
            assertThat(refused.statusCode()).as(unknown).isEqualTo(422);
            Document answer = Jsoup.parse(refused.body());
            assertThat(answer.select(".govuk-error-summary a").eachText()).as(unknown)
                    .containsExactly("Select one of the estimates listed: no council of 2023-24 has a mid-" + unknown + " estimate that can stand for it");
            assertThat(answer.select(".govuk-error-summary a").attr("href")).isEqualTo("#estimate");
            assertThat(answer.select("#estimate-error")).hasSize(1);
            assertThat(answer.select("textarea[name=reason]").text()).as("the reason shown back").isEqualTo("a reason");
        }
        HttpResponse<String> neither = choose(analyst, "", "");
        assertThat(neither.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(neither.body()).select(".govuk-error-summary a").eachAttr("href")).containsExactly("#estimate", "#estimate-reason");
        HttpResponse<String> tooLong = choose(analyst, "2022", "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("The reason must be 2,000 characters or fewer");

        assertThat(analyst.post("/workspace/years/2023-25/population-estimate", Map.of("_csrf", Visitor.csrf(analyst.get(PAGE).body()),
                "estimate", "2022", "reason", "a reason")).statusCode()).as("no such reporting year").isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aCouncilUserTheSignedOutAndAFormWithoutItsTokenAreRefusedAndAnAdministratorMayChoose() throws Exception {
        explained();
        List<String> before = state();
        Visitor council = workspace.signedIn(COUNCIL);
        String councilsPage = council.get("/workspace").body();
        assertThat(council.get(PAGE).statusCode()).as("the form is not shown to a council user").isEqualTo(403);
        assertThat(council.get("/workspace/organisations/" + KNOWSLEY + "/figures/" + YEAR).body()).as("nor on its figures page")
                .doesNotContain("population-estimate");
        HttpResponse<String> byCouncil = council.post(FORM, Map.of("_csrf", Visitor.csrf(councilsPage), "estimate", "2022", "reason", "ours"));
        assertThat(byCouncil.statusCode()).isEqualTo(403);

        Visitor anyone = workspace.visitor();
        HttpResponse<String> signedOut = anyone.post(FORM, Map.of("_csrf", Visitor.csrf(anyone.get("/login").body()), "estimate", "2022",
                "reason", "mine"));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(signedOut)).endsWith("/login");

        Visitor analyst = workspace.signedIn(ANALYST);
        assertThat(analyst.post(FORM, Map.of("estimate", "2022", "reason", "no token")).statusCode()).isEqualTo(403);
        assertThat(state()).isEqualTo(before);

        HttpResponse<String> byAdministrator = choose(workspace.signedIn(ADMINISTRATOR), "2022", "the administrator's choice");
        assertThat(byAdministrator.statusCode()).isEqualTo(303);
        assertThat(explained()).contains("Divided by the mid-2022 population estimate, 154,517 residents", "by " + ADMINISTRATOR + " on ");
    }

    /** Last: the year stays published for this class's run. */
    @Test
    @Order(5)
    void aPublishedYearsReleaseKeepsItsFiguresAndThePageSaysTheChangeIsForTheWorkingFiguresAndTheNextRelease() throws Exception {
        workspace.publishByException(YEAR);
        String released = "select * from release_figures order by release_id, organisation_code";
        List<String> release = rows(released);
        String knowsleyReleased = "select r.number, f.population_mid_year, f.residents from release_figures f"
                + " join publication_release r on r.id = f.release_id where f.organisation_code = '" + KNOWSLEY + "'";
        assertThat(rows(knowsleyReleased)).containsExactly("1|2023|155134|");
        Visitor analyst = workspace.signedIn(ANALYST);
        assertThat(Jsoup.parse(analyst.get(PAGE).body()).text()).contains("2023-24 is published: a change of estimate applies to the working figures",
                "and to the next release, when an administrator issues a revision. Release 1 keeps the figures it was published with.");

        HttpResponse<String> chosen = choose(analyst, "2022", "fits the published figure");

        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(rows(released)).as("the release, frozen").isEqualTo(release);
        assertThat(rows(knowsleyReleased)).containsExactly("1|2023|155134|");
        assertThat(explained()).as("the working figures").contains("Divided by the mid-2022 population estimate, 154,517 residents");
        assertThat(Jsoup.parse(analyst.follow(chosen).body()).text()).contains("the published release keeps its figures until a revision",
                "The working figures differ from the published release for 1 council");
    }
}
