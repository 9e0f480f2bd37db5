package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.annualreview.accounts.LoginThrottle;
import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * Every write is an administrator's, an analyst's or a council's by rule, whatever the path, over the real server on
 * H2 and PostgreSQL: the publication date by a template, the register by an upload, a role changed under an open
 * session; and the limits that hold however many requests come at once, and addresses no Host header can choose.
 */
class WritesByRoleIT extends OnEachDatabase {

    static final String PASSWORD = ServedWorkspace.PASSWORD;

    static String one(String sql, String... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setString(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getObject(1)) : "(none)";
            }
        }
    }

    static String publicationDate() throws Exception {
        return one("select publication_day from publication_date where reporting_year = '2023-24'");
    }

    static String template() throws Exception {
        return one("select source from letter_template where reporting_year = '2023-24' order by version desc fetch first 1 rows only");
    }

    static HttpResponse<String> loadTemplate(Visitor visitor, String source) throws Exception {
        String page = visitor.get("/workspace/years/2023-24/template").body();
        return visitor.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(page), "source", source, "organisation", ""));
    }

    @Test
    void anAnalystCannotPublishAYearEarlyByATemplateThatSetsItsDate() throws Exception {
        Visitor analyst = workspace.signedIn(ServedWorkspace.ANALYST);
        String before = template();
        String audited = one("select count(*) from audit_event where action in ('set-publication-date', 'load-template')");
        assertThat(publicationDate()).isEqualTo("2099-07-24");

        HttpResponse<String> early = loadTemplate(analyst, before.replace("publication-date: 2099-07-24", "publication-date: 2024-07-20"));

        assertThat(early.statusCode()).as(early.body()).isEqualTo(403);
        assertThat(early.body()).contains("the publication date is set by an administrator", "2099-07-24");
        assertThat(publicationDate()).isEqualTo("2099-07-24");
        assertThat(template()).isEqualTo(before);
        assertThat(one("select count(*) from audit_event where action in ('set-publication-date', 'load-template')")).isEqualTo(audited);
        assertThat(workspace.visitor().get("/data/statistics-2023-24.csv").statusCode()).as("still embargoed").isEqualTo(404);

        HttpResponse<String> wording = loadTemplate(analyst, before + "\nA closing line of the analyst's own.\n");
        assertThat(wording.statusCode()).as("the same date with new wording is the analyst's to load").isEqualTo(303);
        assertThat(template()).contains("A closing line of the analyst's own.").contains("publication-date: 2099-07-24");
        loadTemplate(analyst, before);
    }

    @Test
    void anAdministratorsTemplateMovesThePublicationDateAndTheAuditLogSaysSo() throws Exception {
        Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
        String before = template();
        try {
            HttpResponse<String> moved = loadTemplate(administrator, before.replace("publication-date: 2099-07-24", "publication-date: 2099-08-01"));

            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(303);
            assertThat(publicationDate()).isEqualTo("2099-08-01");
            assertThat(one("select after_text from audit_event where action = 'set-publication-date' order by id desc fetch first 1 rows only"))
                    .isEqualTo("1 August 2099");
            assertThat(one("select actor from audit_event where action = 'set-publication-date' order by id desc fetch first 1 rows only"))
                    .isEqualTo(ServedWorkspace.ADMINISTRATOR);

            HttpResponse<String> beforeTheLetters = loadTemplate(administrator, before.replace("publication-date: 2099-07-24",
                    "publication-date: 2024-07-16"));
            assertThat(beforeTheLetters.statusCode()).as("not before the letters, whoever loads it").isEqualTo(422);
            assertThat(beforeTheLetters.body()).contains("before the letters&#39; date 2024-07-17");
            assertThat(publicationDate()).isEqualTo("2099-08-01");
        } finally {
            loadTemplate(administrator, before);
        }
        assertThat(publicationDate()).isEqualTo("2099-07-24");
    }

    @Test
    void theCommandLineRefusesAPublicationDateBeforeTheLettersToo() throws Exception {
        Path early = Files.writeString(workspace.directory.resolve("early.md"), template().replace("publication-date: 2099-07-24",
                "publication-date: 2024-07-01"));

        ServedWorkspace.Run run = workspace.cli("templates", "load", "--year", "2023-24", early.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("early.md, line", "before the letters' date 2024-07-17", "Nothing was loaded.");
        assertThat(publicationDate()).isEqualTo("2099-07-24");
    }

    @Test
    void anAnalystCannotChangeTheRegisterByUploadingItButMayUploadItUnchanged() throws Exception {
        Visitor analyst = workspace.signedIn(ServedWorkspace.ANALYST);
        String organisations = Files.readString(Path.of("docs/samples/organisations.csv"));
        String populations = Files.readString(Path.of("docs/samples/populations.csv"));
        String audited = one("select count(*) from audit_event where action = 'import'");

        HttpResponse<String> renamed = analyst.upload("/workspace/imports", Visitor.csrf(analyst.get("/workspace/imports").body()),
                Map.of("organisations.csv", organisations.replace("Knowsley Metropolitan Borough Council", "Knowsley Renamed Council")));
        HttpResponse<String> repopulated = analyst.upload("/workspace/imports", Visitor.csrf(renamed.body()),
                Map.of("populations.csv", populations.replace("154517", "999999"), "decisions.csv",
                        Files.readString(Path.of("docs/samples/decisions.csv"))));

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(403);
        assertThat(renamed.body()).contains("Organisations: 0 to add and 1 to change, but your account may not change these records");
        assertThat(repopulated.statusCode()).isEqualTo(403);
        assertThat(repopulated.body()).contains("Populations: 0 to add and 1 to change");
        assertThat(one("select name from organisation where code = ?", ServedWorkspace.KNOWSLEY)).isEqualTo("Knowsley Metropolitan Borough Council");
        assertThat(one("select residents from population where organisation_code = ? and mid_year = 2022", ServedWorkspace.KNOWSLEY))
                .isEqualTo("154517");
        assertThat(one("select count(*) from audit_event where action = 'import'")).isEqualTo(audited);

        HttpResponse<String> unchanged = analyst.upload("/workspace/imports", Visitor.csrf(repopulated.body()),
                Map.of("organisations.csv", organisations, "populations.csv", populations));
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        assertThat(unchanged.body()).contains("The files were imported.");

        Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
        HttpResponse<String> byAdministrator = administrator.upload("/workspace/imports", Visitor.csrf(administrator.get("/workspace/imports").body()),
                Map.of("populations.csv", populations.replace("154517", "154518")));
        assertThat(byAdministrator.statusCode()).as(byAdministrator.body()).isEqualTo(200);
        assertThat(one("select residents from population where organisation_code = ? and mid_year = 2022", ServedWorkspace.KNOWSLEY))
                .isEqualTo("154518");
        administrator.upload("/workspace/imports", Visitor.csrf(byAdministrator.body()), Map.of("populations.csv", populations));
    }

    @Test
    void aRoleChangedFromTheCommandLineEndsTheSessionsOpenWithTheOldRole() throws Exception {
        Path password = workspace.directory.resolve("password.txt");
        assertThat(workspace.cli("users", "add", "--username", "role.change@ombudsman.example", "--name", "Robin Role", "--role", "analyst",
                "--password-file", password.toString()).exitCode()).isZero();
        Visitor analyst = workspace.signedIn("role.change@ombudsman.example");
        assertThat(analyst.get("/workspace/imports").statusCode()).isEqualTo(200);

        assertThat(workspace.cli("users", "add", "--username", "role.change@ombudsman.example", "--name", "Robin Role", "--role", "council",
                "--organisation", "Knowsley", "--password-file", password.toString(), "--replace").exitCode()).isZero();

        HttpResponse<String> after = analyst.get("/workspace/imports");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(after)).endsWith("/login");
        assertThat(analyst.get("/workspace").statusCode()).as("signed out").isEqualTo(302);
        Visitor again = workspace.signedIn("role.change@ombudsman.example");
        assertThat(again.get("/workspace/imports").statusCode()).as("signed in again, with the new role").isEqualTo(403);
    }

    @Test
    void aPasswordSetAnewFromTheCommandLineEndsTheSessionsOpenWithTheOldOne() throws Exception {
        Path password = workspace.directory.resolve("password.txt");
        assertThat(workspace.cli("users", "add", "--username", "password.anew@ombudsman.example", "--name", "Sam Anew", "--role", "analyst",
                "--password-file", password.toString()).exitCode()).isZero();
        Visitor signedIn = workspace.signedIn("password.anew@ombudsman.example");
        Visitor someoneElse = workspace.signedIn(ServedWorkspace.ANALYST);
        assertThat(signedIn.get("/workspace/imports").statusCode()).isEqualTo(200);

        assertThat(workspace.cli("users", "add", "--username", "password.anew@ombudsman.example", "--name", "Sam Anew", "--role", "analyst",
                "--password-file", password.toString(), "--replace").exitCode()).isZero();

        HttpResponse<String> after = signedIn.get("/workspace/imports");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(Visitor.location(after)).endsWith("/login");
        assertThat(someoneElse.get("/workspace/imports").statusCode()).as("another account's session is kept").isEqualTo(200);
    }

    @Test
    void thirtyWrongPasswordsAtOnceAreCheckedNoMoreThanTheLimit() throws Exception {
        assertThat(workspace.cli("users", "add", "--username", "guessed.at.once@ombudsman.example", "--name", "Guessed", "--role", "analyst",
                "--password-file", workspace.directory.resolve("password.txt").toString()).exitCode()).isZero();

        List<String> outcomes = atOnce(30, i -> Visitor.location(workspace.visitor().signIn("guessed.at.once@ombudsman.example", "wrong " + i)));

        assertThat(outcomes.stream().filter(o -> o.endsWith("/login?error")).count()).as(outcomes.toString()).isEqualTo(LoginThrottle.PER_ACCOUNT);
        assertThat(outcomes.stream().filter(o -> o.endsWith("/login?throttled")).count()).isEqualTo(30 - LoginThrottle.PER_ACCOUNT);
        assertThat(Visitor.location(workspace.visitor().signIn("guessed.at.once@ombudsman.example", PASSWORD))).endsWith("/login?throttled");
        assertThat(Visitor.location(workspace.visitor().signIn(ServedWorkspace.ANALYST, PASSWORD))).as("others sign in").endsWith("/workspace");
    }

    @Test
    void twelveRegistrationsAtOnceForOneAddressSendNoMoreThanThreeConfirmations() throws Exception {
        int before = workspace.smtp.getReceivedMessages().length;

        List<String> outcomes = atOnce(12, i -> String.valueOf(workspace.visitor().post("/monitoring-officers/register", Map.of("council",
                ServedWorkspace.KNOWSLEY, "name", "Morgan Many", "email", "many.at.once@knowsley.example", "job-title", "")).statusCode()));

        assertThat(outcomes.stream().filter("200"::equals).count()).as(outcomes.toString()).isEqualTo(3);
        assertThat(outcomes.stream().filter("429"::equals).count()).isEqualTo(9);
        workspace.smtp.waitForIncomingEmail(5_000, before + 3);
        Thread.sleep(500);
        assertThat(java.util.Arrays.stream(workspace.smtp.getReceivedMessages()).skip(before)
                .filter(m -> recipients(m).contains("many.at.once@knowsley.example")).count()).isEqualTo(3);
    }

    @Test
    void noHostHeaderChoosesTheAddressesTheSiteGivesOut() throws Exception {
        for (String path : List.of("/robots.txt", "/sitemap.xml")) {
            String poisoned = rawGet(path, "evil.example");
            String honest = workspace.visitor().get(path).body();

            assertThat(poisoned).as(path).doesNotContain("evil.example").contains(workspace.address());
            assertThat(honest).as(path + " as the next visitor gets it").doesNotContain("evil.example");
        }
    }

    private static String recipients(jakarta.mail.Message message) {
        try {
            return java.util.Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET sent by hand, with the Host header given (Java's HTTP client sets its own). */
    private static String rawGet(String path, String host) throws Exception {
        URI site = URI.create(workspace.address());
        try (Socket socket = new Socket(site.getHost(), site.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder answer = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    answer.append(line).append('\n');
                }
            }
            return answer.toString();
        }
    }

    interface Attempt {
        String run(int i) throws Exception;
    }

    /** Runs the attempts on as many threads, released together, and returns what each said. */
    static List<String> atOnce(int count, Attempt attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                pending.add(threads.submit((Callable<String>) () -> {
                    start.await();
                    return attempt.run(n);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> each : pending) {
                outcomes.add(each.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
