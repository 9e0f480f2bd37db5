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

    /**
     * Whether the browser tests keep a screenshot of the pages they check, under target/site-screenshots, for people to
     * look at: {@code ./mvnw verify -Dannual-review.test.screenshots=true}. Off by default: a whole-page screenshot costs
     * the browser a second or more of work on a long page, and nothing reads them in a test run.
     */
    public static final boolean KEEP_SCREENSHOTS = Boolean.getBoolean("annual-review.test.screenshots");

    /** What axe-core checks on every page: WCAG 2.2 A and AA, and best practice. */
    public static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private Chromium() {
    }

    /**
     * axe-core's options: the rules of {@link #AXE_TAGS}, and every place of a violation but only the first of a rule
     * passed or not applicable (axe-core's resultTypes). Every place of every passed rule, sent back from the page, made
     * a map page's check take 7.5 s instead of 4 s (the same violations found either way).
     */
    private static final String OPTIONS = "{\"runOnly\": {\"type\": \"tag\", \"values\": [" + String.join(", ",
            AXE_TAGS.stream().map(tag -> "\"" + tag + "\"").toList()) + "]}, \"resultTypes\": [\"violations\"]}";

    /** axe-core itself, as axe-core's Selenium library carries it. */
    private static final String AXE_SOURCE = axeSource();

    private static String axeSource() {
        try (java.io.InputStream in = com.deque.html.axecore.selenium.AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not in axe-core's Selenium library");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads axe-core's results (its Selenium library's classes, annotated for Jackson 2). */
    private static final com.fasterxml.jackson.databind.ObjectMapper RESULTS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The browsers whose pages run no script of their own ({@link #withoutJavaScript}). */
    private static final java.util.Set<ChromeDriver> WITHOUT_JAVASCRIPT = java.util.Collections.synchronizedSet(
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    /**
     * axe-core's findings on the page open, by the rules of {@link #AXE_TAGS}; fails if axe-core could not run. axe-core
     * is given to the browser once, when it starts ({@link #start}), and so is in every page it opens: axe-core's own
     * builder sent its 560 kB to the page again for every check, which took half the time of a check of a small page
     * (twelve checks of four pages: 31 to 34 s with the builder, 15 to 19 s this way). A page opened with scripts off
     * gets it when checked. In a browser without JavaScript the page's scripts stay off: only axe-core runs, over
     * the page as it stands without them.
     */
    public static com.deque.html.axecore.results.Results axe(ChromeDriver driver) {
        boolean scriptsOff = WITHOUT_JAVASCRIPT.contains(driver);
        if (scriptsOff) {
            scripts(driver, true);
        }
        Object found;
        try {
            if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
                driver.executeScript(AXE_SOURCE);
            }
            found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "axe.run(document, JSON.parse(arguments[0])).then(results => done(JSON.stringify(results)),"
                    + " problem => done('axe-core failed: ' + problem));", OPTIONS);
        } finally {
            if (scriptsOff) {
                scripts(driver, false);
            }
        }
        if (!(found instanceof String json) || !json.startsWith("{")) {
            throw new AssertionError("axe-core did not run on " + driver.getCurrentUrl() + ": " + found);
        }
        try {
            return RESULTS.readValue(json, com.deque.html.axecore.results.Results.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("axe-core's results on " + driver.getCurrentUrl() + " could not be read", e);
        }
    }

    /**
     * Turns the browser's JavaScript off for every page it opens from now on, as a visitor's browser without it: the
     * pages' own scripts do not run (unlike Chrome's JavaScript setting, this lets axe-core run when asked, and nothing else).
     */
    public static ChromeDriver withoutJavaScript(ChromeDriver driver) {
        scripts(driver, false);
        WITHOUT_JAVASCRIPT.add(driver);
        return driver;
    }

    private static void scripts(ChromeDriver driver, boolean on) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !on));
    }

    /** The serious and critical problems among axe-core's findings, each with its rule and first places, for a failure's message. */
    public static List<String> serious(com.deque.html.axecore.results.Results results) {
        return results.getViolations().stream().filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList()).toList();
    }

    /**
     * What the browser refused to load or apply, by the answers' Content-Security-Policy, on the pages it opened since
     * last asked (reading the browser's log empties it).
     */
    public static List<String> refusedByTheContentSecurityPolicy(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
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
        ChromeDriver driver = new ChromeDriver(service, options);
        // axe-core in every page from its start, for axe(): sent once, not with each check (the page's Content-Security-Policy
        // does not apply to what the browser's driver adds); a map page's check takes up to 20 s on a busy machine
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", AXE_SOURCE));
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(2));
        return driver;
    }
}
