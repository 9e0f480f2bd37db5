package org.annualreview.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accounts as they are used: added with `./annual-review users add`, then signing in to the workspace of the
 * real server (`serve`) over HTTP, on H2 and on PostgreSQL. Roles, CSRF, throttling and security headers.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class AccountsIT {

    static final String PASSWORD = ServedWorkspace.PASSWORD;
    static final String ADMINISTRATOR = ServedWorkspace.ADMINISTRATOR;
    static final String ANALYST = ServedWorkspace.ANALYST;
    static final String COUNCIL = ServedWorkspace.COUNCIL;
    static final String KNOWSLEY = ServedWorkspace.KNOWSLEY;
    static final String LIVERPOOL = ServedWorkspace.LIVERPOOL;

    @Parameter
    String databaseKind;

    static ServedWorkspace workspace;
    static Path directory;
    static String databaseUrl;
    static String site;
    static com.icegreen.greenmail.util.GreenMail smtp;

    @BeforeParameterizedClassInvocation
    static void serveWithAccounts(String kind) throws Exception {
        workspace = ServedWorkspace.start(kind);
        directory = workspace.directory;
        databaseUrl = workspace.databaseUrl;
        site = workspace.address();
        smtp = workspace.smtp;
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    static ServedWorkspace.Run cli(String... args) {
        return workspace.cli(args);
    }

    static String location(HttpResponse<?> response) {
        return org.annualreview.testing.Visitor.location(response);
    }

    @Test
    void theWorkspaceSendsTheAnonymousPublicToSignIn() throws Exception {
        Visitor anyone = workspace.visitor();

        for (String path : List.of("/workspace", "/workspace/accounts")) {
            HttpResponse<String> refused = anyone.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(302);
            assertThat(location(refused)).as(path).endsWith("/login");
        }
        assertThat(anyone.get("/login").body()).contains("<h1 class=\"govuk-heading-l\">Sign in</h1>", "autocomplete=\"current-password\"");
    }

    @Test
    void eachRoleSignsInToItsOwnWorkspaceAndOnlyAnAdministratorSeesTheAccounts() throws Exception {
        Visitor analyst = workspace.visitor();
        HttpResponse<String> signedIn = analyst.signIn(ANALYST.toUpperCase(), PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).endsWith("/workspace");
        assertThat(analyst.get("/workspace").body()).contains("Signed in as Alex Analyst (Analyst).").doesNotContain("/workspace/accounts");
        assertThat(analyst.get("/workspace/accounts").statusCode()).isEqualTo(403);

        Visitor council = workspace.visitor();
        council.signIn(COUNCIL, PASSWORD);
        assertThat(council.get("/workspace").body()).contains("Signed in as Kit Council (Council user, Knowsley Metropolitan Borough Council).");
        assertThat(council.get("/workspace/accounts").statusCode()).isEqualTo(403);

        Visitor administrator = workspace.visitor();
        administrator.signIn(ADMINISTRATOR, PASSWORD);
        HttpResponse<String> accounts = administrator.get("/workspace/accounts");
        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains(ADMINISTRATOR, ANALYST, COUNCIL, "Knowsley Metropolitan Borough Council").doesNotContain(PASSWORD);
    }


    @Test
    void aCouncilUserSeesItsOwnUnpublishedLetterAndFiguresAndNothingOfAnotherCouncilsWhateverItTries() throws Exception {
        Visitor council = workspace.visitor();
        council.signIn(COUNCIL, PASSWORD);

        assertThat(council.get("/workspace/letters").body()).contains("Knowsley Metropolitan Borough Council", "2023-24",
                "/workspace/organisations/E08000011/letters/2023-24.pdf").doesNotContain(LIVERPOOL, "Liverpool")
                .as("where its letter stands").contains("Version 1, written ", "Not sent yet", "Not published yet (planned for 24 July 2099)")
                .containsPattern("<dt class=\"govuk-summary-list__key\">Approval</dt><dd class=\"govuk-summary-list__value\">(Awaiting approval|Approved \\d)");
        HttpResponse<byte[]> pdf = council.http.send(HttpRequest.newBuilder(URI.create(site + "/workspace/organisations/" + KNOWSLEY
                + "/letters/2023-24.pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> html = council.get("/workspace/organisations/e08000011/letters/2023-24.html");
        assertThat(html.body()).contains("Knowsley");
        assertThat(html.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
        assertThat(council.get("/workspace/organisations/" + KNOWSLEY + "/figures/2023-24").body()).contains("Complaints upheld", " of ");

        for (String path : List.of("/workspace/organisations/" + LIVERPOOL + "/letters/2023-24.pdf",
                "/workspace/organisations/" + LIVERPOOL + "/letters/2023-24.html", "/workspace/organisations/e08000012/letters/2023-24.html",
                "/workspace/organisations/" + LIVERPOOL + "/figures/2023-24", "/workspace/organisations/E99999999/figures/2023-24",
                "/workspace/organisations/" + LIVERPOOL + "/letters/2022-23.pdf", "/workspace/letters?year=2023-24&organisation=" + LIVERPOOL)) {
            HttpResponse<String> tried = council.get(path);
            assertThat(tried.body()).as(path).doesNotContain("Liverpool");
            if (!path.startsWith("/workspace/letters")) {
                assertThat(tried.statusCode()).as(path).isEqualTo(404);
            }
        }
        Visitor anyone = workspace.visitor();
        for (String path : List.of("/councils/" + KNOWSLEY + "/letters/2023-24.pdf", "/councils/" + KNOWSLEY + "/letters/2023-24.html",
                "/api/years/2023-24/councils/" + KNOWSLEY, "/data/statistics-2023-24.csv")) {
            assertThat(anyone.get(path).statusCode()).as("the public, before 2099: " + path).isEqualTo(404);
        }
        assertThat(anyone.get("/workspace/organisations/" + KNOWSLEY + "/letters/2023-24.pdf").statusCode()).isEqualTo(302);
    }

    @Test
    void staffSeeEveryOrganisationsLetterBeforePublication() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);

        assertThat(analyst.get("/workspace/letters?year=2023-24").body()).contains("Knowsley Metropolitan Borough Council", "Liverpool City Council");
        assertThat(analyst.get("/workspace/organisations/" + LIVERPOOL + "/letters/2023-24.html").body()).contains("Liverpool");
        assertThat(analyst.get("/workspace/organisations/" + LIVERPOOL + "/figures/2023-24").statusCode()).isEqualTo(200);
    }

    static final String DECISIONS = "case_reference,organisation_code,service_area,received_date,decision_date,outcome,"
            + "detailed_investigation,satisfactory_remedy,public_report_date,public_report_title,complaint_handling_code_finding\n"
            + "UPLOAD-1,E08000011,Housing,2023-04-02,2023-10-05,Upheld,yes,no,,,\n";

    @Test
    void anAnalystImportsAFileWithAnErrorSeesWhereThenImportsItFixedAndTheAuditLogSaysWho() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        String form = analyst.get("/workspace/imports").body();

        HttpResponse<String> refused = analyst.upload("/workspace/imports", Visitor.csrf(form),
                Map.of("decisions-upload.csv", DECISIONS.replace("2023-10-05", "5th October")));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem: nothing was imported", "decisions-upload.csv", "decision_date");
        assertThat(analyst.get("/workspace/organisations/" + KNOWSLEY + "/figures/2023-24").body()).doesNotContain("UPLOAD-1");

        HttpResponse<String> imported = analyst.upload("/workspace/imports", Visitor.csrf(refused.body()), Map.of("decisions-upload.csv", DECISIONS));

        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("The files were imported.", "decisions-upload.csv");
        Visitor administrator = workspace.visitor();
        administrator.signIn(ADMINISTRATOR, PASSWORD);
        assertThat(administrator.get("/workspace/audit").body()).contains(ANALYST, "import", "decisions-upload.csv", "1 rows: 1 inserted");
    }

    @Test
    void anAnalystApprovesTheYearsLettersInTheWorkspaceAndSeesWhoWouldReceiveThem() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        String page = analyst.get("/workspace/years/2023-24").body();
        assertThat(page).containsPattern("Knowsley Metropolitan Borough Council</th>\\s*<td class=\"govuk-table__cell\">not approved");

        HttpResponse<String> unconfirmed = analyst.post("/workspace/years/2023-24/approve", Map.of("_csrf", Visitor.csrf(page)));
        assertThat(location(unconfirmed)).as("asked to confirm first").endsWith("/workspace/years/2023-24/approve");
        String confirm = analyst.get("/workspace/years/2023-24/approve").body();
        assertThat(confirm).contains("Approve 3 letters?", "Yes, approve 3 letters");
        String writtenBy = confirm.replaceFirst("(?s).*name=\"writtenBy\" value=\"([^\"]+)\".*", "$1");

        HttpResponse<String> approved = analyst.post("/workspace/years/2023-24/approve", Map.of("_csrf", Visitor.csrf(confirm), "confirmed", "yes",
                "writtenBy", writtenBy));

        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(analyst.get(location(approved).replace(site, "")).body()).contains("The latest letters are approved.",
                "would send", "chief.executive@knowsley.sample.invalid (chief executive)");
        Visitor administrator = workspace.visitor();
        administrator.signIn(ADMINISTRATOR, PASSWORD);
        assertThat(administrator.get("/workspace/audit").body()).contains("Letters approved</td>", "letters of 2023-24", ANALYST);
    }

    @Test
    void anAnalystPreviewsAnEditedTemplateForAnyCouncilSeesAProblemByLineAndLoadsItWithAnAuditedBeforeAndAfter() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        String page = analyst.get("/workspace/years/2023-24/template").body();
        String source = Files.readString(directory.resolve("2023-24.md"));
        assertThat(page).contains("publication-date: 2099-07-24", "Preview (opens in a new tab)");
        String edited = source.replace("By email", "By email and by hand");

        HttpResponse<String> preview = analyst.post("/workspace/years/2023-24/preview", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", edited));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Liverpool City Council", "By email and by hand");
        assertThat(preview.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'none'");
        HttpResponse<String> bad = analyst.post("/workspace/years/2023-24/preview", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", edited + "\n{{ organisation.nmae }}\n"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("There is a problem", "unknown field &#39;organisation.nmae&#39;", "the problem is on line");
        assertThat(analyst.get("/workspace/organisations/" + LIVERPOOL + "/letters/2023-24.html").body()).as("nothing stored")
                .doesNotContain("By email and by hand");

        HttpResponse<String> loaded = analyst.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "source", edited));
        assertThat(loaded.statusCode()).isEqualTo(303);
        assertThat(analyst.get(location(loaded).replace(site, "")).body()).contains("The template is loaded as the year's new version");
        Visitor administrator = workspace.visitor();
        administrator.signIn(ADMINISTRATOR, PASSWORD);
        assertThat(administrator.get("/workspace/audit").body()).contains("Letter template loaded</td>", "letter template of 2023-24, version 2", "By email and by hand");
        HttpResponse<String> noted = analyst.post("/workspace/years/2023-24/notes", Map.of("_csrf", Visitor.csrf(page),
                "organisation", "Liverpool", "note", "Thank you for the training your officers attended."));
        assertThat(noted.statusCode()).isEqualTo(303);
        assertThat(analyst.post("/workspace/years/2023-24/preview", Map.of("_csrf", Visitor.csrf(page), "organisation", "Liverpool",
                "source", edited.replace("By email and by hand", "By email and by hand\n\n{{ note }}"))).body())
                .contains("Thank you for the training your officers attended.");
        assertThat(analyst.post("/workspace/years/2023-24/notes", Map.of("_csrf", Visitor.csrf(page), "organisation", "Nowhere Council",
                "note", "x")).statusCode()).isEqualTo(422);
        assertThat(administrator.get("/workspace/audit").body()).contains("Letter paragraph written</td>", "paragraph for Liverpool");
        Visitor council = workspace.visitor();
        council.signIn(COUNCIL, PASSWORD);
        assertThat(council.get("/workspace/years/2023-24/template").statusCode()).isEqualTo(403);
    }

    @Test
    void aCouncilUserCannotReachWhatStaffDo() throws Exception {
        Visitor council = workspace.visitor();
        council.signIn(COUNCIL, PASSWORD);
        String page = council.get("/workspace").body();

        for (String path : List.of("/workspace/imports", "/workspace/years/2023-24", "/workspace/audit", "/workspace/accounts")) {
            assertThat(council.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(council.post("/workspace/years/2023-24/approve", Map.of("_csrf", Visitor.csrf(page))).statusCode()).isEqualTo(403);
        assertThat(council.post("/workspace/years/2023-24/send", Map.of("_csrf", Visitor.csrf(page))).statusCode()).isEqualTo(403);
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        assertThat(analyst.get("/workspace/audit").statusCode()).as("the audit log is the administrators'").isEqualTo(403);
    }

    @Test
    void aMonitoringOfficerRegistersConfirmsByTheEmailedLinkAndIsCopiedOnceStaffApprove() throws Exception {
        Visitor officer = workspace.visitor();
        assertThat(officer.get("/monitoring-officers/register").body()).contains("<option value=\"E08000011\">Knowsley Metropolitan Borough Council</option>");
        HttpResponse<String> blank = officer.post("/monitoring-officers/register", Map.of("council", "", "name", " ", "email", "not-an-address"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("There is a problem", "href=\"#council\">Select your council", "href=\"#name\">Enter your full name",
                "href=\"#email\">Enter an email address in the correct format", "value=\"not-an-address\"");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        HttpResponse<String> asked = officer.post("/monitoring-officers/register", Map.of("council", KNOWSLEY, "name", "Morgan Officer",
                "email", "Morgan.Officer@knowsley.example", "job-title", "Deputy Monitoring Officer"));
        assertThat(asked.body()).contains("Check your email");
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        String mail = com.icegreen.greenmail.util.GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
        Matcher link = Pattern.compile("(/monitoring-officers/confirm\\?token=[A-Za-z0-9_-]{43})").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("morgan.officer@knowsley.example");

        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        assertThat(analyst.get("/workspace/registrations").body()).as("not yet confirmed").doesNotContain("morgan.officer@knowsley.example");
        assertThat(officer.get("/monitoring-officers/confirm?token=" + "x".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(officer.get(link.group(1)).body()).contains("Email address confirmed", "Knowsley Metropolitan Borough Council");

        String list = analyst.get("/workspace/registrations").body();
        assertThat(list).contains("Morgan Officer, Deputy Monitoring Officer", "morgan.officer@knowsley.example");
        Matcher approve = Pattern.compile("action=\"(/workspace/registrations/\\d+/approve)\"").matcher(list);
        assertThat(approve.find()).isTrue();
        assertThat(analyst.post(approve.group(1), Map.of("_csrf", Visitor.csrf(list))).statusCode()).isEqualTo(303);
        assertThat(analyst.get("/workspace/registrations").body()).doesNotContain("morgan.officer@knowsley.example");
        assertThat(analyst.post(approve.group(1), Map.of("_csrf", Visitor.csrf(list))).statusCode()).as("decided already").isEqualTo(404);

        try (var c = java.sql.DriverManager.getConnection(databaseUrl, databaseUrl.startsWith("jdbc:h2") ? "" : System.getProperty("user.name"), "");
                var s = c.prepareStatement("select role from contact where organisation_code = ? and email = ?")) {
            s.setString(1, KNOWSLEY);
            s.setString(2, "morgan.officer@knowsley.example");
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("monitoring-officer");
            }
        }
        Visitor administrator = workspace.visitor();
        administrator.signIn(ADMINISTRATOR, PASSWORD);
        assertThat(administrator.get("/workspace/audit").body()).contains("approve-registration", "morgan.officer@knowsley.example for E08000011");
    }

    @Test
    void theRegistrationFormSendsAtMostThreeConfirmationsToOneAddressInAnHour() throws Exception {
        Visitor officer = workspace.visitor();
        int before = smtp.getReceivedMessages().length;
        Map<String, String> form = Map.of("council", KNOWSLEY, "name", "Rob Repeat", "email", "rob.repeat@knowsley.example");

        for (int i = 0; i < 3; i++) {
            assertThat(officer.post("/monitoring-officers/register", form).body()).contains("Check your email");
        }
        HttpResponse<String> fourth = officer.post("/monitoring-officers/register", form);

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.body()).contains("There is a problem", "Too many requests to receive the letter", "value=\"rob.repeat@knowsley.example\"");
        assertThat(smtp.waitForIncomingEmail(5_000, before + 3)).isTrue();
        Thread.sleep(300);
        assertThat(smtp.getReceivedMessages().length - before).as("confirmations sent").isEqualTo(3);
        assertThat(officer.post("/monitoring-officers/register", Map.of("council", KNOWSLEY, "name", "Another Officer",
                "email", "another.officer@knowsley.example")).body()).as("another address from the same place").contains("Check your email");
        smtp.purgeEmailFromAllMailboxes();   // the registration test reads the first message it finds
    }

    @Test
    void signingOutFromTheHeaderEndsTheSession() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        String page = analyst.get("/workspace").body();
        String header = page.substring(page.indexOf("<header>"), page.indexOf("</header>"));
        assertThat(header).as("the header's navigation: the workspace, and signing out as a form that posts with the CSRF field")
                .contains("<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\"><a class=\"govuk-service-navigation__link\""
                        + " href=\"/workspace\" aria-current=\"true\"><strong class=\"govuk-service-navigation__active-fallback\">Workspace</strong></a>",
                        "<a class=\"govuk-service-navigation__link\" href=\"/workspace/password\">Change your password</a>",
                        "<form action=\"/logout\" method=\"post\"", "name=\"_csrf\" value=\"",
                        "<button type=\"submit\" class=\"govuk-service-navigation__link app-sign-out__button\">Sign out</button>",
                        "govuk-phase-banner");
        assertThat(page.substring(page.indexOf("</header>"))).as("no other Sign out").doesNotContain("Sign out", "/logout");
        assertThat(page).contains("<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a>",
                "<a class=\"govuk-footer__link\" href=\"/privacy\">Privacy notice</a>", "<a class=\"govuk-footer__link\" href=\"/cookies\">Cookies</a>",
                "<a class=\"govuk-footer__link\" href=\"/contact\">Contact</a>");

        HttpResponse<String> out = analyst.post("/logout", Map.of("_csrf", Visitor.csrf(header)));

        assertThat(location(out)).endsWith("/login?signed-out");
        assertThat(analyst.get("/workspace").statusCode()).isEqualTo(302);
        String signIn = analyst.get("/login?signed-out").body();
        assertThat(signIn).as("signed out: no navigation to sign out from").contains("govuk-header", "govuk-phase-banner", "/accessibility")
                .doesNotContain("Sign out", "govuk-service-navigation");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        Visitor forger = workspace.visitor();
        forger.get("/login");

        assertThat(forger.post("/login", Map.of("username", ANALYST, "password", PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(forger.post("/login", Map.of("username", ANALYST, "password", PASSWORD, "_csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(forger.get("/workspace").statusCode()).as("not signed in").isEqualTo(302);

        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);
        assertThat(analyst.post("/logout", Map.of()).statusCode()).as("signing out needs the token too").isEqualTo(403);
        assertThat(analyst.get("/workspace").statusCode()).isEqualTo(200);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedForAWhile() throws Exception {
        cli("users", "add", "--username", "guessed@ombudsman.example", "--name", "Guessed", "--role", "analyst",
                "--password-file", directory.resolve("password.txt").toString());
        Visitor guesser = workspace.visitor();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            HttpResponse<String> wrong = guesser.signIn("guessed@ombudsman.example", "wrong password " + i);
            assertThat(location(wrong)).endsWith("/login?error");
        }

        HttpResponse<String> right = workspace.visitor().signIn("guessed@ombudsman.example", PASSWORD);

        assertThat(location(right)).endsWith("/login?throttled");
        assertThat(guesser.get("/login?throttled").body()).contains("Too many failed attempts to sign in. Try again in 15 minutes.");
        assertThat(workspace.visitor().signIn(ANALYST, PASSWORD).headers().firstValue("Location").orElse(""))
                .as("other accounts are not held up").endsWith("/workspace");
    }

    @Test
    void workspacePagesCarrySecurityHeadersAndAreNeverKeptByThePublicSitesCache() throws Exception {
        Visitor analyst = workspace.visitor();
        analyst.signIn(ANALYST, PASSWORD);

        HttpResponse<String> page = analyst.get("/workspace");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(workspace.visitor().get("/workspace").statusCode()).as("the page just made for the analyst").isEqualTo(302);
    }

    @Test
    void anAccountWhosePasswordWasHashedWithBcryptBeforeStillSignsIn() throws Exception {
        cli("users", "add", "--username", "older@ombudsman.example", "--name", "Older", "--role", "analyst",
                "--password-file", directory.resolve("password.txt").toString());
        try (var c = workspace.connection(); var s = c.prepareStatement("update account set password_hash = ? where username = ?")) {
            s.setString(1, "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD));
            s.setString(2, "older@ombudsman.example");
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertThat(location(workspace.visitor().signIn("older@ombudsman.example", PASSWORD))).endsWith("/workspace");
        assertThat(location(workspace.visitor().signIn("older@ombudsman.example", "not the password"))).endsWith("/login?error");
    }

    @Test
    void passwordsAreKeptOnlyAsHashesAndBadAccountsAreRefusedWithEveryReason() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(databaseUrl, databaseUrl.startsWith("jdbc:h2") ? "" : System.getProperty("user.name"), "");
                var s = c.createStatement(); var rs = s.executeQuery("select password_hash from account where username = '" + ANALYST + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
        }
        Path shortPassword = Files.writeString(directory.resolve("short.txt"), "short\n");

        ServedWorkspace.Run refused = cli("users", "add", "--username", "not an address", "--name", " ", "--role", "analyst", "--organisation", "Knowsley",
                "--password-file", shortPassword.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the user name must be an email address", "give the person's name",
                "the password must have at least 12 characters", "only a council user is tied to an organisation");
        assertThat(cli("users", "add", "--username", ANALYST, "--name", "Again", "--role", "analyst", "--password-file",
                directory.resolve("password.txt").toString()).err()).contains("annual-review: " + ANALYST + " already has an account (--replace sets");
        assertThat(cli("users", "add", "--username", "x@example.org", "--name", "X", "--role", "mayor", "--password-file",
                directory.resolve("password.txt").toString()).exitCode()).isEqualTo(2);
        assertThat(cli("users", "list").out()).contains(ADMINISTRATOR, ANALYST, COUNCIL).doesNotContain("not an address");
    }
}
