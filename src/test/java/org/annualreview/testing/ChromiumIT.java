package org.annualreview.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import com.sun.net.httpserver.HttpServer;

/**
 * The accessibility check every browser test relies on can fail: axe-core, given to the browser as it starts, finds
 * the problems of a page that has them, with the page's scripts on and off. (axe-core had once not run at all in a
 * browser without JavaScript while the tests said every page passed.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumIT {

    /** An image without a text alternative and a field without a label (both serious or worse), and a script that changes the heading. */
    private static final String FLAWED_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>A page with problems</title></head>
            <body><main><h1 id="heading">Written by the server</h1>
            <img src="/missing.png">
            <form><input type="text" name="search"></form>
            <script>document.getElementById('heading').textContent = 'Changed by a script';</script>
            </main></body></html>
            """;
    /** The same page with its problems mended. */
    private static final String SOUND_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>A page without problems</title></head>
            <body><main><h1>Written by the server</h1>
            <img src="/missing.png" alt="">
            <form><label for="search">Search</label><input type="text" id="search" name="search"></form>
            </main></body></html>
            """;

    @TempDir
    Path profiles;
    HttpServer server;
    String address;

    @BeforeAll
    void serve() throws IOException {
        Chromium.requireOrSkip();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/flawed") ? FLAWED_PAGE : path.equals("/sound") ? SOUND_PAGE : "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        address = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void axeFindsThePagesProblemsWithItsScriptsOnAndNoneOnceTheyAreMended() {
        ChromeDriver browser = Chromium.start(profiles, Map.of());
        try {
            browser.get(address + "/flawed");
            Chromium.waitForPage(browser);
            assertThat(browser.findElement(By.id("heading")).getText()).isEqualTo("Changed by a script");
            assertThat(Chromium.seriousProblems(browser)).anyMatch(problem -> problem.contains("image-alt"))
                    .anyMatch(problem -> problem.contains("label"));

            browser.get(address + "/sound");
            Chromium.waitForPage(browser);
            assertThat(Chromium.seriousProblems(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }

    @Test
    void axeFindsThePagesProblemsWithItsScriptsOffWhileThePagesOwnScriptsStayOff() {
        ChromeDriver browser = Chromium.withoutJavaScript(Chromium.start(profiles, Map.of()));
        try {
            browser.get(address + "/flawed");
            Chromium.waitForPage(browser);
            assertThat(Chromium.seriousProblems(browser)).anyMatch(problem -> problem.contains("image-alt"))
                    .anyMatch(problem -> problem.contains("label"));
            assertThat(browser.findElement(By.id("heading")).getText()).as("the page's own script did not run, before or after the check")
                    .isEqualTo("Written by the server");
        } finally {
            browser.quit();
        }
    }
}
