package org.annualreview.workspace;

import static org.annualreview.testing.MailText.plainText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

/**
 * Passwords over the real server (`serve`), on H2 and on PostgreSQL, with GreenMail receiving the real email: a
 * signed-in user changes their own, and an administrator emails a one-time link with which an account's holder sets a
 * new one, signed out. Either way the account's other sessions are signed out and the change is audited in words.
 */
class PasswordsIT extends OnEachDatabase {

    static final String PASSWORD = ServedWorkspace.PASSWORD;
    static final String NEW_PASSWORD = "a new and longer passphrase";

    /** A fresh account of its own for each test, added as `users add` adds one, with the test password. */
    static String anAccount(String name, String role) {
        String username = name + "." + System.nanoTime() + "@ombudsman.example";
        List<String> args = new ArrayList<>(List.of("users", "add", "--username", username, "--name", "Pat " + name, "--role", role,
                "--password-file", workspace.directory.resolve("password.txt").toString()));
        if (role.equals("council")) {
            args.addAll(List.of("--organisation", "Knowsley"));
        }
        ServedWorkspace.Run added = workspace.cli(args.toArray(String[]::new));
        assertThat(added.exitCode()).as(added.err()).isZero();
        return username;
    }

    static String signInAnswer(String username, String password) throws Exception {
        return Visitor.location(workspace.visitor().signIn(username, password));
    }

