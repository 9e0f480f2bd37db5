package org.annualreview.workspace;

import static org.annualreview.testing.MailText.plainText;
import static org.annualreview.testing.Chromium.clickThrough;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.deque.html.axecore.results.Results;

import jakarta.mail.internet.MimeMessage;

/**
 * The password pages in a real browser (Debian's headless Chromium) over the served workspace on H2, at desktop width
 * and at 390 px: a council user changes their password from the header's link (a mistake first, shown in the error
 * summary), an administrator emails a link from the accounts page, and the holder opens it from the email signed out,
 * sets a new password and signs in with it; the link used again says so. axe-core checks every page (serious and
 * critical problems fail), none scrolls sideways at 390 px, and each is kept as a screenshot under
 * target/site-screenshots when asked (Chromium.KEEP_SCREENSHOTS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordBrowserIT {

    static final Path SCREENSHOTS = Path.of("target/site-screenshots");
    static final String NEW_PASSWORD = "a new and longer passphrase";
    static final String RESET_PASSWORD = "set with the emailed link";

    @TempDir
    static Path directory;

    ServedWorkspace workspace;
    final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void serve() throws Exception {
        Chromium.requireOrSkip();
        workspace = ServedWorkspace.start("h2", Map.of("annual-review.site.cache-seconds", "0"));
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
    void aCouncilUserChangesTheirPasswordAndSetsAnotherWithTheEmailedLinkAtDesktopWidthAndOnASmallScreen() throws Exception {
        String kit = "kit.browser@knowsley.example";
        ServedWorkspace.Run added = workspace.cli("users", "add", "--username", kit, "--name", "Kit Browser", "--role", "council",
                "--organisation", "Knowsley", "--password-file", workspace.directory.resolve("password.txt").toString());
        assertThat(added.exitCode()).as(added.err()).isZero();

        for (int width : new int[] {1280, 390}) {
            String at = width == 1280 ? "desktop" : width + "px";
            String current = width == 1280 ? ServedWorkspace.PASSWORD : NEW_PASSWORD;
            String next = width == 1280 ? NEW_PASSWORD : ServedWorkspace.PASSWORD;

            // 1. changing one's own password, from the header's link
            ChromeDriver council = chromium(width);
            signIn(council, kit, current);
            clickThrough(council, council.findElement(By.linkText("Change your password")));
            assertThat(council.getCurrentUrl()).endsWith("/workspace/password");
            assertThat(heading(council)).isEqualTo("Change your password");
            check(council, "password-change-" + at);

            council.findElement(By.id("current-password")).sendKeys("not my password");
            council.findElement(By.id("password")).sendKeys(next);
            council.findElement(By.id("confirmation")).sendKeys(next + "!");
            clickThrough(council, council.findElement(By.xpath("//button[normalize-space()='Change your password']")));
            WebElement summary = council.findElement(By.cssSelector(".govuk-error-summary"));
            assertThat(summary.getText()).contains("There is a problem", "Your current password is not right", "The two passwords differ");
            assertThat(council.findElement(By.id("current-password")).getAttribute("aria-describedby")).contains("current-password-error");
            assertThat(council.findElement(By.id("current-password")).getAttribute("value")).as("no password given back").isEmpty();
            check(council, "password-change-error-" + at);
            summary.findElement(By.partialLinkText("Your current password is not right")).click();
            assertThat(council.switchTo().activeElement().getAttribute("id")).isEqualTo("current-password");

            council.findElement(By.id("current-password")).sendKeys(current);
            council.findElement(By.id("password")).sendKeys(next);
            council.findElement(By.id("confirmation")).sendKeys(next);
            clickThrough(council, council.findElement(By.xpath("//button[normalize-space()='Change your password']")));
            assertThat(council.findElement(By.cssSelector(".govuk-notification-banner--success")).getText()).contains("Your password has been changed.");
            check(council, "password-changed-" + at);
        }

        for (int width : new int[] {1280, 390}) {
            String at = width == 1280 ? "desktop" : width + "px";
            String password = RESET_PASSWORD + " at " + at;

            // 2. an administrator emails a link from the accounts page
            ChromeDriver administrator = chromium(width);
            signIn(administrator, ServedWorkspace.ADMINISTRATOR, ServedWorkspace.PASSWORD);
            open(administrator, "/workspace/accounts");
            int mails = workspace.smtp.getReceivedMessages().length;
            WebElement row = administrator.findElement(By.xpath("//tr[th[normalize-space()='" + kit + "']]"));
            clickThrough(administrator, row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Email a link to set a new password')]")));
            assertThat(administrator.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                    .contains("A link to set a new password has been emailed to " + kit);
            check(administrator, "accounts-reset-sent-" + at);

            // 3. the holder opens the link from the email, signed out, and sets a new password (too short first)
            assertThat(workspace.smtp.waitForIncomingEmail(10_000, mails + 1)).isTrue();
            MimeMessage[] received = workspace.smtp.getReceivedMessages();
            String text = plainText(received[received.length - 1]);
            Matcher link = Pattern.compile(Pattern.quote(workspace.address()) + "/workspace/password-reset/[A-Za-z0-9_-]{43}").matcher(text);
            assertThat(link.find()).as(text).isTrue();
            ChromeDriver holder = chromium(width);
            holder.get(link.group());
            Chromium.waitForPage(holder);
            assertThat(heading(holder)).isEqualTo("Set a new password");
            assertThat(main(holder)).contains(kit);
            check(holder, "password-reset-" + at);

            holder.findElement(By.id("password")).sendKeys("short");
            holder.findElement(By.id("confirmation")).sendKeys("short");
            clickThrough(holder, holder.findElement(By.xpath("//button[normalize-space()='Set the new password']")));
            assertThat(holder.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("The password must have at least 12 characters");
            assertThat(holder.findElement(By.id("password")).getAttribute("class")).contains("govuk-input--error");
            check(holder, "password-reset-error-" + at);

            holder.findElement(By.id("password")).sendKeys(password);
            holder.findElement(By.id("confirmation")).sendKeys(password);
            clickThrough(holder, holder.findElement(By.xpath("//button[normalize-space()='Set the new password']")));
            assertThat(holder.getCurrentUrl()).endsWith("/login?password-set");
            assertThat(holder.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
                    .contains("Your new password is set. Sign in with it.");
            check(holder, "password-set-sign-in-" + at);
            holder.findElement(By.id("username")).sendKeys(kit);
            holder.findElement(By.id("password")).sendKeys(password);
            clickThrough(holder, holder.findElement(By.xpath("//button[normalize-space()='Sign in']")));
            assertThat(holder.getCurrentUrl()).endsWith("/workspace");
            assertThat(main(holder)).contains("Signed in as Kit Browser");

            // 4. the link a second time
            holder.manage().deleteAllCookies();
            holder.get(link.group());
            Chromium.waitForPage(holder);
            assertThat(heading(holder)).isEqualTo("This link has been used");
            assertThat(main(holder)).contains("Nothing has been changed");
            check(holder, "password-reset-used-" + at);
        }
    }

    ChromeDriver chromium(int width) {
        ChromeDriver driver = Chromium.start(directory, Map.of());
        browsers.add(driver);
        if (width != 1280) {
            driver.manage().window().setSize(new Dimension(width, 844));
            assertThat(((Number) driver.executeScript("return window.innerWidth")).intValue()).as("the page as wide as the window").isEqualTo(width);
        }
        return driver;
    }

    void signIn(ChromeDriver driver, String username, String password) {
        open(driver, "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        clickThrough(driver, driver.findElement(By.xpath("//button[normalize-space()='Sign in']")));
        assertThat(driver.getCurrentUrl()).as("signed in as " + username).endsWith("/workspace");
    }

    void open(ChromeDriver driver, String path) {
        driver.get(workspace.address() + path);
        Chromium.waitForPage(driver);
    }

    static String main(ChromeDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    static String heading(ChromeDriver driver) {
        return driver.findElement(By.tagName("h1")).getText();
    }


    /**
     * axe-core on the page open (WCAG 2.2 A and AA and best practice; serious and critical problems fail), nothing refused
     * by the Content-Security-Policy, no sideways scrolling at the window's width, and a screenshot of the page when asked.
     */
    static void check(ChromeDriver driver, String name) throws Exception {
        Results results = Chromium.axe(driver);
        if (Chromium.KEEP_SCREENSHOTS) {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        assertThat(Chromium.serious(results)).as(name + " at " + driver.getCurrentUrl()).isEmpty();
        assertThat(results.getPasses()).as(name + ": axe ran").isNotEmpty();
        assertThat(Chromium.refusedByTheContentSecurityPolicy(driver))
                .as(name + ": every style, script and image it uses is allowed").isEmpty();
        long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) driver.executeScript("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as(name + ": no sideways scrolling at " + innerWidth + " px").isLessThanOrEqualTo(innerWidth);
    }
}
