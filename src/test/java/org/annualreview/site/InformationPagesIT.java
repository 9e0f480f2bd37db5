package org.annualreview.site;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.decisions.Decisions;
import org.annualreview.imports.Imports;
import org.annualreview.letters.LetterLayout;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.publication.Releases;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The GOV.UK frame of the public site: the accessibility statement, privacy notice, cookies and contact pages, and the
 * layout around every page (the header with its navigation, the phase banner, the footer with its links and licence),
 * with breadcrumbs on the pages that sit under a council; 2023-24 published.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class InformationPagesIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    static final String KNOWSLEY = "E08000011";
    static final Instant DAY = Instant.parse("2024-07-23T23:00:00Z");      // 00:00 on 24 July, 2023-24's publication day

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    MockMvc site;

    @BeforeEach
    void publishTheYear() {
        database = TestDatabase.start(databaseKind);
        Statistics statistics = new Statistics(database.dataSource(), Clock.fixed(Instant.parse("2024-07-01T09:00:00Z"), ZoneId.of("UTC")));
        Organisations organisations = new Organisations(database.dataSource());
        Letters letters = new Letters(database.dataSource(), statistics, organisations, Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation("E08000012", "Liverpool City Council", "Metropolitan Borough")
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2023-05-01"))
                .decision(aDecision("L1").about("E08000012").notUpheld().decidedOn("2023-07-01"))
                .importInto(new Imports(database.dataSource(), event -> statistics.markAllStale()));
        letters.loadTemplate(YEAR, Path.of("templates/2023-24.md"));   // publication-date: 24 July
        letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);
        Releases releases = new Releases(database.dataSource(), statistics, letters, new Decisions(database.dataSource()), organisations,
                Clock.systemUTC());
        letters.approve(YEAR, Optional.empty(), "Ann Admin");
        for (String code : releases.councilsOf(YEAR)) {
            releases.recordException(YEAR, organisations.byCode(code).orElseThrow(), "no contact on file", Letters.Actor.operator());
        }
        releases.publish(YEAR, Letters.Actor.operator());
        Publication publication = new Publication(Clock.fixed(DAY, ZoneId.of("UTC")), letters, releases);
        site = MockMvcBuilders.standaloneSetup(
                new SiteController(publication, organisations, letters, new Boundaries(database.dataSource(), Clock.systemUTC())),
                new DecisionPages(publication, organisations, statistics),
                new OpenData(publication, organisations, new SiteAddress("http://localhost")),
                new InformationPages()).build();
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    String page(String path) throws Exception {
        MockHttpServletResponse answer = site.perform(get(path)).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path).isEqualTo(200);
        assertThat(answer.getContentType()).as(path).startsWith("text/html");
        return answer.getContentAsString();
    }

    @Test
    void eachInformationPageAnswersWithItsHeadingAndItsOwnWords() throws Exception {
        Map<String, List<String>> pages = Map.of(
                "/accessibility", List.of("<h1 class=\"govuk-heading-xl\">Accessibility statement</h1>", "WCAG) version 2.2 to the AA standard",
                        "axe-core", "works without JavaScript", "table beside it", "web page version", "href=\"/contact\"",
                        "Equality and Human Rights Commission (EHRC)", "prepared on 3 December 2026"),
                "/privacy", List.of("<h1 class=\"govuk-heading-xl\">Privacy notice</h1>", "sets no cookies", "no analytics",
                        "network (IP) address", "audit log", "Monitoring officers", "How long we keep it", "UK GDPR",
                        "Information Commissioner's Office (ICO)"),
                "/cookies", List.of("<h1 class=\"govuk-heading-xl\">Cookies</h1>", "\"Your council's performance\" sets no cookies",
                        "<code>SESSION</code>", "security token", "no cookie banner"),
                "/contact", List.of("<h1 class=\"govuk-heading-xl\">Contact</h1>", "read by the team that runs this service",
                        "usual contact routes"));
        for (Map.Entry<String, List<String>> each : pages.entrySet()) {
            String page = page(each.getKey());
            assertThat(page).as(each.getKey()).contains(each.getValue()).contains("<title>" + page.substring(page.indexOf("heading-xl\">") + 12,
                    page.indexOf("</h1>")) + " – Your council's performance</title>");
            theFrame(page, each.getKey());
        }
    }

    @Test
    void theHomePageAndACouncilsPageHaveTheHeaderNavigationPhaseBannerAndFooter() throws Exception {
        for (String path : List.of("/", "/councils/" + KNOWSLEY)) {
            theFrame(page(path), path);
        }
        assertThat(page("/councils/" + KNOWSLEY)).contains("Knowsley Metropolitan Borough Council");
    }

    static final Map<String, String> NAVIGATION = new java.util.LinkedHashMap<>(Map.of("/", "Councils", "/councils", "Find a council",
            "/decisions", "Decisions", "/about-the-statistics", "About the statistics", "/api/docs", "Open data"));

    @Test
    void theHeaderNavigationMarksTheSectionOfThePageShownAndOnlyThat() throws Exception {
        Map<String, String> sections = Map.of("/", "/", "/councils/" + KNOWSLEY, "/", "/councils?q=knowsley", "/councils",
                "/decisions", "/decisions", "/about-the-statistics", "/about-the-statistics", "/api/docs", "/api/docs", "/accessibility", "");
        for (Map.Entry<String, String> each : sections.entrySet()) {
            String page = page(each.getKey());
            String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
            if (each.getValue().isEmpty()) {
                assertThat(header).as(each.getKey() + " is under no item").doesNotContain("aria-current", "--active");
                continue;
            }
            assertThat(header).as(each.getKey()).contains("govuk-service-navigation__item govuk-service-navigation__item--active\"><a "
                    + "class=\"govuk-service-navigation__link\" href=\"" + each.getValue() + "\" aria-current=\"true\"><strong "
                    + "class=\"govuk-service-navigation__active-fallback\">" + NAVIGATION.get(each.getValue()) + "</strong></a>");
            assertThat(header.split("aria-current", -1)).as(each.getKey() + ": one item only").hasSize(2);
        }
    }

    /** What every page of the site has around its content, and what none has: a menu button or inline style or script. */
    static void theFrame(String page, String path) {
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertThat(header).as(path + ": the header").contains("govuk-header", "govuk-header__service-name\">Your council's performance</a>",
                "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">",
                "govuk-phase-banner__content__tag\">Beta</strong>",
                "This is a new service. Help us improve it: <a class=\"govuk-link\" href=\"/contact\">give feedback</a>.")
                .as(path + ": the links are shown without a script, so there is no menu button to open them")
                .doesNotContain("govuk-service-navigation__toggle", "hidden");
        NAVIGATION.forEach((href, words) -> assertThat(header).as(path + ": the navigation's " + words).containsPattern(
                "<a class=\"govuk-service-navigation__link\" href=\"" + java.util.regex.Pattern.quote(href) + "\"( aria-current=\"true\")?>"
                        + "(<strong class=\"govuk-service-navigation__active-fallback\">)?" + words + "(</strong>)?</a>"));
        String footer = page.substring(page.indexOf("<footer class=\"govuk-footer\">"), page.indexOf("</footer>"));
        assertThat(footer).as(path + ": the footer").contains(
                "<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a>",
                "<a class=\"govuk-footer__link\" href=\"/privacy\">Privacy notice</a>",
                "<a class=\"govuk-footer__link\" href=\"/cookies\">Cookies</a>",
                "<a class=\"govuk-footer__link\" href=\"/contact\">Contact</a>",
                "All content is available under the <a class=\"govuk-footer__link\" "
                        + "href=\"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/\" rel=\"license\">"
                        + "Open Government Licence v3.0</a>, except where otherwise stated",
                "© the Ombudsman", "A rate based on fewer than " + CouncilRow.FEW + " cases is marked");
        assertThat(page).as(path + ": the Content-Security-Policy allows no inline style or script").doesNotContain(" style=")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void thePagesUnderACouncilHaveBreadcrumbsInsteadOfABackLink() throws Exception {
        String councils = "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/\">Councils</a></li>";
        String knowsley = "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"/councils/" + KNOWSLEY
                + "\">Knowsley Metropolitan Borough Council</a></li>";
        Map<String, List<String>> pages = Map.of(
                "/councils/" + KNOWSLEY + "/compare", List.of(councils, knowsley,
                        "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Compared with other Metropolitan Boroughs</li>"),
                "/councils/" + KNOWSLEY + "/decisions", List.of(councils, knowsley,
                        "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Decisions</li>"),
                "/councils/" + KNOWSLEY + "/counted/2023-24/upheld", List.of(councils, knowsley,
                        "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Records counted</li>", "/decisions/K1"),
                "/decisions/K1", List.of(councils, knowsley, "<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" "
                        + "href=\"/councils/" + KNOWSLEY + "/decisions\">Decisions</a></li>",
                        "<li class=\"govuk-breadcrumbs__list-item\" aria-current=\"page\">Decision K1</li>"));
        for (Map.Entry<String, List<String>> each : pages.entrySet()) {
            String page = page(each.getKey());
            assertThat(page).as(each.getKey()).contains("<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\">")
                    .contains(each.getValue()).doesNotContain("govuk-back-link");
            assertThat(page.indexOf("govuk-breadcrumbs")).as(each.getKey() + ": above the main content")
                    .isLessThan(page.indexOf("<main"));
        }
        assertThat(page("/decisions")).as("every council's decisions sit under none").doesNotContain("govuk-breadcrumbs", "govuk-back-link")
                .contains("/decisions/K1", "/decisions/L1");
    }

    @Test
    void theSitemapListsTheInformationPages() throws Exception {
        String sitemap = site.perform(get("/sitemap.xml")).andReturn().getResponse().getContentAsString();

        assertThat(sitemap).contains("<loc>http://localhost/accessibility</loc>", "<loc>http://localhost/privacy</loc>",
                "<loc>http://localhost/cookies</loc>", "<loc>http://localhost/contact</loc>", "<loc>http://localhost/about-the-statistics</loc>");
    }
}