    static int count(String sql, String... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setString(i + 1, arguments[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void update(String sql, Object... arguments) throws Exception {
        try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                s.setObject(i + 1, arguments[i]);
            }
            s.executeUpdate();
        }
    }

    /** The messages GreenMail received for the address, oldest first. */
    static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : workspace.smtp.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(address)) {
                    found.add(message);
                }
            }
        }
        return found;
    }


    /** An administrator emails the account a link from the accounts page; the link's address, as the email gives it. */
    static String sendLink(String username) throws Exception {
        int before = mailTo(username).size();
        Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
        String list = administrator.get("/workspace/accounts").body();
        assertThat(list).contains("name=\"username\" value=\"" + username + "\"", "Email a link to set a new password");

        HttpResponse<String> sent = administrator.post("/workspace/accounts/password-reset", Map.of("_csrf", Visitor.csrf(list), "username", username));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(administrator.follow(sent).body()).contains("A link to set a new password has been emailed to " + username
                + ". It works once, for 24 hours.");
        List<MimeMessage> received = mailTo(username);
        assertThat(received).hasSize(before + 1);
        MimeMessage mail = received.get(received.size() - 1);
        assertThat(mail.getSubject()).isEqualTo("Set a new password for the annual review workspace");
        String text = plainText(mail);
        Matcher link = Pattern.compile(Pattern.quote(workspace.address()) + "(/workspace/password-reset/[A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        assertThat(text).contains("works once, until", "(UK time)");
        return link.group(1);
    }

    static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> newPassword(String csrf, String password, String confirmation) {
        return Map.of("_csrf", csrf, "password", password, "confirmation", confirmation);
    }

    @Nested
    class ChangingYourOwn {

        @Test
        void aCouncilUserChangesTheirPasswordStaysSignedInAndTheirOtherSessionsAreSignedOut() throws Exception {
            String kit = anAccount("council", "council");
            Visitor here = workspace.signedIn(kit);
            Visitor elsewhere = workspace.signedIn(kit);
            Visitor someoneElse = workspace.signedIn(ServedWorkspace.ANALYST);
            String start = here.get("/workspace").body();
            assertThat(start).contains("<a class=\"govuk-service-navigation__link\" href=\"/workspace/password\">Change your password</a>");
            assertThat(here.get("/workspace/password").body()).as("the page marks its item in the navigation").contains(
                    "href=\"/workspace/password\" aria-current=\"true\"><strong class=\"govuk-service-navigation__active-fallback\">Change your password");
            String form = here.get("/workspace/password").body();
            assertThat(form).contains("<h1 class=\"govuk-heading-l\">Change your password</h1>", "autocomplete=\"current-password\"",
                    "autocomplete=\"new-password\"", "At least 12 characters");

            HttpResponse<String> changed = here.post("/workspace/password", Map.of("_csrf", Visitor.csrf(form), "current-password", PASSWORD,
                    "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
            assertThat(here.follow(changed).body()).contains("Your password has been changed.");
            assertThat(here.get("/workspace").statusCode()).as("still signed in here").isEqualTo(200);
            HttpResponse<String> other = elsewhere.get("/workspace");
            assertThat(other.statusCode()).as("signed out elsewhere").isEqualTo(302);
            assertThat(Visitor.location(other)).endsWith("/login");
            assertThat(someoneElse.get("/workspace").statusCode()).as("another account's session, untouched").isEqualTo(200);
            assertThat(signInAnswer(kit, PASSWORD)).endsWith("/login?error");
            assertThat(signInAnswer(kit, NEW_PASSWORD)).endsWith("/workspace");
            assertThat(count("select count(*) from audit_event where action = 'change-password' and actor = ? and subject = ? and after_text = ?",
                    kit, kit, "Password changed by the account holder; 1 other session signed out")).isEqualTo(1);
            assertThat(count("select count(*) from audit_event where before_text like ? or after_text like ? or after_text like ?",
                    "%" + NEW_PASSWORD + "%", "%" + NEW_PASSWORD + "%", "%argon2%")).as("neither the password nor its hash").isZero();
        }

        @Test
        void aWrongCurrentPasswordATooShortOneAndTwoThatDifferAreShownInTheErrorSummaryAndChangeNothing() throws Exception {
            String alex = anAccount("analyst", "analyst");
            Visitor here = workspace.signedIn(alex);
            Visitor elsewhere = workspace.signedIn(alex);
            String form = here.get("/workspace/password").body();

            HttpResponse<String> refused = here.post("/workspace/password", Map.of("_csrf", Visitor.csrf(form), "current-password", "not my password",
                    "password", "too-short", "confirmation", "too-short"));
            HttpResponse<String> differ = here.post("/workspace/password", Map.of("_csrf", Visitor.csrf(form), "current-password", PASSWORD,
                    "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD + "!"));
            HttpResponse<String> empty = here.post("/workspace/password", Map.of("_csrf", Visitor.csrf(form), "current-password", "",
                    "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem", "href=\"#current-password\">Your current password is not right",
                    "href=\"#password\">The password must have at least 12 characters", "id=\"current-password-error\"", "id=\"password-error\"",
                    "govuk-input--error").doesNotContain("not my password", "too-short\"");
            assertThat(refused.body().indexOf("href=\"#current-password\"")).as("in the form's order")
                    .isLessThan(refused.body().indexOf("href=\"#password\""));
            assertThat(differ.statusCode()).isEqualTo(422);
            assertThat(differ.body()).contains("href=\"#confirmation\">The two passwords differ", "id=\"confirmation-error\"")
                    .doesNotContain("href=\"#current-password\"", NEW_PASSWORD);
            assertThat(empty.body()).contains("href=\"#current-password\">Enter your current password");
            assertThat(elsewhere.get("/workspace").statusCode()).as("no session signed out").isEqualTo(200);
            assertThat(signInAnswer(alex, PASSWORD)).as("the password as it was").endsWith("/workspace");
            assertThat(count("select count(*) from audit_event where action = 'change-password' and actor = ?", alex)).isZero();
        }

        @Test
        void theChangeIsForTheSignedInAndNeedsItsCsrfToken() throws Exception {
            HttpResponse<String> anyone = workspace.visitor().get("/workspace/password");
            assertThat(anyone.statusCode()).isEqualTo(302);
            assertThat(Visitor.location(anyone)).endsWith("/login");
            String alex = anAccount("analyst", "analyst");
            HttpResponse<String> forged = workspace.signedIn(alex).post("/workspace/password", Map.of("current-password", PASSWORD,
                    "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(signInAnswer(alex, PASSWORD)).endsWith("/workspace");
        }
    }

    @Nested
    class ResetByEmail {

        @Test
        void theEmailedLinkSetsANewPasswordSignedOutEndsTheOtherSessionsAndClearsTheHoldOnSigningIn() throws Exception {
            String sam = anAccount("sam", "analyst");
            Visitor samsOtherBrowser = workspace.signedIn(sam);
            for (int i = 0; i < 5; i++) {
                assertThat(signInAnswer(sam, "forgotten password " + i)).endsWith("/login?error");
            }
            assertThat(signInAnswer(sam, PASSWORD)).as("held after five failures").endsWith("/login?throttled");

            String link = sendLink(sam);

            assertThat(count("select count(*) from password_reset where username = ? and token_sha256 = ? and used_at is null", sam,
                    sha256(token(link)))).as("only the token's hash is kept").isEqualTo(1);
            assertThat(count("select count(*) from password_reset where token_sha256 = ?", token(link))).isZero();
            Visitor holder = workspace.visitor();
            HttpResponse<String> page = holder.get(link);
            assertThat(page.statusCode()).as("reached signed out").isEqualTo(200);
            assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Set a new password</h1>", sam, "autocomplete=\"new-password\"")
                    .doesNotContain("Sign out");
            HttpResponse<String> tooShort = holder.post(link, newPassword(Visitor.csrf(page.body()), "short", "short"));
            assertThat(tooShort.statusCode()).isEqualTo(422);
            assertThat(tooShort.body()).contains("There is a problem", "href=\"#password\">The password must have at least 12 characters");
            assertThat(holder.get(link).statusCode()).as("a refused password leaves the link usable").isEqualTo(200);

            HttpResponse<String> set = holder.post(link, newPassword(Visitor.csrf(page.body()), NEW_PASSWORD, NEW_PASSWORD));

            assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
            assertThat(Visitor.location(set)).endsWith("/login?password-set");
            assertThat(holder.follow(set).body()).contains("Your new password is set. Sign in with it.");
            assertThat(Visitor.location(samsOtherBrowser.get("/workspace"))).as("its other session signed out").endsWith("/login");
            assertThat(signInAnswer(sam, NEW_PASSWORD)).as("the hold cleared, the new password works").endsWith("/workspace");
            assertThat(workspace.signedIn(ServedWorkspace.ANALYST).get("/workspace").statusCode()).as("the decoy's password unchanged")
                    .isEqualTo(200);

            HttpResponse<String> again = workspace.visitor().get(link);
            assertThat(again.statusCode()).isEqualTo(410);
            assertThat(again.body()).contains("This link has been used", "Nothing has been changed");
            HttpResponse<String> reused = holder.post(link, newPassword(Visitor.csrf(holder.get("/login").body()), "a third password, never set", "a third password, never set"));
            assertThat(reused.statusCode()).isEqualTo(410);
            assertThat(signInAnswer(sam, "a third password, never set")).endsWith("/login?error");
            assertThat(signInAnswer(sam, NEW_PASSWORD)).endsWith("/workspace");

            assertThat(count("select count(*) from audit_event where action = 'send-password-reset' and actor = ? and subject = ? and after_text like ?",
                    ServedWorkspace.ADMINISTRATOR, sam, "A link to set a new password emailed to " + sam + ", working once until %")).isEqualTo(1);
            assertThat(count("select count(*) from audit_event where action = 'reset-password' and actor = ? and subject = ? and after_text = ?",
                    sam, sam, "Password set by the account holder with the link emailed at the request of " + ServedWorkspace.ADMINISTRATOR
                            + "; 1 other session signed out; any hold on signing in cleared")).isEqualTo(1);
            assertThat(count("select count(*) from audit_event where after_text like ? or after_text like ?", "%" + token(link) + "%",
                    "%" + NEW_PASSWORD + "%")).as("neither the link nor the password audited").isZero();
        }

        @Test
        void aLinkTheMailServerCouldNotTakeIsDroppedAndTheAdministratorToldToTryAgain() throws Exception {
            String kim = anAccount("kim", "council");
            Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
            String list = administrator.get("/workspace/accounts").body();
            workspace.smtp.stop();   // the mail server down
            HttpResponse<String> refused;
            try {
                refused = administrator.post("/workspace/accounts/password-reset", Map.of("_csrf", Visitor.csrf(list), "username", kim));
            } finally {
                workspace.smtp.start();
            }

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(Jsoup.parse(refused.body()).select(".govuk-error-summary").text()).contains("There is a problem",
                    "The email to " + kim + " could not be sent, so no link was sent", "Try again later");
            assertThat(count("select count(*) from password_reset where username = ?", kim)).as("no link kept that no one received").isZero();
            assertThat(count("select count(*) from audit_event where action = 'send-password-reset' and subject = ?", kim)).as("nothing sent to audit")
                    .isZero();

            String link = sendLink(kim);   // the mail server back: the same request works
            assertThat(workspace.visitor().get(link).statusCode()).isEqualTo(200);
        }

        @Test
        void anExpiredAReplacedAndAnUnknownLinkEachGetAClearPageAndChangeNothing() throws Exception {
            String robin = anAccount("robin", "council");
            String expired = sendLink(robin);
            update("update password_reset set expires_at = ? where token_sha256 = ?", java.sql.Timestamp.valueOf("2020-01-01 00:00:00"), sha256(token(expired)));

            Visitor holder = workspace.visitor();
            HttpResponse<String> page = holder.get(expired);
            assertThat(page.statusCode()).isEqualTo(410);
            assertThat(page.body()).contains("This link has expired", "works for 24 hours", "Nothing has been changed",
                    "href=\"/login\"").doesNotContain("name=\"password\"");
            HttpResponse<String> tried = holder.post(expired, newPassword(Visitor.csrf(holder.get("/login").body()), NEW_PASSWORD, NEW_PASSWORD));
            assertThat(tried.statusCode()).isEqualTo(410);
            assertThat(signInAnswer(robin, NEW_PASSWORD)).endsWith("/login?error");
            assertThat(signInAnswer(robin, PASSWORD)).endsWith("/workspace");

            String first = sendLink(robin);
            String latest = sendLink(robin);
            assertThat(holder.get(first).body()).contains("This link has been replaced", "use the link in the latest email");
            assertThat(holder.get(latest).statusCode()).as("the newest still works").isEqualTo(200);

            HttpResponse<String> unknown = holder.get("/workspace/password-reset/" + "A".repeat(43));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("This link is not valid", "copied the whole link");
            assertThat(holder.get("/workspace/password-reset/not-a-token").statusCode()).isEqualTo(404);
            assertThat(holder.post("/workspace/password-reset/" + "A".repeat(43), newPassword(Visitor.csrf(holder.get("/login").body()), NEW_PASSWORD, NEW_PASSWORD))
                    .statusCode()).isEqualTo(404);
            assertThat(count("select count(*) from audit_event where action = 'reset-password' and actor = ?", robin)).isZero();
            assertThat(signInAnswer(robin, PASSWORD)).endsWith("/workspace");
        }

        @Test
        void twoUsesOfOneLinkAtOnceSetThePasswordOnce() throws Exception {
            String lee = anAccount("lee", "analyst");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    String link = sendLink(lee);
                    List<Visitor> holders = List.of(workspace.visitor(), workspace.visitor());
                    List<String> csrfs = new ArrayList<>();
                    for (Visitor holder : holders) {
                        csrfs.add(Visitor.csrf(holder.get(link).body()));
                    }
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> uses = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        int which = i;
                        uses.add(threads.submit(() -> {
                            go.await();
                            String password = "round " + link.substring(link.length() - 6) + " password " + which;
                            return holders.get(which).post(link, newPassword(csrfs.get(which), password, password));
                        }));
                    }
                    go.countDown();
                    List<Integer> statuses = new ArrayList<>();
                    for (Future<HttpResponse<String>> use : uses) {
                        statuses.add(use.get().statusCode());
                    }

                    assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(303, 410);
                    int winner = statuses.indexOf(303);
                    String set = "round " + link.substring(link.length() - 6) + " password " + winner;
                    String lost = "round " + link.substring(link.length() - 6) + " password " + (1 - winner);
                    assertThat(uses.get(1 - winner).get().body()).contains("This link has been used");
                    assertThat(signInAnswer(lee, lost)).endsWith("/login?error");
                    assertThat(signInAnswer(lee, set)).as("the password of the use that won").endsWith("/workspace");
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(count("select count(*) from audit_event where action = 'reset-password' and actor = ?", lee)).isEqualTo(3);
        }

        @Test
        void anAccountWithoutAnEmailAddressIsToldSoAndSentNothing() throws Exception {
            String team = "records-team-" + System.nanoTime();
            try (Connection c = workspace.connection(); PreparedStatement s = c.prepareStatement("insert into account (username, display_name,"
                    + " password_hash, role, organisation_code, enabled, created_at) select ?, 'Records team', password_hash, role, null, true,"
                    + " created_at from account where username = ?")) {
                s.setString(1, team);
                s.setString(2, ServedWorkspace.ANALYST);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            Visitor administrator = workspace.signedIn(ServedWorkspace.ADMINISTRATOR);
            String list = administrator.get("/workspace/accounts").body();
            assertThat(list).containsPattern(Pattern.quote(team) + "</th>(?s:(?!</tr>).)*No email address: no link to set a new password can be sent")
                    .doesNotContain("name=\"username\" value=\"" + team + "\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary"
                            + " govuk-!-margin-bottom-0\">Email a link");
            int received = workspace.smtp.getReceivedMessages().length;

            HttpResponse<String> refused = administrator.post("/workspace/accounts/password-reset", Map.of("_csrf", Visitor.csrf(list), "username", team));

            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("There is a problem", "No link can be sent to " + team + ": it has no email address",
                    "href=\"#account-records-team-");
            assertThat(workspace.smtp.getReceivedMessages()).hasSize(received);
            assertThat(count("select count(*) from password_reset where username = ?", team)).isZero();
            assertThat(count("select count(*) from audit_event where action = 'send-password-reset' and subject = ?", team)).isZero();
            assertThat(administrator.post("/workspace/accounts/password-reset", Map.of("_csrf", Visitor.csrf(list), "username", "nobody@example.org"))
                    .statusCode()).isEqualTo(404);
        }

        @Test
        void onlyAnAdministratorSendsALink() throws Exception {
            String target = anAccount("target", "analyst");
            int received = workspace.smtp.getReceivedMessages().length;
            for (String who : List.of(ServedWorkspace.ANALYST, ServedWorkspace.COUNCIL)) {
                Visitor visitor = workspace.signedIn(who);
                String csrf = Visitor.csrf(visitor.get("/workspace").body());
                HttpResponse<String> refused = visitor.post("/workspace/accounts/password-reset", Map.of("_csrf", csrf, "username", target));
                assertThat(refused.statusCode()).as(who).isEqualTo(403);
                assertThat(visitor.post("/workspace/accounts/password-reset", Map.of("_csrf", csrf, "username", who)).statusCode())
                        .as(who + ", for themselves").isEqualTo(403);
            }
            Visitor signedOut = workspace.visitor();
            HttpResponse<String> anyone = signedOut.post("/workspace/accounts/password-reset", Map.of("_csrf",
                    Visitor.csrf(signedOut.get("/login").body()), "username", target));
            assertThat(anyone.statusCode()).isEqualTo(302);
            assertThat(Visitor.location(anyone)).endsWith("/login");
            assertThat(workspace.smtp.getReceivedMessages()).hasSize(received);
            assertThat(count("select count(*) from password_reset where username in (?, ?, ?)", target, ServedWorkspace.ANALYST,
                    ServedWorkspace.COUNCIL)).isZero();
        }
    }
}
