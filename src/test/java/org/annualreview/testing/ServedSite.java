package org.annualreview.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.annualreview.AnnualReviewApplication;

/**
 * `./annual-review serve` run for real inside a test, on a free port, over the database given; settings that the
 * command line does not carry (the mail server's) are passed as system properties while it starts.
 */
public final class ServedSite implements AutoCloseable {

    private final Thread server;
    private final String address;

    private ServedSite(Thread server, String address) {
        this.server = server;
        this.address = address;
    }

    /** Starts serving and returns once the site answers (at most a minute). */
    public static ServedSite start(String databaseUrl, Map<String, String> settings) throws InterruptedException {
        int port = freePort();
        String address = "http://localhost:" + port;
        settings.forEach(System::setProperty);
        Thread server = new Thread(() -> AnnualReviewApplication.run(new String[] {"--database-url", databaseUrl, "serve", "--port",
                String.valueOf(port)}, new PrintWriter(new StringWriter(), true), new PrintWriter(System.err, true)), "site-under-test");
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 300; i++) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(address + "/login")).build(), HttpResponse.BodyHandlers.discarding());
                    return new ServedSite(server, address);
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("the site did not start at " + address);
        } finally {
            settings.keySet().forEach(System::clearProperty);   // read as it started; no other test should see them
        }
    }

    /** The settings that point the served application's mail at an SMTP server on this machine, without TLS. */
    public static Map<String, String> mailTo(int smtpPort) {
        return Map.of("annual-review.mail.host", "127.0.0.1", "annual-review.mail.port", String.valueOf(smtpPort),
                "annual-review.mail.starttls", "false");
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://localhost:PORT */
    public String address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        server.interrupt();
        server.join(30_000);
        if (server.isAlive()) {
            throw new AssertionError("the site at " + address + " did not stop in 30 s");
        }
    }
}
