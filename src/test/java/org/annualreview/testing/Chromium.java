package org.annualreview.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium and its ChromeDriver, as the browser tests drive them. */
public final class Chromium {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("ANNUAL_REVIEW_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getenv().getOrDefault("ANNUAL_REVIEW_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** What axe-core checks on every page: WCAG 2.2 A and AA, and best practice. */
    public static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Chromium() {
    }

    /** axe-core's findings on the page open, by the rules of {@link #AXE_TAGS}. */
    public static com.deque.html.axecore.results.Results axe(ChromeDriver driver) {
        return new com.deque.html.axecore.selenium.AxeBuilder().withTags(AXE_TAGS).analyze(driver);
    }

    /** The serious and critical problems among axe-core's findings, each with its rule and first places, for a failure's message. */
    public static List<String> serious(com.deque.html.axecore.results.Results results) {
        return results.getViolations().stream().filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList()).toList();
    }

    /** The serious and critical problems axe-core finds on the page open. */
    public static List<String> seriousProblems(ChromeDriver driver) {
        return serious(axe(driver));
    }

    /** Waits (up to 10 s) until the page open has loaded. */
    public static void waitForPage(ChromeDriver driver) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(b -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) b).executeScript("return document.readyState")));
    }

    /** Skips the test class with the reason when Chromium or its driver is not installed; fails under CI, which installs them. */
    public static void requireOrSkip() {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            String reason = "no Chromium at " + BINARY + " with its ChromeDriver at " + DRIVER + " (Debian: apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null) {
                org.junit.jupiter.api.Assertions.fail(reason + ": CI must run the browser tests (.ci/run installs them)");
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
    }

    /** Clicks what leads to another page and waits (up to two minutes) until that page has replaced this one. */
    public static void clickThrough(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        driver.executeScript("window.annualReviewLeaving = true");
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(120))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(b -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b).executeScript(
                        "return window.annualReviewLeaving === undefined && document.readyState === 'complete'")));
    }

    /**
     * A new headless browser with a profile of its own under {@code profiles}, 1280 by 1024, keeping the console's
     * messages (to read what the Content-Security-Policy refused), with the preferences given (none: an empty map).
     */
    public static ChromeDriver start(Path profiles, Map<String, Object> preferences) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--user-data-dir=" + profiles.resolve("chromium-" + java.util.UUID.randomUUID()).toAbsolutePath());
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
