package org.annualreview.site;

import static org.annualreview.testing.Chromium.clickThrough;
import static org.annualreview.testing.Chromium.seriousProblems;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.annualreview.AnnualReviewApplication;
import org.annualreview.testing.ServedSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;

/**
 * The public site in a real browser (Debian's headless Chromium, driven by Selenium), served by
 * `./annual-review serve` over the demo dataset: the map, a click through to a council, a letter download,
 * the sortable table with and without JavaScript, axe-core on every page type, and a screenshot of each under
 * target/site-screenshots for people to look at when asked (Chromium.KEEP_SCREENSHOTS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/site-screenshots");
    static final String KNOWSLEY = "E08000011";
    /** The demo's latest year: published by the demo, but public only from its publication day (24 July 2027). */
    static final String LATEST = "2026-27";
    /** The latest demo year that is public already (its publication day, 24 July 2026, has passed). */
    static final String PUBLIC = "2025-26";

    @TempDir
    static Path directory;

    ServedSite server;
    String site;
    String analystPassword;
    String administratorPassword;
    String councilPassword;
    com.icegreen.greenmail.util.GreenMail smtp;
    ChromeDriver browser;
    Path downloads;


    @BeforeAll
    void serveTheDemo() throws Exception {
        org.annualreview.testing.Chromium.requireOrSkip();
        String database = "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
        StringWriter out = new StringWriter();
        // the two latest years' letters, so that both are published: the latest (2026-27) is not public before July 2027,
        // and the public pages show the year before it (every year's would take four times as long and test no more)
        int demo = AnnualReviewApplication.run(new String[] {"--database-url", database, "demo",
                "--files", directory.resolve("demo").toString(), "--letters", directory.resolve("letters").toString(),
                "--letters-for", "recent", "--no-serve"}, new PrintWriter(out, true), new PrintWriter(out, true));
        assertThat(demo).as(out.toString()).isZero();
        java.util.regex.Matcher password = java.util.regex.Pattern.compile("Analyst +analyst@demo.example +password (\\S+)").matcher(out.toString());
        assertThat(password.find()).as("the demo prints its analyst's password").isTrue();
        analystPassword = password.group(1);
        java.util.regex.Matcher administrator = java.util.regex.Pattern.compile("Administrator +administrator@demo.example +password (\\S+)")
                .matcher(out.toString());
        assertThat(administrator.find()).as("the demo prints its administrator's password").isTrue();
        administratorPassword = administrator.group(1);
        java.util.regex.Matcher council = java.util.regex.Pattern.compile("knowsley@demo.example +password (\\S+)").matcher(out.toString());
        assertThat(council.find()).as("the demo prints its council user's password").isTrue();
        councilPassword = council.group(1);
        int smtpPort = ServedSite.freePort();
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        server = ServedSite.start(database, ServedSite.mailTo(smtpPort));
        site = server.address();

        downloads = Files.createDirectories(directory.resolve("downloads"));
        browser = chromium(true);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    ChromeDriver chromium(boolean javaScript) {
        ChromeDriver driver = org.annualreview.testing.Chromium.start(directory, Map.of("download.default_directory",
                downloads.toAbsolutePath().toString(), "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
        return javaScript ? driver : org.annualreview.testing.Chromium.withoutJavaScript(driver);
    }

    void open(String path) {
        browser.get(site + path);
        org.annualreview.testing.Chromium.waitForPage(browser);
    }

    void screenshot(String name) throws Exception {
        if (!org.annualreview.testing.Chromium.KEEP_SCREENSHOTS) {
            return;
        }
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(Math.max(height, 800), 6000)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
    }

    @Test
    void theHexagonMapShowsCouncilsColouredAndAClickReachesTheCouncilsPage() throws Exception {
        open("/");
        List<WebElement> hexagons = browser.findElements(By.cssSelector(".hex-map-container svg a polygon, .hex-map-container svg a path"));
        assertThat(hexagons).hasSizeGreaterThan(250);
        long coloured = hexagons.stream().map(h -> h.getCssValue("fill")).distinct().count();
        assertThat(coloured).as("quintile classes and 'no figure'").isGreaterThanOrEqualTo(5);
        screenshot("home-hexagons");

        WebElement knowsley = browser.findElement(By.cssSelector(".hex-map-container svg a[href='/councils/" + KNOWSLEY + "']"));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(knowsley).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().endsWith("/councils/" + KNOWSLEY));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Knowsley Metropolitan Borough Council");
        screenshot("council");
    }

    @Test
    void theServedSiteSendsPagesGzippedAndAnswersAReaderWhoHasThePageWith304() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create(site + "/?view=lower")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(site + "/?view=lower")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.body().length).as("the shapes map compresses").isLessThan(plain.body().length / 3);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(site + "/?view=lower")).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(site + "/data/statistics-" + PUBLIC + ".csv")).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(csv.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    }

    @Test
    void theRealShapesMapDrawsEveryCouncilOfTheTier() throws Exception {
        open("/?view=lower&measure=upheld-per-100000");
        assertThat(browser.findElements(By.cssSelector("svg.shape-map a"))).hasSizeGreaterThan(290);
        screenshot("home-shapes-lower");
        open("/?view=upper");
        assertThat(browser.findElements(By.cssSelector("svg.shape-map a[href='/councils/E10000017']"))).as("Lancashire").hasSize(1);
        screenshot("home-shapes-upper");
    }

    @Test
    void aLetterDownloadsAsAPdf() throws Exception {
        open("/councils/" + KNOWSLEY);
        String href = browser.findElement(By.linkText("PDF")).getAttribute("href");
        assertThat(href).endsWith(".pdf");
        browser.findElement(By.linkText("PDF")).click();
        String expected = KNOWSLEY + "-" + href.substring(href.lastIndexOf('/') + 1);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> Files.exists(downloads.resolve(expected)));
        byte[] bytes = Files.readAllBytes(downloads.resolve(expected));
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(10_000);
    }

    @Test
    void theCouncilTableSortsByAColumnWhenItsHeaderIsPressed() throws Exception {
        open("/");
        WebElement button = browser.findElement(By.xpath("//table[@id='councils']//th[.//text()[contains(., 'Complaints upheld')]]//button"));
        button.click();
        WebElement header = browser.findElement(By.xpath("//table[@id='councils']//th[.//button[contains(., 'Complaints upheld')]]"));
        assertThat(header.getAttribute("aria-sort")).isEqualTo("ascending");
        List<Double> ascending = sortValues(3);
        assertThat(ascending).isSorted();
        button.click();
        assertThat(header.getAttribute("aria-sort")).isEqualTo("descending");
        List<Double> descending = sortValues(3);
        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(browser.findElement(By.cssSelector("p[role=status].govuk-visually-hidden")).getAttribute("textContent"))
                .isEqualTo("Sorted by Complaints upheld, descending.");
    }

    List<Double> sortValues(int column) {
        return browser.findElements(By.cssSelector("#councils tbody tr td:nth-of-type(" + (column - 1) + ")")).stream()
                .map(td -> td.getAttribute("data-sort-value")).filter(v -> !v.isEmpty()).map(Double::valueOf).toList();
    }

    @Test
    void withoutJavaScriptTheMapTheTableAndTheFormsStillWork() throws Exception {
        ChromeDriver plain = chromium(false);
        try {
            plain.get(site + "/");
            assertThat(plain.findElements(By.cssSelector(".hex-map-container svg a"))).hasSizeGreaterThan(250);
            assertThat(plain.findElements(By.cssSelector("#councils button"))).as("no sort buttons without JavaScript").isEmpty();
            assertThat(plain.findElements(By.cssSelector("#councils tbody tr"))).hasSizeGreaterThan(300);
            new org.openqa.selenium.support.ui.Select(plain.findElement(By.id("measure"))).selectByValue("compliance");
            clickThrough(plain, plain.findElement(By.xpath("//button[normalize-space()='Show']")));
            assertThat(plain.getCurrentUrl()).contains("measure=compliance");
            assertThat(plain.findElement(By.cssSelector("h2.govuk-heading-m")).getText()).startsWith("Compliance");
            plain.findElement(By.id("q")).sendKeys("knowsley");
            clickThrough(plain, plain.findElement(By.xpath("//button[normalize-space()='Search']")));
            clickThrough(plain, plain.findElement(By.linkText("Knowsley Metropolitan Borough Council")));
            assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo("Knowsley Metropolitan Borough Council");
        } finally {
            plain.quit();
        }
    }

    /** A page of each type, by the path that shows it. */
    static final Map<String, String> PAGE_TYPES = new java.util.LinkedHashMap<>();

    static {
        PAGE_TYPES.put("home", "/");
        PAGE_TYPES.put("home-shapes", "/?view=lower");
        PAGE_TYPES.put("search", "/councils?q=borough");
        PAGE_TYPES.put("council", "/councils/" + KNOWSLEY);
        PAGE_TYPES.put("decisions", "/councils/" + KNOWSLEY + "/decisions");
        PAGE_TYPES.put("compare", "/councils/" + KNOWSLEY + "/compare");
        PAGE_TYPES.put("about", "/about-the-statistics");
        PAGE_TYPES.put("api-docs", "/api/docs");
        PAGE_TYPES.put("not-found", "/councils/E99999999");
        PAGE_TYPES.put("register", "/monitoring-officers/register");
        PAGE_TYPES.put("sign-in", "/login");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"home", "home-shapes", "search", "council", "decisions", "decision", "counted", "compare", "about",
            "api-docs", "letter", "not-found", "register", "sign-in"})
    void axeFindsNoSeriousOrCriticalAccessibilityProblem(String pageType) throws Exception {
        open(path(pageType));
        Results results = org.annualreview.testing.Chromium.axe(browser);
        screenshot("page-" + pageType);
        assertThat(org.annualreview.testing.Chromium.serious(results)).as(pageType + " at " + browser.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
        assertThat(org.annualreview.testing.Chromium.refusedByTheContentSecurityPolicy(browser))
                .as(pageType + ": every style, script and image it uses is allowed").isEmpty();
    }

    /** The path of a page of the type; a decision, its counted records and a letter are found from the council's pages. */
    String path(String pageType) {
        return switch (pageType) {
            case "decision" -> {
                open("/councils/" + KNOWSLEY + "/decisions");
                yield URI.create(browser.findElement(By.cssSelector("tbody a[href^='/decisions/']")).getAttribute("href")).getPath();
            }
            case "counted" -> {
                open("/councils/" + KNOWSLEY);
                yield URI.create(browser.findElement(By.cssSelector("a[href*='/counted/'][href$='/upheld']")).getAttribute("href")).getPath();
            }
            case "letter" -> {
                open("/councils/" + KNOWSLEY);
                yield URI.create(browser.findElement(By.linkText("web page")).getAttribute("href")).getPath();
            }
            default -> PAGE_TYPES.get(pageType);
        };
    }

    @Test
    void anAnalystImportsAFileFixesItApprovesPreviewsAndSendsTheLettersInTheBrowser() throws Exception {
        ChromeDriver analyst = chromium(true);
        try {
            analyst.get(site + "/workspace");
            assertThat(analyst.getCurrentUrl()).endsWith("/login");
            analyst.findElement(By.id("username")).sendKeys("analyst@demo.example");
            analyst.findElement(By.id("password")).sendKeys(analystPassword);
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Sign in']")));
            assertThat(analyst.findElement(By.tagName("main")).getText()).contains("Signed in as Demo Analyst (Analyst)");
            assertThat(seriousProblems(analyst)).as("workspace start").isEmpty();

            Path bad = Files.writeString(directory.resolve("decisions-browser.csv"), "case_reference,organisation_code,service_area,received_date,"
                    + "decision_date,outcome,detailed_investigation,satisfactory_remedy,public_report_date,public_report_title,"
                    + "complaint_handling_code_finding\nBROWSER-1,E08000011,Housing,2026-04-02,the fifth of October,Upheld,yes,no,,,\n");
            clickThrough(analyst, analyst.findElement(By.linkText("Import records")));
            analyst.findElement(By.id("files")).sendKeys(bad.toAbsolutePath().toString());
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Import']")));
            assertThat(analyst.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("nothing was imported");
            assertThat(analyst.findElement(By.tagName("main")).getText()).contains("decisions-browser.csv", "decision_date");
            assertThat(seriousProblems(analyst)).as("import with an error").isEmpty();
            screenshot(analyst, "workspace-import-error");
            Files.writeString(bad, Files.readString(bad).replace("the fifth of October", "2026-10-05"));
            analyst.findElement(By.id("files")).sendKeys(bad.toAbsolutePath().toString());
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Import']")));
            assertThat(analyst.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("The files were imported.");

            // the demo's letters are approved and its years published: Knowsley's letter of the demo's latest year, written
            // again from its new figures, is a new version awaiting approval
            analyst.get(site + "/workspace/years/" + LATEST);
            analyst.findElement(By.id("organisation")).sendKeys("Knowsley");
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Write the letters']")));
            analyst.get(site + "/workspace/years/" + LATEST + "/letters?name=Knowsley");
            assertThat(analyst.findElement(By.tagName("main")).getText()).contains("Knowsley", "Awaiting approval");
            assertThat(seriousProblems(analyst)).as("the review of the year's letters").isEmpty();
            analyst.get(site + "/workspace");
            clickThrough(analyst, analyst.findElement(By.partialLinkText("Approve and send the letters of " + LATEST)));
            assertThat(seriousProblems(analyst)).as("the year's letters").isEmpty();
            clickThrough(analyst, analyst.findElement(By.xpath("//a[normalize-space()='Approve the latest letters']")));
            assertThat(analyst.findElement(By.tagName("h1")).getText()).matches("Approve [\\d,]+ letters?\\?");
            assertThat(seriousProblems(analyst)).as("the confirmation before approving").isEmpty();
            clickThrough(analyst, analyst.findElement(By.xpath("//button[starts-with(normalize-space(), 'Yes, approve')]")));
            assertThat(analyst.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("The latest letters are approved.");
            screenshot(analyst, "workspace-year");

            analyst.get(site + "/workspace/letters?year=" + LATEST);
            assertThat(seriousProblems(analyst)).as("letters").isEmpty();
            analyst.get(site + "/workspace/organisations/E08000011/figures/" + LATEST);
            assertThat(analyst.findElement(By.tagName("main")).getText()).contains("Case lists", "Download all four lists as a spreadsheet (XLSX)");
            assertThat(seriousProblems(analyst)).as("a council's key statistics and case lists").isEmpty();
            analyst.get(site + "/workspace/organisations/E08000011/letters/" + LATEST + ".html");
            assertThat(analyst.findElement(By.tagName("body")).getText()).contains("Knowsley", "Our Complaint Handling Code",
                    "self-assessment against the Code");

            analyst.get(site + "/workspace/years/" + LATEST);
            clickThrough(analyst, analyst.findElement(By.xpath("//a[normalize-space()='Send the approved letters']")));
            assertThat(analyst.findElement(By.tagName("h1")).getText()).matches("Send [\\d,]+ letters? to [\\d,]+ recipients?\\?");
            assertThat(seriousProblems(analyst)).as("the confirmation before sending").isEmpty();
            clickThrough(analyst, analyst.findElement(By.xpath("//button[starts-with(normalize-space(), 'Yes, send')]")));
            // the job's page follows the job by itself (a script fetching its progress), until it has finished
            new WebDriverWait(analyst, Duration.ofSeconds(120)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(b -> b.findElement(By.id("job-progress")).getText().contains("Finished"));
            assertThat(analyst.findElement(By.id("job-progress")).getText()).contains("Sent");
            assertThat(seriousProblems(analyst)).as("the sending job's page").isEmpty();
            analyst.get(site + "/workspace/years/" + LATEST);
            assertThat(analyst.findElement(By.tagName("main")).getText()).contains("already sent");
            String chiefExecutive = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().equals("Annual Review letter " + LATEST + ": Knowsley Metropolitan Borough Council");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst().map(m -> {
                try {
                    return m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).orElse("");
            assertThat(chiefExecutive).as("Knowsley's letter reached its chief executive").endsWith("@knowsley.demo.invalid");

            analyst.get(site + "/workspace/registrations");
            assertThat(seriousProblems(analyst)).as("registrations").isEmpty();
        } finally {
            analyst.quit();
        }
    }

    @Test
    void anAnalystAddsADecisionInTheFormSeesWhatIsWrongCorrectsItAndFindsIt() throws Exception {
        ChromeDriver analyst = chromium(false);   // the forms work without JavaScript
        try {
            analyst.get(site + "/login");
            analyst.findElement(By.id("username")).sendKeys("analyst@demo.example");
            analyst.findElement(By.id("password")).sendKeys(analystPassword);
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Sign in']")));
            clickThrough(analyst, analyst.findElement(By.partialLinkText("Records:")));
            assertThat(seriousProblems(analyst)).as("records").isEmpty();
            clickThrough(analyst, analyst.findElement(By.linkText("Decisions")));
            assertThat(seriousProblems(analyst)).as("the decisions").isEmpty();
            clickThrough(analyst, analyst.findElement(By.linkText("Add a decision")));

            analyst.findElement(By.id("f-case_reference")).sendKeys("BROWSER-FORM-1");
            analyst.findElement(By.id("f-organisation_code")).sendKeys("Knowsley");
            new org.openqa.selenium.support.ui.Select(analyst.findElement(By.id("f-service_area"))).selectByVisibleText("Housing");
            for (String[] date : new String[][] {{"received_date", "2", "4", "2025"}, {"decision_date", "31", "9", "2025"}}) {
                analyst.findElement(By.id("f-" + date[0] + "-day")).sendKeys(date[1]);
                analyst.findElement(By.id("f-" + date[0] + "-month")).sendKeys(date[2]);
                analyst.findElement(By.id("f-" + date[0] + "-year")).sendKeys(date[3]);
            }
            new org.openqa.selenium.support.ui.Select(analyst.findElement(By.id("f-outcome"))).selectByVisibleText("Upheld");
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Add']")));

            assertThat(analyst.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("nothing was saved",
                    "Decision date must be a real date");
            assertThat(analyst.findElement(By.id("f-case_reference")).getAttribute("value")).as("what was typed is kept").isEqualTo("BROWSER-FORM-1");
            assertThat(seriousProblems(analyst)).as("the form with a problem").isEmpty();
            screenshot(analyst, "workspace-record-error");
            analyst.findElement(By.linkText("Decision date must be a real date")).click();
            assertThat(analyst.switchTo().activeElement().getAttribute("id")).as("the summary leads to the field").isEqualTo("f-decision_date-day");
            analyst.findElement(By.id("f-decision_date-day")).clear();
            analyst.findElement(By.id("f-decision_date-day")).sendKeys("30");
            clickThrough(analyst, analyst.findElement(By.xpath("//button[normalize-space()='Add']")));

            assertThat(analyst.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("The record is added.");
            assertThat(analyst.findElement(By.tagName("h1")).getText()).isEqualTo("Decision BROWSER-FORM-1");
            assertThat(seriousProblems(analyst)).as("a decision's page").isEmpty();
            analyst.get(site + "/workspace/records/decisions?q=browser-form");
            assertThat(analyst.findElement(By.tagName("table")).getText()).contains("BROWSER-FORM-1", "E08000011", "Housing", "2025-09-30");
        } finally {
            analyst.quit();
        }
    }

    @Test
    void anAdministratorsPagesHaveNoSeriousAccessibilityProblemWithOrWithoutAnError() throws Exception {
        ChromeDriver administrator = chromium(true);
        try {
            administrator.get(site + "/login");
            administrator.findElement(By.id("username")).sendKeys("administrator@demo.example");
            administrator.findElement(By.id("password")).sendKeys(administratorPassword);
            clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Sign in']")));
            assertThat(administrator.findElement(By.tagName("main")).getText()).contains("The letters of each year", "Publication of " + PUBLIC,
                    "Publication of " + LATEST);
            assertThat(seriousProblems(administrator)).as("the administrator's start page").isEmpty();
            for (String path : List.of("/workspace/accounts", "/workspace/accounts/new", "/workspace/years/" + PUBLIC + "/publication", "/workspace/audit",
                    "/workspace/records/organisations/edit?key=" + KNOWSLEY)) {
                administrator.get(site + path);
                assertThat(administrator.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
                assertThat(seriousProblems(administrator)).as(path).isEmpty();
            }
            assertThat(administrator.findElement(By.tagName("main")).getText()).as("Knowsley's contacts").contains("Chief executive", "Add a contact");
            clickThrough(administrator, administrator.findElement(By.linkText("Chief executive")));
            clickThrough(administrator, administrator.findElement(By.linkText("Delete this record")));
            assertThat(administrator.findElement(By.tagName("h1")).getText()).startsWith("Delete contact E08000011 / chief-executive /");
            assertThat(seriousProblems(administrator)).as("a deletion to confirm").isEmpty();

            administrator.get(site + "/workspace/accounts/new");
            clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Add the account']")));
            assertThat(administrator.findElement(By.cssSelector(".govuk-error-summary")).getText()).isNotBlank();
            assertThat(seriousProblems(administrator)).as("an account with problems").isEmpty();
            administrator.findElement(By.id("username")).sendKeys("browser.analyst@demo.example");
            administrator.findElement(By.id("name")).sendKeys("Browser Analyst");
            administrator.findElement(By.cssSelector("input[name=role][value=analyst]")).click();
            administrator.findElement(By.id("password")).sendKeys("a long enough password");
            administrator.findElement(By.id("confirmation")).sendKeys("a long enough password");
            clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Add the account']")));
            assertThat(administrator.findElement(By.tagName("main")).getText()).contains("browser.analyst@demo.example");
            administrator.get(site + "/workspace/years/" + PUBLIC + "/publication");
            assertThat(administrator.findElement(By.tagName("main")).getText()).as("a published year's date is not moved")
                    .contains(PUBLIC + " is public").doesNotContain("Set the publication date");
            assertThat(seriousProblems(administrator)).as("a published year's publication page").isEmpty();
            clickThrough(administrator, administrator.findElement(By.linkText("withdraw " + PUBLIC)));
            assertThat(administrator.findElement(By.tagName("h1")).getText()).isEqualTo("Withdraw " + PUBLIC + " from the public site?");
            clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Withdraw " + PUBLIC + "']")));
            assertThat(administrator.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter the reason");
            assertThat(seriousProblems(administrator)).as("a withdrawal without its reason").isEmpty();
            screenshot(administrator, "workspace-withdrawal-error");
            administrator.get(site + "/workspace/audit");
            clickThrough(administrator, administrator.findElement(By.partialLinkText("View")));
            assertThat(seriousProblems(administrator)).as("one audit event").isEmpty();
        } finally {
            administrator.quit();
        }
    }

    @Test
    void aCouncilsPagePrintsItsFiguresAndTablesWithoutTheSitesNavigationBannerAndFooter() throws Exception {
        ChromeDriver printing = chromium(true);
        try {
            printing.get(site + "/councils/" + KNOWSLEY);
            printing.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            for (String hidden : List.of(".govuk-service-navigation", ".govuk-phase-banner", ".govuk-footer")) {
                assertThat(printing.findElements(By.cssSelector(hidden))).as(hidden + " is on the page").isNotEmpty();
                assertThat(printing.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden + " printed").isFalse();
            }
            assertThat(printing.findElement(By.tagName("h1")).isDisplayed()).isTrue();
            assertThat(printing.findElements(By.cssSelector("main table")).stream().filter(WebElement::isDisplayed).count())
                    .as("the council's tables are printed").isGreaterThanOrEqualTo(3);
            String pdf = printing.print(new org.openqa.selenium.print.PrintOptions()).getContent();
            assertThat(java.util.Base64.getDecoder().decode(pdf)).as("Chromium prints it").startsWith("%PDF".getBytes());
            printing.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "screen"));
            assertThat(printing.findElement(By.cssSelector(".govuk-service-navigation")).isDisplayed()).as("on screen").isTrue();
        } finally {
            printing.quit();
        }
    }

    /** Every public and workspace page type, as each kind of visitor reaches it (the workspace's signed in by the browser first). */
    static final List<String> EVERY_PAGE_TYPE = List.of("/", "/?view=lower", "/?view=upper", "/councils?q=king%27s+lynn",
            "/councils/" + KNOWSLEY, "/councils/" + KNOWSLEY + "/decisions", "/councils/" + KNOWSLEY + "/compare", "/decisions?q=housing",
            "/councils/" + KNOWSLEY + "/counted/" + PUBLIC + "/upheld", "/councils/" + KNOWSLEY + "/letters/" + PUBLIC + ".html",
            "/releases/" + PUBLIC, "/about-the-statistics", "/api/docs", "/accessibility", "/privacy", "/cookies", "/contact",
            "/monitoring-officers/register", "/councils/E99999999", "/login",
            "administrator@demo.example", "/workspace", "/workspace/accounts", "/workspace/accounts/new", "/workspace/audit", "/workspace/audit/1",
            "/workspace/imports", "/workspace/records", "/workspace/records/decisions", "/workspace/records/contacts",
            "/workspace/records/decisions/new", "/workspace/records/organisations/edit?key=" + KNOWSLEY, "/workspace/registrations",
            "/workspace/years/" + LATEST, "/workspace/years/" + LATEST + "/letters", "/workspace/years/" + LATEST + "/template",
            "/workspace/years/" + LATEST + "/publication", "/workspace/years/" + PUBLIC + "/publication/withdraw",
            "/workspace/years/" + LATEST + "/approve", "/workspace/years/" + LATEST + "/send", "/workspace/password",
            "/workspace/organisations/" + KNOWSLEY + "/figures/" + LATEST, "/workspace/no-such-page",
            "knowsley@demo.example", "/workspace", "/workspace/letters", "/workspace/organisations/" + KNOWSLEY + "/figures/" + LATEST,
            "/workspace/organisations/" + KNOWSLEY + "/letters/" + LATEST + ".html");

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {390, 320})
    void noPageScrollsSidewaysOnAPhoneAndEachHasNoSeriousAccessibilityProblemThere(int width) throws Exception {
        ChromeDriver phone = chromium(true);
        try {
            phone.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 844, "deviceScaleFactor", 1,
                    "mobile", true));
            List<String> wide = new java.util.ArrayList<>();
            List<String> problems = new java.util.ArrayList<>();
            for (String page : EVERY_PAGE_TYPE) {
                if (page.contains("@")) {
                    phone.manage().deleteAllCookies();
                    phone.get(site + "/login");
                    phone.findElement(By.id("username")).sendKeys(page);
                    phone.findElement(By.id("password")).sendKeys(page.startsWith("administrator") ? administratorPassword : councilPassword);
                    clickThrough(phone, phone.findElement(By.xpath("//button[normalize-space()='Sign in']")));
                    assertThat(phone.getCurrentUrl()).as("signed in as " + page).doesNotContain("/login");
                    continue;
                }
                phone.get(site + page);
                long scrollWidth = (Long) phone.executeScript("return document.documentElement.scrollWidth");
                if (scrollWidth > width) {
                    wide.add(page + " is " + scrollWidth + " px wide");
                    Files.write(SCREENSHOTS.resolve("wide-" + width + "-" + page.replaceAll("[^A-Za-z0-9]+", "-") + ".png"),
                            phone.getScreenshotAs(OutputType.BYTES));
                }
                if (width == 390 && !page.endsWith(".html")) {   // a letter's page is the letter's own, checked with the letters
                    seriousProblems(phone).forEach(problem -> problems.add(page + ": " + problem));
                    String words = phone.findElement(By.tagName("body")).getText();
                    java.util.regex.Matcher commandLine = java.util.regex.Pattern.compile("\\./annual-review|\\s--[a-z]|\\[\\d{4}-\\d{2}, |"
                            + "\\b(DECISIONS|RECOMMENDATIONS|SEND_LETTERS|WRITE_LETTERS|NOT_APPROVED|WOULD_SEND)\\b").matcher(words);
                    if (commandLine.find()) {
                        problems.add(page + ": command-line wording or a code, '" + commandLine.group() + "'");
                    }
                }
            }
            wide.addAll(problems);
            assertThat(wide).as("pages wider than a " + width + " px screen, and what axe-core and the words show there").isEmpty();
        } finally {
            phone.quit();
        }
    }

    void screenshot(ChromeDriver driver, String name) throws Exception {
        if (!org.annualreview.testing.Chromium.KEEP_SCREENSHOTS) {
            return;
        }
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
