package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.annualreview.testing.ServedWorkspace.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.Chromium;
import org.annualreview.testing.ServedWorkspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;


/**
 * A council officer's figures page and the cases behind a figure in a real browser (Debian's headless Chromium): signed
 * in through the form, following a count to its cases and on through their pages; axe-core finds no serious or critical
 * problem on either page type, at desktop width and at 390 px, where neither scrolls sideways. Screenshots of each are
 * written under target/site-screenshots when asked (Chromium.KEEP_SCREENSHOTS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountedCasesBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/site-screenshots");

    @TempDir
    static Path directory;

    ServedWorkspace workspace;
    ChromeDriver browser;

    @BeforeAll
    void serve() throws Exception {
        Chromium.requireOrSkip();
        workspace = ServedWorkspace.start("h2");   // what a page looks like does not depend on the database
        CountedCasesPageIT.importABusyYear(workspace);
        browser = Chromium.start(directory, Map.of());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void aCouncilOfficerFollowsAFigureToTheCasesBehindItAndThroughTheirPagesOnADesktopAndAPhone() throws Exception {
        browser.get(workspace.address() + "/workspace");
        browser.findElement(By.id("username")).sendKeys(COUNCIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Sign in']")));

        open("/workspace/organisations/" + KNOWSLEY + "/figures/2024-25");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Average of Metropolitan Boroughs");
        checkAtBothWidths("workspace-figures");

        Chromium.clickThrough(browser, browser.findElement(By.partialLinkText("30 upheld of 56 detailed investigations")));
        assertThat(browser.getCurrentUrl()).endsWith("/workspace/organisations/" + KNOWSLEY + "/counted/2024-25/upheld");
        assertThat(browser.findElements(By.cssSelector("#cases-caption ~ tbody tr"))).hasSize(50);
        checkAtBothWidths("workspace-counted");

        Chromium.clickThrough(browser, browser.findElement(By.cssSelector(".govuk-pagination__next a")));
        assertThat(browser.getCurrentUrl()).endsWith("/counted/2024-25/upheld?page=2");
        assertThat(browser.findElements(By.cssSelector("#cases-caption ~ tbody tr"))).hasSize(6);
        checkAtBothWidths("workspace-counted-page-2");

        Chromium.clickThrough(browser, browser.findElement(By.partialLinkText("Only the 30 upheld")));
        assertThat(browser.findElements(By.cssSelector("#cases-caption ~ tbody tr"))).hasSize(30);
        checkAtBothWidths("workspace-counted-only");
    }

    /** The elements that reach past the window's right edge, for the message of a failure. */
    static final String WIDER = "return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth)"
            + ".slice(0, 12).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')";

    void open(String path) {
        browser.get(workspace.address() + path);
        Chromium.waitForPage(browser);
    }

    /** axe-core and the page's width at 1280 px and at 390 px (a phone's width, by Chromium's device emulation). */
    void checkAtBothWidths(String name) throws Exception {
        for (int width : List.of(1280, 390)) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 844, "deviceScaleFactor", 1,
                    "mobile", false));
            try {
                browser.navigate().refresh();
                Chromium.waitForPage(browser);
                String at = name + " at " + width + " px";
                assertThat(Chromium.seriousProblems(browser)).as(at).isEmpty();
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                long innerWidth = (Long) browser.executeScript("return window.innerWidth");
                assertThat(innerWidth).as(at + ": the window's width").isEqualTo(width);
                assertThat(scrollWidth).as(at + ": no sideways scroll, but wider: " + browser.executeScript(WIDER)).isLessThanOrEqualTo(innerWidth);
                if (Chromium.KEEP_SCREENSHOTS) {
                    long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
                    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", (int) Math.min(height, 6000),
                            "deviceScaleFactor", 1, "mobile", false));   // the whole page, for people to look at
                    Files.write(SCREENSHOTS.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                }
            } finally {
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }
}
