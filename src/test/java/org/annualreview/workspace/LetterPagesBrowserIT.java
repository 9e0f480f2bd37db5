package org.annualreview.workspace;

import static org.annualreview.testing.Chromium.clickThrough;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import com.deque.html.axecore.results.Results;

/**
 * The letter review a page at a time, the comparison of a letter's two versions and the year's sending table in a
 * real browser (Debian's headless Chromium) over the served workspace on H2 with 60 letters: an analyst signs in,
 * goes to the second page, follows "Compare" from the review to Knowsley's two versions, and approves the latest
 * there. axe-core checks each page (serious and critical problems fail) at desktop width and at 390 px, where none
 * scrolls sideways; whole-page screenshots under target/site-screenshots when asked (Chromium.KEEP_SCREENSHOTS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterPagesBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/site-screenshots");

    @TempDir
    static Path directory;

    ServedWorkspace workspace;
    ChromeDriver browser;

    @BeforeAll
    void serve() throws Exception {
        Chromium.requireOrSkip();
        workspace = ServedWorkspace.start("h2");
        LetterVersionsIT.writeKnowsleyAgainWithADecisionMore(workspace.signedIn(ServedWorkspace.ANALYST), "BROWSER-1");
        LetterVersionsIT.lettersInAll(workspace, 60);
        Files.createDirectories(SCREENSHOTS);
        browser = Chromium.start(directory, Map.of());
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
    void anAnalystPagesThroughTheLettersComparesKnowsleysVersionsAndApprovesTheLatestAndEveryPagePassesAxeAtBothWidths() throws Exception {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(ServedWorkspace.ANALYST);
        browser.findElement(By.id("password")).sendKeys(ServedWorkspace.PASSWORD);
        clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Sign in']")));
        assertThat(browser.getCurrentUrl()).endsWith("/workspace");

        open("/workspace/years/2023-24/letters");
        checkedAtBothWidths("letter-review-page-1");
        clickThrough(browser, browser.findElement(By.cssSelector(".govuk-pagination__next a")));
        assertThat(browser.getCurrentUrl()).endsWith("/workspace/years/2023-24/letters?page=2");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSize(10);
        checkedAtBothWidths("letter-review-page-2");

        open("/workspace/years/2023-24/letters?name=Knowsley");
        clickThrough(browser, browser.findElement(By.partialLinkText("with version 1")));
        assertThat(browser.getCurrentUrl()).endsWith("/workspace/years/2023-24/letters/" + KNOWSLEY + "/compare");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Compare versions of the letter of Knowsley Metropolitan Borough Council, 2023-24");
        assertThat(browser.findElements(By.cssSelector(".letter-diff del"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".letter-diff ins"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".letter-diff del")).getCssValue("text-decoration-line")).as("not colour alone").contains("line-through");
        checkedAtBothWidths("letter-compare");

        clickThrough(browser, browser.findElement(By.xpath("//button[starts-with(normalize-space(), 'Approve version 2')]")));
        assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                .contains("The letter of Knowsley Metropolitan Borough Council, version 2, is approved.");

        open("/workspace/years/2023-24?page=2");
        checkedAtBothWidths("year-sending-page-2");
    }

    /** The first elements reaching past the window's right edge, outermost first, to say what scrolls. */
    static final String WIDER = """
            return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ') + ' / ' + [...document.querySelectorAll('.table-scroll')]
                .map(e => getComputedStyle(e).overflowX + ' ' + e.getBoundingClientRect().width).join(', ') + ' / '
                + [...document.styleSheets].map(s => s.href + ':' + s.cssRules.length).join(', ');
            """;

    void open(String path) {
        browser.get(workspace.address() + path);
        Chromium.waitForPage(browser);
    }

    /** axe at 1280 px wide and at 390 px, where the page must not scroll sideways; back to 1280 after. */
    void checkedAtBothWidths(String name) throws Exception {
        try {
            for (int width : List.of(1280, 390)) {
                browser.manage().window().setSize(new Dimension(width, 1024));
                assertNoSeriousProblems(name + "-" + width);
                screenshot(name + "-" + width, width);
                long scrollWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                long innerWidth = (Long) browser.executeScript("return window.innerWidth");
                assertThat(scrollWidth).as(name + " at " + width + " px: no sideways scroll; wider: " + browser.executeScript(WIDER))
                        .isLessThanOrEqualTo(innerWidth);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1024));
        }
    }

    /** The whole page (up to 6,000 px high) at the width given; the window's height back to 1,024 after. */
    void screenshot(String name, int width) throws Exception {
        if (!Chromium.KEEP_SCREENSHOTS) {
            return;
        }
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 800), 6000)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(width, 1024));
    }

    void assertNoSeriousProblems(String name) throws Exception {
        Results results = Chromium.axe(browser);
        assertThat(Chromium.serious(results)).as(name + " at " + browser.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as(name + ": axe ran").isNotEmpty();
    }
}
