package org.annualreview.site;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Complaint Handling Code on the public site, 2026-27 published on 24 July 2027: each council's provisions failed
 * with the cases behind them, its self-assessment and report found or not, its notices; the comparison with its type;
 * the API and the open data; and, the day after publication, records that change without changing what was published.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ComplaintHandlingCodeSiteIT {

    static final ReportingYear YEAR = ReportingYear.parse("2026-27");
    static final String KNOWSLEY = "E08000011";
    static final String LIVERPOOL = "E08000012";
    static final Instant PUBLISHED = Instant.parse("2027-07-24T09:00:00Z");
    static final String STAGE_1 = "Stage 1 answer later than 10 working days (20 if extended)";

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Statistics statistics;
    Letters letters;
    Organisations organisations;
    Releases releases;
    Imports imports;

    @BeforeEach
    void publishTheCodesFirstYear() throws Exception {
        database = TestDatabase.start(databaseKind);
        statistics = new Statistics(database.dataSource(), Clock.fixed(Instant.parse("2027-07-01T09:00:00Z"), ZoneId.of("UTC")));
        organisations = new Organisations(database.dataSource());
        letters = new Letters(database.dataSource(), statistics, organisations, Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()), () -> false, 2);
        imports = new Imports(database.dataSource(), event -> statistics.markAllStale());
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation(LIVERPOOL, "Liverpool City Council", "Metropolitan Borough")
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2026-05-01"))
                .decision(aDecision("K2").about(KNOWSLEY).notUpheld().decidedOn("2026-06-01"))
                .decision(aDecision("K3").about(KNOWSLEY).outcome("Closed after initial enquiries").decidedOn("2026-06-02"))
                .decision(aDecision("L1").about(LIVERPOOL).upheld().decidedOn("2026-07-01"))
                .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "stage-1-late"))
                .row("code-failures", RecordFiles.cells("case_reference", "K1", "provision", "not-signposted"))
                .row("code-failures", RecordFiles.cells("case_reference", "K2", "provision", "stage-1-late"))
                .row("code-failures", RecordFiles.cells("case_reference", "K3", "provision", "stage-2-not-offered"))   // not investigated
                .row("code-self-assessments", RecordFiles.cells("organisation_code", KNOWSLEY, "reporting_year", "2026-27",
                        "self_assessment_found", "yes", "self_assessment_date", "2026-06-30",
                        "self_assessment_address", "https://www.knowsley.gov.uk/complaints/self-assessment",
                        "annual_report_found", "yes", "annual_report_date", "2026-07-15", "annual_report_address", "javascript:alert(1)",
                        "governance_response_found", "no", "governance_response_date", ""))
                .row("code-failure-notices", RecordFiles.cells("organisation_code", KNOWSLEY, "issued_date", "2026-11-02",
                        "reason", "Complaints were not escalated to stage 2."))
                .importInto(imports);
        letters.loadTemplate(YEAR, Path.of("templates/2026-27.md"));   // publication-date: 24 July
        letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        releases = new Releases(database.dataSource(), statistics, letters, new Decisions(database.dataSource()), organisations, Clock.systemUTC());
        letters.approve(YEAR, Optional.empty(), "Ann Admin");
        for (String code : releases.councilsOf(YEAR)) {
            releases.recordException(YEAR, organisations.byCode(code).orElseThrow(), "no contact on file", Letters.Actor.operator());
        }
        releases.publish(YEAR, Letters.Actor.operator());
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    MockMvc site() {
        Publication publication = new Publication(Clock.fixed(PUBLISHED, ZoneId.of("UTC")), letters, releases);
        return MockMvcBuilders.standaloneSetup(
                new SiteController(publication, organisations, letters, new Boundaries(database.dataSource(), Clock.systemUTC())),
                new DecisionPages(publication, organisations, statistics),
                new OpenData(publication, organisations, new SiteAddress("http://localhost")),
                new ApiController(publication, () -> false)).build();
    }

    String page(String path) throws Exception {
        MockHttpServletResponse response = site().perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    int status(String path) throws Exception {
        return site().perform(get(path)).andReturn().getResponse().getStatus();
    }

    /** The page's text without its markup, spaces run together. */
    static String text(String html) {
        return org.jsoup.Jsoup.parse(html).text();
    }

    @Test
    void aCouncilPageShowsTheProvisionsFailedInItsInvestigationsTheDocumentsFoundAndItsNotices() throws Exception {
        String html = page("/councils/" + KNOWSLEY);
        String words = text(html);

        assertThat(words).contains("Complaint Handling Code, 2026-27", "(2 of 2 detailed investigations;",
                STAGE_1 + " 2 cases: see which 100% few cases 67%",
                "Not told of the right to come to the Ombudsman 1 case: see which 50% few cases 33%",
                "Self-assessment against the Code Found, published 30 June 2026",
                "Annual complaints performance and service improvement report Found, published 15 July 2026",
                "Response of the council's governance body to the report Not found",
                "2 November 2026: Complaints were not escalated to stage 2.");
        assertThat(words).as("K3 was not investigated: its failure is not counted").doesNotContain("No stage 2 offered");
        assertThat(html).contains("href=\"https://www.knowsley.gov.uk/complaints/self-assessment\"")
                .as("an address that is not a web address is not a link").doesNotContain("javascript:");
        assertThat(text(page("/councils/" + LIVERPOOL))).contains("Complaint Handling Code, 2026-27",
                "did not find that the council had failed to follow the Complaint Handling Code in any of its 1 detailed investigation",
                "has not recorded whether it found this council's self-assessment");
    }

    @Test
    void theCasesBehindAProvisionAreListedOfTheDetailedInvestigations() throws Exception {
        String words = text(page("/councils/" + KNOWSLEY + "/counted/2026-27/code-failures?provision=stage-1-late"));

        assertThat(words).contains("Complaint Handling Code: " + STAGE_1 + ", of detailed investigations",
                "Counted in the numerator (2) K1 K2", "Counted in the denominator (2) K1 K2");
        assertThat(text(page("/councils/" + KNOWSLEY + "/counted/2026-27/code-failures?provision=not-signposted")))
                .contains("Counted in the numerator (1) K1 Counted");
        assertThat(status("/councils/" + KNOWSLEY + "/counted/2026-27/code-failures?provision=no-such-provision")).isEqualTo(404);
        assertThat(status("/councils/" + KNOWSLEY + "/counted/2026-27/upheld?provision=stage-1-late")).isEqualTo(404);
    }

    @Test
    void theComparisonListsEveryCouncilOfTheTypeUnderTheCode() throws Exception {
        String words = text(page("/councils/" + KNOWSLEY + "/compare"));

        assertThat(words).contains("Complaint Handling Code, 2026-27",
                "Knowsley Metropolitan Borough Council (this council) 100% few cases 2 of 2 Found Found 1",
                "Liverpool City Council 0% few cases 0 of 1 Not recorded Not recorded 0");
    }

    @Test
    void theApiAndTheOpenDataCarryTheCodeRecords() throws Exception {
        JsonNode knowsley = JsonMapper.builder().build().readTree(page("/api/years/2026-27/councils/" + KNOWSLEY))
                .path("organisations").path(0);
        JsonNode code = knowsley.path("complaintHandlingCode");
        assertThat(knowsley.path("codeFailures").path("count").asInt()).isEqualTo(2);
        assertThat(code.path("provisions")).hasSize(5);
        JsonNode stage1 = null;
        for (JsonNode p : code.path("provisions")) {
            if (p.path("code").asString().equals("stage-1-late")) {
                stage1 = p;
            }
        }
        assertThat(stage1).isNotNull();
        assertThat(stage1.path("cases").asInt()).isEqualTo(2);
        assertThat(stage1.path("percent").asInt()).isEqualTo(100);
        assertThat(stage1.path("typePercent").asInt()).as("2 of the type's 3 investigations").isEqualTo(67);
        assertThat(code.path("selfAssessment").path("selfAssessment").path("found").asBoolean()).isTrue();
        assertThat(code.path("selfAssessment").path("governanceResponse").path("found").asBoolean()).isFalse();
        assertThat(code.path("failureNotices").path(0).path("issued").asString()).isEqualTo("2026-11-02");
        JsonNode liverpool = JsonMapper.builder().build().readTree(page("/api/years/2026-27")).path("organisations");
        assertThat(liverpool.toString()).contains("\"selfAssessment\":null");

        List<String> csv = page("/data/complaint-handling-code-2026-27.csv").lines().toList();
        assertThat(csv.get(0)).contains("investigated,code_failure_cases,code_failures_percent", "cases_stage_1_late",
                "self_assessment_found,self_assessment_date,self_assessment_address", "failure_notices,failure_notice_dates");
        assertThat(csv).anyMatch(row -> row.startsWith("2026-27,E08000011,Knowsley Metropolitan Borough Council,Metropolitan Borough,2,2,100,")
                && row.contains(",yes,2026-06-30,https://www.knowsley.gov.uk/complaints/self-assessment,yes,2026-07-15,")
                && row.endsWith(",no,,1,2026-11-02"));
        assertThat(csv).anyMatch(row -> row.startsWith("2026-27,E08000012,Liverpool City Council,Metropolitan Borough,1,0,0,")
                && row.endsWith(",,,,,,,,,0,"));
        assertThat(page("/").contains("/data/complaint-handling-code-2026-27.csv")).isTrue();
        assertThat(status("/data/complaint-handling-code-2023-24.csv")).as("not a published year, nor a year of the Code").isEqualTo(404);
    }

    @Test
    void recordsChangedAfterPublicationLeaveTheCodeAsPublishedUntilARevision() throws Exception {
        String before = page("/councils/" + KNOWSLEY);
        String comparedBefore = page("/councils/" + KNOWSLEY + "/compare");
        String csvBefore = page("/data/complaint-handling-code-2026-27.csv");

        new RecordFiles(Files.createDirectories(directory.resolve("after")))
                .row("code-provisions", RecordFiles.cells("code", "stage-1-late", "label", "First answer late (renamed)", "description", ""))
                .row("code-failures", RecordFiles.cells("case_reference", "L1", "provision", "acknowledgement-late"))
                .row("code-self-assessments", RecordFiles.cells("organisation_code", KNOWSLEY, "reporting_year", "2026-27",
                        "self_assessment_found", "no", "self_assessment_date", "", "self_assessment_address", "",
                        "annual_report_found", "no", "annual_report_date", "", "annual_report_address", "",
                        "governance_response_found", "no", "governance_response_date", ""))
                .row("code-failure-notices", RecordFiles.cells("organisation_code", LIVERPOOL, "issued_date", "2027-01-05",
                        "reason", "No self-assessment was published."))
                .importInto(imports);

        assertThat(page("/councils/" + KNOWSLEY)).isEqualTo(before);
        assertThat(page("/councils/" + KNOWSLEY + "/compare")).isEqualTo(comparedBefore);
        assertThat(page("/data/complaint-handling-code-2026-27.csv")).isEqualTo(csvBefore);
        assertThat(text(page("/councils/" + LIVERPOOL))).doesNotContain("Complaint Handling Code failure notices", "acknowledge");

        releases.revise(YEAR, "Code records corrected", new Letters.Actor("Ann Admin", true));

        assertThat(text(page("/councils/" + KNOWSLEY))).contains("First answer late (renamed) 2 cases", "Self-assessment against the Code Not found")
                .doesNotContain(STAGE_1);
        assertThat(text(page("/councils/" + LIVERPOOL))).contains("Complaint not acknowledged within 5 working days 1 case",
                "5 January 2027: No self-assessment was published.");
    }
}
