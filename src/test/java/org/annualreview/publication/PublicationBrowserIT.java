package org.annualreview.publication;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.annualreview.testing.Chromium.clickThrough;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.ServedWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;

/**
 * A year walked through its publication lifecycle in a real browser (Debian's headless Chromium, driven by Selenium)
 * over the served workspace on H2, its page cache off: the administrator signs in through the form, sets the
 * publication date, is told the year cannot be published while letters await approval, records an exception for every
 * council once they are approved, publishes; the public sees release 1 unlabelled; after an import the administrator
 * issues a revision (first without its reason), and the public sees the banner and both releases. axe-core checks
 * every page on the way, as SiteBrowserIT does (serious and critical problems fail), and each is kept as a screenshot
 * under target/site-screenshots when asked (Chromium.KEEP_SCREENSHOTS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/site-screenshots");
    static final String KNOWSLEY = ServedWorkspace.KNOWSLEY;
    static final String YEAR = "2023-24";
    static final String REASON = "two Knowsley decisions were recorded late";


    @TempDir
    static Path directory;

    ServedWorkspace workspace;
    String site;
    final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void serve() throws Exception {
        org.annualreview.testing.Chromium.requireOrSkip();
        workspace = ServedWorkspace.start("h2", Map.of("annual-review.site.cache-seconds", "0"));
        site = workspace.address();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        browsers.forEach(ChromeDriver::quit);
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void anAdministratorPublishesAndRevisesAYearInTheBrowserAndEveryPageOnTheWayPassesAxe() throws Exception {
        ChromeDriver administrator = chromium();

        // 1. signed in through the real form
        open(administrator, "/login");
        administrator.findElement(By.id("username")).sendKeys(ServedWorkspace.ADMINISTRATOR);
        administrator.findElement(By.id("password")).sendKeys(ServedWorkspace.PASSWORD);
        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Sign in']")));
        assertThat(administrator.getCurrentUrl()).endsWith("/workspace");
        assertThat(main(administrator)).contains("Signed in as Ann Admin");

        // 2. the publication date, typed in the date inputs (the sample template says 2099)
        open(administrator, "/workspace/years/" + YEAR + "/publication");
        assertThat(heading(administrator)).isEqualTo("Publication of " + YEAR);
        assertThat(administrator.findElement(By.id("publication-year")).getAttribute("value")).isEqualTo("2099");
        for (String[] field : new String[][] {{"day", "24"}, {"month", "7"}, {"year", "2024"}}) {
            WebElement input = administrator.findElement(By.id("publication-" + field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Set the publication date']")));
        assertThat(administrator.getCurrentUrl()).endsWith("/publication?done=set");
        assertThat(banner(administrator)).contains("The publication date is now Wednesday 24 July 2024.");
        assertThat(summaryValue(administrator, "Publication date now")).isEqualTo("Wednesday 24 July 2024");
        assertThat(summaryValue(administrator, "Date of the letters")).isEqualTo("17 July 2024");
        assertNoSeriousProblems(administrator, "publication-date-set");

        // 3. unapproved letters hold it back
        open(administrator, "/workspace/years/" + YEAR + "/publication/publish");
        assertThat(heading(administrator)).isEqualTo("Publish " + YEAR + "?");
        assertThat(main(administrator)).contains(YEAR + " cannot be published yet", "letters awaiting approval", "Knowsley");
        assertThat(administrator.findElements(By.xpath("//button[normalize-space()='Publish " + YEAR + "']"))).as("no button to publish").isEmpty();
        assertNoSeriousProblems(administrator, "publication-publish-refused");

        // 4. approved from the command line; an exception for every council recorded in the browser, first without its reason
        ServedWorkspace.Run approved = workspace.cli("letters", "approve", "--year", YEAR, "--by", "Pat Approver");
        assertThat(approved.exitCode()).as(approved.err()).isZero();
        open(administrator, "/workspace/years/" + YEAR + "/publication");
        assertThat(main(administrator)).contains("approved letters not yet sent");
        List<String> councils = new Select(administrator.findElement(By.id("exception-organisation"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(councils).as("the councils written to in " + YEAR).contains(KNOWSLEY).hasSizeGreaterThan(1);

        new Select(administrator.findElement(By.id("exception-organisation"))).selectByValue(KNOWSLEY);
        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Record the exception']")));
        WebElement summary = administrator.findElement(By.cssSelector(".govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem",
                "Enter the reason Knowsley Metropolitan Borough Council is published without a sent letter");
        assertThat(administrator.findElement(By.id("exception-reason-error")).getText()).contains("Enter the reason");
        WebElement reason = administrator.findElement(By.id("exception-reason"));
        assertThat(reason.getAttribute("aria-describedby")).as("the error is read with its field").contains("exception-reason-error");
        assertThat(reason.getAttribute("class")).contains("govuk-textarea--error");
        assertThat(administrator.findElements(By.cssSelector("main > .govuk-error-summary, main .govuk-grid-column-two-thirds > .govuk-error-summary")))
                .as("the summary at the top of the page, as GOV.UK places it").hasSize(1);
        assertNoSeriousProblems(administrator, "publication-exception-error");
        WebElement toTheReason = summary.findElement(By.cssSelector(".govuk-error-summary__list a"));
        assertThat(toTheReason.getAttribute("href")).endsWith("#exception-reason");
        toTheReason.click();
        assertThat(administrator.switchTo().activeElement().getAttribute("id")).as("the summary leads to the reason").isEqualTo("exception-reason");

        for (String council : councils) {
            open(administrator, "/workspace/years/" + YEAR + "/publication");
            new Select(administrator.findElement(By.id("exception-organisation"))).selectByValue(council);
            administrator.findElement(By.id("exception-reason")).sendKeys("no letter sent in this browser test");
            clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Record the exception']")));
            assertThat(banner(administrator)).as(council).contains("The exception is recorded.");
        }
        List<WebElement> excepted = administrator.findElements(By.xpath("//table[caption[normalize-space()='Exceptions recorded']]/tbody/tr"));
        assertThat(excepted).hasSize(councils.size());
        assertThat(excepted.get(0).getText()).contains("no letter sent in this browser test");
        assertThat(main(administrator)).contains("Knowsley Metropolitan Borough Council").doesNotContain("not yet sent");
        assertNoSeriousProblems(administrator, "publication-exceptions");

        // 5. published after its confirmation: release 1 frozen
        clickThrough(administrator, administrator.findElement(By.xpath("//a[normalize-space()='Publish " + YEAR + "']")));
        assertThat(administrator.getCurrentUrl()).endsWith("/workspace/years/" + YEAR + "/publication/publish");
        assertThat(main(administrator)).contains("frozen now as release 1", "(" + councils.size() + " published by exception)",
                "Wednesday 24 July 2024");
        assertNoSeriousProblems(administrator, "publication-publish-confirm");
        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Publish " + YEAR + "']")));
        assertThat(banner(administrator)).contains(YEAR + " is published: release 1 is frozen and goes public on Wednesday 24 July 2024.");
        assertThat(main(administrator)).contains("Releases of " + YEAR, YEAR + " is public").doesNotContain("Record the exception");
        assertNoSeriousProblems(administrator, "publication-published");

        // 6. the public sees release 1, unlabelled
        ChromeDriver visitor = chromium();
        open(visitor, "/councils/" + KNOWSLEY);
        assertThat(heading(visitor)).isEqualTo("Knowsley Metropolitan Borough Council");
        assertThat(main(visitor)).contains(YEAR).doesNotContain("Revised on");
        assertNoSeriousProblems(visitor, "publication-council-release-1");
        open(visitor, "/releases/" + YEAR);
        assertThat(heading(visitor)).isEqualTo("Releases of " + YEAR);
        assertThat(visitor.findElements(By.cssSelector("table tbody tr"))).hasSize(1);
        assertThat(main(visitor)).contains("1: Publication", "First publication").doesNotContain("Revised on");
        assertNoSeriousProblems(visitor, "publication-releases-1");

        // 7. an import changes the working figures; the revision is issued, first without its reason
        Path files = Files.createDirectories(directory.resolve("import"));
        List<String> importing = new ArrayList<>(List.of("import"));
        new RecordFiles(files).decision(aDecision("BROWSER-RELEASE-1").about(KNOWSLEY).upheld().decidedOn("2023-11-01"))
                .write().forEach(f -> importing.add(f.toString()));
        ServedWorkspace.Run imported = workspace.cli(importing.toArray(String[]::new));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        open(administrator, "/workspace/years/" + YEAR + "/publication");
        assertThat(main(administrator)).contains("The working figures differ from the published release for 1 council");
        clickThrough(administrator, administrator.findElement(By.linkText("Issue a revision of " + YEAR)));
        assertThat(heading(administrator)).isEqualTo("Issue a revision of " + YEAR + "?");
        assertThat(main(administrator)).contains("become release 2", "The working figures differ from release 1 for 1 council",
                "Knowsley Metropolitan Borough Council");
        assertNoSeriousProblems(administrator, "publication-revise");

        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Issue the revision']")));
        summary = administrator.findElement(By.cssSelector(".govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Enter the reason for the revision");
        assertThat(administrator.findElement(By.id("reason-error")).getAttribute("textContent").strip().replaceAll("\\s+", " "))
                .as("what a screen reader reads").isEqualTo("Error: Enter the reason for the revision");
        assertThat(administrator.findElement(By.id("reason")).getAttribute("aria-describedby")).contains("reason-error");
        assertThat(administrator.findElement(By.id("reason")).getAttribute("class")).contains("govuk-textarea--error");
        assertNoSeriousProblems(administrator, "publication-revise-error");
        summary.findElement(By.linkText("Enter the reason for the revision")).click();
        assertThat(administrator.switchTo().activeElement().getAttribute("id")).as("the summary leads to the reason").isEqualTo("reason");
        assertThat(releases()).as("nothing issued without a reason").isEqualTo(1);

        administrator.findElement(By.id("reason")).sendKeys(REASON);
        clickThrough(administrator, administrator.findElement(By.xpath("//button[normalize-space()='Issue the revision']")));
        assertThat(banner(administrator)).contains("The revision is issued: every public page of " + YEAR + " shows it now.");
        assertThat(administrator.findElements(By.xpath("//table[caption[normalize-space()='Releases of " + YEAR + "']]/tbody/tr"))).hasSize(2);
        assertThat(main(administrator)).contains("2: Revision", REASON);
        assertNoSeriousProblems(administrator, "publication-revised");
        assertThat(releases()).isEqualTo(2);

        // 8. the public sees the revision on the council's page and both releases, each with its CSV
        String label = "Revised on " + LocalDate.now(ZoneId.of("Europe/London")).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
                + ": " + REASON;
        visitor.manage().deleteAllCookies();
        open(visitor, "/councils/" + KNOWSLEY);
        WebElement revision = visitor.findElement(By.cssSelector(".govuk-notification-banner[aria-labelledby='revised-" + YEAR + "']"));
        assertThat(revision.getText()).contains(YEAR + " revised", label, "This is release 2 of " + YEAR + "'s figures.");
        assertNoSeriousProblems(visitor, "publication-council-revised");
        clickThrough(visitor, revision.findElement(By.partialLinkText("Every release of " + YEAR)));
        assertThat(visitor.getCurrentUrl()).endsWith("/releases/" + YEAR);
        List<WebElement> rows = visitor.findElements(By.cssSelector("table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("1: Publication", "First publication").doesNotContain("Shown now");
        assertThat(rows.get(1).getText()).contains("2: Revision", "Shown now", REASON);
        assertThat(main(visitor)).contains(label);
        HttpClient http = HttpClient.newHttpClient();
        for (int number : List.of(1, 2)) {
            WebElement csv = visitor.findElement(By.xpath("//table/tbody/tr[" + number + "]//a[starts-with(normalize-space(), 'CSV')]"));
            assertThat(csv.getAttribute("href")).endsWith("/data/releases/" + YEAR + "/" + number + "/statistics.csv");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(csv.getAttribute("href"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(csv.getAttribute("href") + " answered " + answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(answer.body()).contains(KNOWSLEY);
        }
        assertNoSeriousProblems(visitor, "publication-releases-2");

        // 9. the withdrawal's confirmation, only looked at
        open(administrator, "/workspace/years/" + YEAR + "/publication");
        clickThrough(administrator, administrator.findElement(By.linkText("withdraw " + YEAR)));
        assertThat(heading(administrator)).isEqualTo("Withdraw " + YEAR + " from the public site?");
        assertThat(administrator.findElement(By.xpath("//button[normalize-space()='Withdraw " + YEAR + "']")).isDisplayed()).isTrue();
        assertNoSeriousProblems(administrator, "publication-withdraw-confirm");
    }

    long releases() throws Exception {
        try (var connection = workspace.connection(); var s = connection.createStatement();
                var rs = s.executeQuery("select count(*) from publication_release where reporting_year = '" + YEAR + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    ChromeDriver chromium() throws Exception {
        ChromeDriver driver = org.annualreview.testing.Chromium.start(directory, Map.of());
        browsers.add(driver);
        return driver;
    }

    void open(ChromeDriver driver, String path) {
        driver.get(site + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(b -> "complete".equals(((JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    static String main(ChromeDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    static String heading(ChromeDriver driver) {
        return driver.findElement(By.tagName("h1")).getText();
    }

    static String summaryValue(ChromeDriver driver, String key) {
        return driver.findElement(By.xpath("//dt[normalize-space()='" + key + "']/following-sibling::dd")).getText();
    }

    static String banner(ChromeDriver driver) {
        return driver.findElement(By.cssSelector(".govuk-notification-banner--success")).getText();
    }

    /**
     * axe-core on the page open, with SiteBrowserIT's rules (WCAG 2.2 A and AA and best practice; serious and critical
     * problems fail), nothing refused by the Content-Security-Policy, and a screenshot of the page when asked.
     */
    static void assertNoSeriousProblems(ChromeDriver driver, String name) throws Exception {
        Results results = org.annualreview.testing.Chromium.axe(driver);
        if (org.annualreview.testing.Chromium.KEEP_SCREENSHOTS) {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        assertThat(org.annualreview.testing.Chromium.serious(results)).as(name + " at " + driver.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as(name + ": axe ran").isNotEmpty();
        assertThat(org.annualreview.testing.Chromium.refusedByTheContentSecurityPolicy(driver))
                .as(name + ": every style, script and image it uses is allowed").isEmpty();
    }

}
