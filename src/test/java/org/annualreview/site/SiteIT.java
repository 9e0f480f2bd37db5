package org.annualreview.site;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
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
import org.annualreview.testing.SettableClock;
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
 * The public site over HTTP, with 2023-24's publication day (24 July 2024, from its template) on either side
 * of the clock: a minute before midnight, UK time, nothing of the year can be reached; at midnight, all of it.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class SiteIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    static final String KNOWSLEY = "E08000011";
    static final Instant EVE = Instant.parse("2024-07-23T22:59:00Z");      // 23:59 on 23 July, British Summer Time
    static final Instant DAY = Instant.parse("2024-07-23T23:00:00Z");      // 00:00 on 24 July

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Statistics statistics;
    Letters letters;
    Organisations organisations;
    Releases releases;

    @BeforeEach
    void publishTheYearsLetters() {
        database = TestDatabase.start(databaseKind);
        statistics = new Statistics(database.dataSource(), Clock.fixed(Instant.parse("2024-07-01T09:00:00Z"), ZoneId.of("UTC")));
        organisations = new Organisations(database.dataSource());
        letters = new Letters(database.dataSource(), statistics, organisations, Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
        Imports imports = new Imports(database.dataSource(), event -> statistics.markAllStale());
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation("E08000012", "Liverpool City Council", "Metropolitan Borough")
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2023-05-01"))
                .decision(aDecision("K2").about(KNOWSLEY).notUpheld().decidedOn("2023-06-01").publicReport("2023-08-01", "Knowsley: the lost school transport"))
                .serviceImprovement("K1", 1, "In progress")
                .recommendation("K1", 1, "2023-06-01", "complied", "2023-05-20")
                .decision(aDecision("L1").about("E08000012").upheld().decidedOn("2023-07-01"))
                .importInto(imports);
        letters.loadTemplate(YEAR, Path.of("templates/2023-24.md"));   // publication-date: 24 July
        letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.pdf), Optional.empty(), Letters.Progress.NONE);
        releases = new Releases(database.dataSource(), statistics, letters, new Decisions(database.dataSource()), organisations, Clock.systemUTC());
        publish(YEAR);
    }

    /** Approved, and (no council here has a contact on file) published by exception: release 1. */
    void publish(ReportingYear year) {
        letters.approve(year, Optional.empty(), "Ann Admin");
        for (String code : releases.councilsOf(year)) {
            releases.recordException(year, organisations.byCode(code).orElseThrow(), "no contact on file", Letters.Actor.operator());
        }
        releases.publish(year, Letters.Actor.operator());
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    MockMvc siteAt(Instant now) {
        Publication publication = new Publication(Clock.fixed(now, ZoneId.of("UTC")), letters, releases);
        return MockMvcBuilders.standaloneSetup(
                        new SiteController(publication, organisations, letters, new Boundaries(database.dataSource(), Clock.systemUTC())),
                        new DecisionPages(publication, organisations, statistics),
                        new OpenData(publication, organisations, new SiteAddress("http://localhost")))
                .addFilters(new org.springframework.web.filter.ShallowEtagHeaderFilter()).build();
    }

    MockMvc apiAt(Instant now) {
        Publication publication = new Publication(Clock.fixed(now, ZoneId.of("UTC")), letters, releases);
        return MockMvcBuilders.standaloneSetup(new ApiController(publication, () -> false)).build();
    }

    MockHttpServletResponse fetch(MockMvc site, String path) throws Exception {
        return site.perform(get(path)).andReturn().getResponse();
    }

    @Test
    void beforeItsPublicationDayNoRouteShowsAnythingOfTheYear() throws Exception {
        MockMvc site = siteAt(EVE);

        assertThat(fetch(site, "/").getContentAsString()).contains("No year's figures have been published yet").doesNotContain("2023-24", "class=\"hex-map\"");
        assertThat(fetch(site, "/?year=2023-24").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString())
                .contains("Knowsley Metropolitan Borough Council", "No published figures")
                .doesNotContain("2023-24", "50%", "lost school transport", "Train staff");
        assertThat(fetch(site, "/data/statistics-2023-24.csv").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/decisions/K1").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/compare").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/feed.atom").getContentAsString()).contains("<feed").doesNotContain("<entry>");
        MockMvc api = apiAt(EVE);
        assertThat(fetch(api, "/api/years").getContentAsString()).isEqualTo("{\"publishedYears\":[]}");
        assertThat(fetch(api, "/api/years/2023-24").getStatus()).isEqualTo(404);
        assertThat(fetch(api, "/api/years/2023-24/councils/" + KNOWSLEY).getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/feed.atom").getContentAsString()).contains("<feed").doesNotContain("<entry>");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions").getContentAsString()).contains("0 decisions").doesNotContain("K1");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions?year=2023-24").getContentAsString()).contains("0 decisions");
        for (String letter : List.of(".pdf", ".html")) {
            assertThat(fetch(site, "/councils/" + KNOWSLEY + "/letters/2023-24" + letter).getStatus()).as(letter).isEqualTo(404);
        }
        for (String download : List.of("/data/decisions-2023-24.csv", "/data/service-improvements-2023-24.csv",
                "/councils/" + KNOWSLEY + "/counted/2023-24/upheld")) {
            assertThat(fetch(site, download).getStatus()).as(download).isEqualTo(404);
        }
        for (String council : List.of("/statistics.csv", "/decisions.csv", "/decisions.csv?year=2023-24", "/service-improvements.csv",
                "/decisions?q=transport")) {
            assertThat(csvText(fetch(site, "/councils/" + KNOWSLEY + council))).as(council).doesNotContain("2023-24,", "K1", "K2", "Train staff");
        }
        assertThat(fetch(site, "/sitemap.xml").getContentAsString()).contains("<loc>http://localhost/about-the-statistics</loc>")
                .doesNotContain("2023-24", "E08000011");
    }

    @Test
    void theDecisionsAboutEveryCouncilAreSearchedTogetherAPageAtATime() throws Exception {
        MockMvc site = siteAt(DAY);

        assertThat(fetch(site, "/decisions").getContentAsString()).contains("3 decisions.", "/decisions/K1", "/decisions/K2", "/decisions/L1",
                ">Liverpool City Council</a>", "1 May 2023").doesNotContain("govuk-pagination");
        assertThat(fetch(site, "/decisions?q=transport").getContentAsString()).contains("1 decision.", "/decisions/K2")
                .doesNotContain("/decisions/K1\"", "/decisions/L1");
        assertThat(fetch(site, "/decisions?outcome=upheld").getContentAsString()).contains("2 decisions.", "/decisions/K1", "/decisions/L1")
                .doesNotContain("/decisions/K2\"");

        RecordFiles more = new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("more")));
        for (int i = 1; i <= 60; i++) {
            more.decision(aDecision(String.format("M%02d", i)).about("E08000012").notUpheld().decidedOn(java.time.LocalDate.of(2023, 9, 1)
                    .plusDays(i).toString()));
        }
        more.importInto(new Imports(database.dataSource(), event -> statistics.markAllStale()));
        assertThat(fetch(site, "/decisions").getContentAsString()).as("not public before a revision").contains("3 decisions.");
        releases.revise(YEAR, "more decisions", new Letters.Actor("Ann Admin", true));

        String first = fetch(site, "/decisions").getContentAsString();
        assertThat(first).contains("63 decisions.", "govuk-pagination", "/decisions/M60", "href=\"/decisions?page=2\"", "Showing 1 to 50 of 63")
                .doesNotContain("/decisions/K1\"");
        String second = fetch(site, "/decisions?page=2").getContentAsString();
        assertThat(second).contains("Showing 51 to 63 of 63", "/decisions/K1", "/decisions/M01", "href=\"/decisions?page=1\"")
                .doesNotContain("/decisions/M60");
        assertThat(fetch(site, "/decisions?page=9").getContentAsString()).as("beyond the last: the last").contains("Showing 51 to 63 of 63");
        assertThat(fetch(site, "/councils/E08000012/decisions?outcome=not-upheld&page=2").getContentAsString())
                .contains("60 decisions.", "Showing 51 to 60 of 60", "href=\"/councils/E08000012/decisions?outcome=not-upheld&amp;page=1\"");
    }

    MockHttpServletResponse searched(MockMvc site, String words) throws Exception {
        return site.perform(get("/councils/" + KNOWSLEY + "/decisions").param("q", words)).andReturn().getResponse();
    }

    static String csvText(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void fromItsPublicationDayEveryRouteShowsTheYear() throws Exception {
        MockMvc site = siteAt(DAY);

        MockHttpServletResponse home = fetch(site, "/");
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentType()).startsWith("text/html");
        assertThat(home.getContentAsString()).contains("Key statistics of every council, 2023-24", "href=\"/councils/E08000011\"",
                "50%", "few cases");
        assertThat(fetch(site, "/?year=2023-24").getStatus()).isEqualTo(200);
        String map = fetch(site, "/?year=2023-24&measure=upheld").getContentAsString();
        assertThat(map).contains("<svg", "<a href=\"/councils/E08000011\">", "<title>Knowsley: 50%</title>", "<title>Hartlepool: no figure</title>");
        assertThat(fetch(site, "/?year=2023-24&view=lower").getContentAsString()).contains("class=\"shape-map\"", "<title>Knowsley: 50%</title>")
                .doesNotContain("<title>Lancashire: ");
        assertThat(fetch(site, "/?year=2023-24&view=upper").getContentAsString()).contains("<title>Knowsley: 50%</title>", "<title>Lancashire: no figure</title>");
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString())
                .contains("<h2 class=\"govuk-heading-l\">2023-24</h2>", "1 upheld of 2 detailed investigations", "letters/2023-24.pdf")
                .as("the Complaint Handling Code is reported from 2026-27").doesNotContain("Complaint Handling Code");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/compare").getContentAsString()).doesNotContain("Complaint Handling Code");
        assertThat(fetch(site, "/").getContentAsString()).doesNotContain("complaint-handling-code-");
        assertThat(fetch(site, "/data/complaint-handling-code-2023-24.csv").getStatus()).isEqualTo(404);
        MockHttpServletResponse pdf = fetch(site, "/councils/" + KNOWSLEY + "/letters/2023-24.pdf");
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/letters/2023-24.html").getContentAsString()).contains("Dear Chief Executive");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions").getContentAsString()).contains("2 decisions", "/decisions/K1", "/decisions/K2");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions?outcome=upheld").getContentAsString())
                .contains("1 decision.", "/decisions/K1").doesNotContain("/decisions/K2");
        assertThat(fetch(site, "/decisions/K1").getContentAsString()).contains("Knowsley Metropolitan Borough Council", "Upheld", "2023-05-01");
        assertThat(fetch(site, "/about-the-statistics").getContentAsString()).contains("Compliance with recommendations");
        MockHttpServletResponse feed = fetch(site, "/councils/" + KNOWSLEY + "/feed.atom");
        assertThat(feed.getContentType()).startsWith("application/atom+xml");
        assertThat(feed.getContentAsString()).contains("<entry>", "figures and letter of 2023-24", "<updated>2024-07-24T00:00:00+01:00</updated>",
                "Public report: Knowsley: the lost school transport");
        assertThat(fetch(site, "/feed.atom").getContentAsString()).contains("Figures and Annual Review letters of 2023-24");
        MockMvc api = apiAt(DAY);
        assertThat(fetch(api, "/api/years").getContentAsString()).isEqualTo("{\"publishedYears\":[\"2023-24\"]}");
        MockHttpServletResponse one = fetch(api, "/api/years/2023-24/councils/e08000011");
        assertThat(one.getContentType()).isEqualTo("application/json");
        assertThat(one.getContentAsString()).contains("\"reportingYear\":\"2023-24\"", "\"code\":\"E08000011\"").doesNotContain("E08000012");
        assertThat(fetch(api, "/api/years/2023-24").getContentAsString()).contains("E08000011", "E08000012", "\"typeAverages\"");
        assertThat(fetch(api, "/api/openapi.json").getContentAsString()).contains("\"openapi\": \"3.1.0\"", "/api/years/{year}/councils/{code}");
        assertThat(fetch(site, "/api/docs").getContentAsString()).contains("/api/openapi.json");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/compare").getContentAsString())
                .contains("upheld 67% of the complaints it investigated about Metropolitan Boroughs", "<svg", "1 of 2", "within the limits",
                        "(this council)");
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString()).contains("Knowsley: the lost school transport", "Train staff",
                "In progress", "Decisions by service area, each published year");
    }

    @Test
    void theYearsFiguresDownloadAsSpreadsheetReadyCsvThatIsNotSentAgainWhenUnchanged() throws Exception {
        MockMvc site = siteAt(DAY);

        MockHttpServletResponse csv = fetch(site, "/data/statistics-2023-24.csv");
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        String text = new String(csv.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFreporting_year,code,name,kind,").contains("2023-24,E08000011,Knowsley Metropolitan Borough Council");
        String etag = csv.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(site.perform(get("/data/statistics-2023-24.csv").header("If-None-Match", etag)).andReturn().getResponse().getStatus())
                .isEqualTo(304);
    }

    static final String SQUARES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"LAD23CD": "E08000011", "name": "Knowsley"},
               "geometry": {"type": "Polygon", "coordinates": [[[-2.9, 53.4], [-2.8, 53.4], [-2.8, 53.5], [-2.9, 53.5], [-2.9, 53.4]]]}},
              {"type": "Feature", "properties": {"LAD23CD": "E08000012", "name": "Liverpool"},
               "geometry": {"type": "MultiPolygon", "coordinates": [[[[-3.0, 53.4], [-2.9, 53.4], [-2.9, 53.5], [-3.0, 53.5], [-3.0, 53.4]]]]}}
            ]}""";

    @Test
    void aCouncilsDecisionsAreFoundByWordsInTheirReportRecommendationsOrImprovementsAndDownloadAsTheyAreNarrowed() throws Exception {
        MockMvc site = siteAt(DAY);

        assertThat(searched(site, "School Transport").getContentAsString())
                .contains("1 decision.", "/decisions/K2", "value=\"School Transport\"", "decisions.csv?q=School+Transport")
                .doesNotContain("/decisions/K1");
        assertThat(searched(site, "train").getContentAsString()).contains("1 decision.", "/decisions/K1");
        assertThat(searched(site, "£100").getContentAsString()).contains("1 decision.", "/decisions/K1");
        assertThat(searched(site, "k2").getContentAsString()).contains("1 decision.", "/decisions/K2");
        assertThat(searched(site, "100%").getContentAsString())
                .as("a %% typed is a percent sign, not a wildcard").contains("0 decisions");
        assertThat(searched(site, "_").getContentAsString()).contains("0 decisions");

        String csv = csvText(fetch(site, "/councils/" + KNOWSLEY + "/decisions.csv?outcome=not-upheld"));
        assertThat(csv).startsWith("\uFEFFcase_reference,organisation_code,organisation_name,reporting_year,")
                .contains("K2,E08000011,Knowsley Metropolitan Borough Council,2023-24,", ",Not upheld,yes,no,2023-08-01,Knowsley: the lost school transport")
                .doesNotContain("K1,");
        assertThat(csv.lines().count()).isEqualTo(2);
    }

    @Test
    void everyTableOfTheSiteDownloadsAsCsvOfPublishedYearsOnly() throws Exception {
        MockMvc site = siteAt(DAY);

        String decisions = csvText(fetch(site, "/data/decisions-2023-24.csv"));
        assertThat(decisions.lines().count()).isEqualTo(4);
        assertThat(decisions).contains("K1,E08000011,", "K2,E08000011,", "L1,E08000012,Liverpool City Council,2023-24,");
        assertThat(csvText(fetch(site, "/data/service-improvements-2023-24.csv")))
                .isEqualTo("\uFEFFcase_reference,number,organisation_code,organisation_name,reporting_year,improvement,status\r\n"
                        + "K1,1,E08000011,Knowsley Metropolitan Borough Council,2023-24,Train staff,In progress\r\n");
        assertThat(csvText(fetch(site, "/councils/" + KNOWSLEY + "/service-improvements.csv"))).contains("K1,1,E08000011,").hasLineCount(2);
        String statistics = csvText(fetch(site, "/councils/" + KNOWSLEY + "/statistics.csv"));
        assertThat(statistics).startsWith("\uFEFFreporting_year,code,name,").contains("2023-24,E08000011,Knowsley").hasLineCount(2);
        assertThat(fetch(site, "/data/decisions-2022-23.csv").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/E99999999/decisions.csv").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/sitemap.xml").getContentAsString()).contains("<loc>http://localhost/councils/E08000011</loc>",
                "<loc>http://localhost/data/decisions-2023-24.csv</loc>");
        assertThat(fetch(site, "/robots.txt").getContentAsString()).contains("Sitemap: http://localhost/sitemap.xml");
    }

    @Test
    void eachKeyStatisticLinksToTheDecisionsItCounted() throws Exception {
        MockMvc site = siteAt(DAY);

        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString()).contains("href=\"/councils/E08000011/counted/2023-24/upheld\"",
                "href=\"/councils/E08000011/counted/2023-24/compliance\"");
        String upheld = fetch(site, "/councils/" + KNOWSLEY + "/counted/2023-24/upheld").getContentAsString();
        assertThat(upheld).contains("Counted in the numerator (1)", "Counted in the denominator (2)", "href=\"/decisions/K1\"",
                "href=\"/decisions/K2\"");
        assertThat(upheld.indexOf("/decisions/K2")).isGreaterThan(upheld.indexOf("Counted in the denominator"));
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/counted/2023-24/compliance").getContentAsString())
                .as("compliance counts the case").contains("href=\"/decisions/K1\"", "Counted in the numerator (1)")
                .doesNotContain("recommendation 1");
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/counted/2023-24/late-enquiries").getStatus())
                .as("enquiries are not published record by record").isEqualTo(404);
    }

    MockMvc cachedSiteAt(SettableClock clock, java.time.Duration keptFor) {
        Publication publication = new Publication(clock, letters, releases);
        return MockMvcBuilders.standaloneSetup(
                        new SiteController(publication, organisations, letters, new Boundaries(database.dataSource(), Clock.systemUTC())),
                        new DecisionPages(publication, organisations, statistics))
                .addFilters(new PageCache(publication, clock, keptFor, 16), new org.springframework.web.filter.ShallowEtagHeaderFilter()).build();
    }

    @Test
    void anAnswerThatSetsACookieIsNeverKeptSoNoReaderGetsAnothersCookie() throws Exception {
        SettableClock clock = new SettableClock(DAY);
        Publication publication = new Publication(clock, letters, releases);
        java.util.concurrent.atomic.AtomicInteger sessionsBegun = new java.util.concurrent.atomic.AtomicInteger();
        jakarta.servlet.Filter firstReaderGetsASession = (request, response, chain) -> {
            if (sessionsBegun.getAndIncrement() == 0) {
                ((jakarta.servlet.http.HttpServletResponse) response).addHeader("Set-Cookie", "SESSION=first-readers; Path=/; HttpOnly");
            }
            chain.doFilter(request, response);
        };
        MockMvc site = MockMvcBuilders.standaloneSetup(
                        new SiteController(publication, organisations, letters, new Boundaries(database.dataSource(), Clock.systemUTC())))
                .addFilters(new PageCache(publication, clock, java.time.Duration.ofHours(1), 16), firstReaderGetsASession).build();

        MockHttpServletResponse first = fetch(site, "/councils/" + KNOWSLEY);
        MockHttpServletResponse second = fetch(site, "/councils/" + KNOWSLEY);
        MockHttpServletResponse third = fetch(site, "/councils/" + KNOWSLEY);

        assertThat(first.getHeader("Set-Cookie")).isEqualTo("SESSION=first-readers; Path=/; HttpOnly");
        assertThat(second.getHeader("Set-Cookie")).as("the second reader's page was made for them, not the first's kept").isNull();
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(third.getHeader("Set-Cookie")).isNull();
        assertThat(sessionsBegun).as("made twice (the first not kept), then kept").hasValue(2);
    }

    @Test
    void thePageCacheNeverKeepsAYearFromTheStartOfItsPublicationDay() throws Exception {
        SettableClock clock = new SettableClock(EVE);
        MockMvc site = cachedSiteAt(clock, java.time.Duration.ofHours(1));
        assertThat(fetch(site, "/").getContentAsString()).contains("No year's figures have been published yet");
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString()).contains("No published figures");

        clock.set(DAY);   // a minute later: within the hour pages are kept for, but the published years have changed

        assertThat(fetch(site, "/").getContentAsString()).contains("Key statistics of every council, 2023-24");
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString()).contains("1 upheld of 2 detailed investigations");
    }

    @Test
    void aPageIsKeptForItsSecondsAndMadeFromTheReleaseSoRecordsImportedShowOnceARevisionIsIssued() throws Exception {
        SettableClock clock = new SettableClock(DAY);
        MockMvc site = cachedSiteAt(clock, java.time.Duration.ofSeconds(10));
        MockHttpServletResponse first = fetch(site, "/councils/" + KNOWSLEY + "/decisions");
        assertThat(first.getContentAsString()).contains("2 decisions");
        assertThat(first.getContentType()).isEqualTo("text/html;charset=UTF-8");
        new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("more"))).decision(aDecision("K3").about(KNOWSLEY).upheld().decidedOn("2023-09-01"))
                .importInto(new Imports(database.dataSource(), event -> statistics.markAllStale()));

        clock.advance(java.time.Duration.ofSeconds(9));
        MockHttpServletResponse kept = fetch(site, "/councils/" + KNOWSLEY + "/decisions");
        assertThat(kept.getContentAsString()).as("kept for ten seconds").contains("2 decisions").doesNotContain("/decisions/K3");
        assertThat(kept.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(kept.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(site.perform(get("/councils/" + KNOWSLEY + "/decisions").header("If-None-Match", first.getHeader("ETag")))
                .andReturn().getResponse().getStatus()).as("a reader who has the kept page").isEqualTo(304);
        assertThat(site.perform(get("/councils/" + KNOWSLEY).header("If-None-Match", "\"other\"")).andReturn().getResponse()
                .getContentAsString()).as("made while a reader held an older ETag").contains("detailed investigations");
        assertThat(fetch(site, "/councils/" + KNOWSLEY).getContentAsString()).as("and kept whole").contains("detailed investigations");
        MockHttpServletResponse gzipped = site.perform(get("/councils/" + KNOWSLEY).header("Accept-Encoding", "br, gzip;q=0.8"))
                .andReturn().getResponse();
        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(fetch(site, "/councils/" + KNOWSLEY).getContentAsString());
        }
        assertThat(site.perform(get("/councils/" + KNOWSLEY).header("Accept-Encoding", "gzip;q=0, identity")).andReturn().getResponse()
                .getHeader("Content-Encoding")).as("refused with q=0").isNull();

        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions").getContentAsString()).as("made again, from the release")
                .contains("2 decisions").doesNotContain("/decisions/K3");
        releases.revise(YEAR, "a decision recorded late", Letters.Actor.operator());
        clock.advance(java.time.Duration.ofMillis(1500));
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/decisions").getContentAsString()).as("a revision shows within a second")
                .contains("3 decisions", "/decisions/K3", "a decision recorded late");
        assertThat(fetch(site, "/councils/E99999999").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/E99999999").getStatus()).as("a kept 404 is still a 404").isEqualTo(404);
    }

    @Test
    void newerBoundariesLoadedByAnAdministratorAreWhatTheMapDraws() throws Exception {
        Boundaries boundaries = new Boundaries(database.dataSource(), Clock.systemUTC());
        Path file = directory.resolve("boundaries.geojson");
        java.nio.file.Files.writeString(file, SQUARES);

        assertThat(boundaries.load(file, "LAD23CD")).isEqualTo(2);

        String map = fetch(siteAt(DAY), "/?year=2023-24&view=lower").getContentAsString();
        assertThat(map).contains("<title>Knowsley: 50%</title>",
                "<title>Liverpool: 100%</title>", "Boundaries as loaded by the site's administrator").doesNotContain("Hartlepool");
    }

    @Test
    void aBoundaryFileWithProblemsIsRefusedFeatureByFeatureAndChangesNothing() throws Exception {
        Boundaries boundaries = new Boundaries(database.dataSource(), Clock.systemUTC());
        Path file = directory.resolve("boundaries.geojson");
        java.nio.file.Files.writeString(file, SQUARES.replace("\"LAD23CD\": \"E08000012\"", "\"LAD23CD\": \"E99999999\"")
                .replace("\"LAD23CD\": \"E08000011\"", "\"CODE\": \"E08000011\""));

        assertThatThrownBy(() -> boundaries.load(file, "LAD23CD")).isInstanceOf(Boundaries.Refused.class)
                .satisfies(e -> assertThat(((Boundaries.Refused) e).problems()).containsExactly(
                        "boundaries.geojson, feature 1: no property 'LAD23CD' (the GSS code); name the right one with --code-property",
                        "boundaries.geojson, feature 2: E99999999 is not in the register: import the organisation first"));
        assertThat(fetch(siteAt(DAY), "/?year=2023-24&view=lower").getContentAsString()).contains("<title>Hartlepool: no figure</title>");
    }

    @Test
    void searchFindsCouncilsByPartOfTheirNameOrTheirCodeAndEscapesWhatWasTyped() throws Exception {
        MockMvc site = siteAt(DAY);

        assertThat(fetch(site, "/councils?q=KNOWS").getContentAsString()).contains("1 council found", "/councils/E08000011")
                .doesNotContain("Liverpool");
        assertThat(fetch(site, "/councils?q=e08000012").getContentAsString()).contains("Liverpool City Council");
        assertThat(fetch(site, "/councils?q=knowsley-metropolitan.").getContentAsString()).as("punctuation typed in is a space")
                .contains("1 council found", "/councils/E08000011");
        assertThat(fetch(site, "/councils?q=<script>").getContentAsString()).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void anUnknownCouncilOrYearIsNotFound() throws Exception {
        MockMvc site = siteAt(DAY);

        assertThat(fetch(site, "/councils/E99999999").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/?year=2031-32").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/?measure=nonsense").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/?view=globe").getStatus()).isEqualTo(404);
        assertThat(fetch(site, "/councils/" + KNOWSLEY + "/letters/nonsense.pdf").getStatus()).isEqualTo(404);
    }
}
