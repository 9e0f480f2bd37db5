package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.annualreview.testing.ServedSite;
import org.annualreview.testing.SlowRelay;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * A sending job survives the death of the node running it: a real `serve` process starts sending a year's letters
 * through a slow mail relay and is killed (SIGKILL) once the first letter has gone; a node started afterwards takes
 * the job over when its heartbeat has stopped, and finishes it. Every recipient gets the letter exactly once: the letter
 * the dead node had claimed, its message not ended, is known not sent and goes from the node that took over.
 */
class SendingTakeoverIT {

    static final String CONTACTS = """
            organisation_code,role,title,given_name,surname,job_title,salutation,email
            E08000012,chief executive,Ms,Jo,Pool,Chief Executive,Dear Ms Pool,chief.executive@liverpool.sample.invalid
            E06000063,chief executive,Mr,Cam,Berland,Chief Executive,Dear Mr Berland,chief.executive@cumberland.sample.invalid
            """;

    @Test
    void aNodeKilledWhileSendingIsTakenOverAndEveryRecipientGetsTheLetterExactlyOnce() throws Exception {
        // the workspace's own node starts jobs but runs none, so that the process below is the one running it
        try (ServedWorkspace workspace = ServedWorkspace.start("postgresql", Map.of("annual-review.jobs.run", "false"));
                SlowRelay relay = new SlowRelay(workspace.smtp.getSmtp().getPort(), 4_000)) {
            Path contacts = Files.writeString(workspace.directory.resolve("contacts.csv"), CONTACTS);
            assertThat(workspace.cli("import", contacts.toString()).exitCode()).isZero();
            assertThat(workspace.cli("letters", "--year", "2023-24", "--out", workspace.directory.resolve("letters").toString()).exitCode()).isZero();
            assertThat(workspace.cli("letters", "approve", "--year", "2023-24", "--by", "Pat Approver").exitCode()).isZero();

            int port = ServedSite.freePort();
            ProcessBuilder node = org.annualreview.testing.OwnProcess.of(List.of(), List.of("--database-url", workspace.databaseUrl, "serve",
                    "--port", String.valueOf(port))).redirectErrorStream(true).redirectOutput(workspace.directory.resolve("first-node.log").toFile());
            node.environment().putAll(Map.of("ANNUAL_REVIEW_MAIL_HOST", "127.0.0.1", "ANNUAL_REVIEW_MAIL_PORT", String.valueOf(relay.port()),
                    "ANNUAL_REVIEW_MAIL_STARTTLS", "false"));
            Process first = node.start();
            try {
                Visitor analyst = signedInWhenUp("http://localhost:" + port);
                String confirm = analyst.get("/workspace/years/2023-24/send").body();
                assertThat(confirm).contains("Send 3 letters to 7 recipients?");
                HttpResponse<String> started = analyst.post("/workspace/years/2023-24/send", Map.of("_csrf", Visitor.csrf(confirm), "confirmed", "yes"));
                String job = Visitor.location(started).replaceFirst("^https?://[^/]+", "");
                assertThat(job).startsWith("/workspace/jobs/");

                assertThat(workspace.smtp.waitForIncomingEmail(60_000, 1)).as("the first letter, through the slow relay").isTrue();
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                int atTheKill = workspace.smtp.getReceivedMessages().length;

                try (ServedSite second = ServedSite.start(workspace.databaseUrl, ServedSite.mailTo(workspace.smtp.getSmtp().getPort()))) {
                    Visitor staff = workspace.signedIn(ServedWorkspace.ANALYST).at(second.address());
                    String page = "";
                    for (int i = 0; i < 120 && !page.contains("Finished"); i++) {
                        Thread.sleep(500);
                        page = staff.get(job).body();
                    }
                    assertThat(page).as("taken over and finished by the node started after").contains("Finished", "Taken over");
                    assertThat(workspace.smtp.getReceivedMessages().length).isGreaterThan(atTheKill);
                }
            } finally {
                first.destroyForcibly();
            }

            // GreenMail keeps a copy per recipient: each council's letter must be one message, its copies one per recipient
            Map<String, List<String>> messagesBySubject = Arrays.stream(workspace.smtp.getReceivedMessages()).collect(
                    java.util.stream.Collectors.groupingBy(SendingTakeoverIT::subject, java.util.stream.Collectors.mapping(SendingTakeoverIT::messageId,
                            java.util.stream.Collectors.toList())));
            messagesBySubject.forEach((subject, ids) -> assertThat(ids.stream().distinct().count()).as("messages of " + subject).isEqualTo(1));
            List<String> states = new java.util.ArrayList<>();
            try (var connection = workspace.connection(); var query = connection.createStatement();
                    var rows = query.executeQuery("select state from letter_message where reporting_year = '2023-24'"
                            + " and sending = (select max(x.sending) from letter_message x where x.organisation_code = letter_message.organisation_code"
                            + " and x.reporting_year = letter_message.reporting_year)")) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
            // the node can die in the few milliseconds between a message's end and its outcome being recorded: that
            // letter is then unknown (it arrived once), never sent again blindly; every other letter is sent, once
            assertThat(states).as("every letter's latest message").hasSize(3).allMatch(state -> state.equals("sent") || state.equals("unknown"))
                    .filteredOn("unknown"::equals).hasSizeLessThanOrEqualTo(1);
            assertThat(messagesBySubject.keySet()).as("every council's letter arrived")
                    .anyMatch(s -> s.contains("Liverpool")).anyMatch(s -> s.contains("Cumberland")).anyMatch(s -> s.contains("Knowsley"));
            assertThat(messagesBySubject.values().stream().mapToInt(List::size).sum()).as("every recipient exactly once").isEqualTo(7);
            ServedWorkspace.Run report = workspace.cli("send", "--year", "2023-24", "--dry-run");
            assertThat(report.out()).contains("0 would be sent.").doesNotContain("being sent by another run");
        }
    }

    static Visitor signedInWhenUp(String address) throws Exception {
        Visitor visitor = new Visitor(address);
        for (int i = 0; i < 240; i++) {
            try {
                visitor.get("/login");
                assertThat(Visitor.location(visitor.signIn(ServedWorkspace.ANALYST, ServedWorkspace.PASSWORD))).endsWith("/workspace");
                return visitor;
            } catch (java.io.IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the first node did not start");
    }

    private static String subject(jakarta.mail.Message message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(jakarta.mail.Message message) {
        try {
            return message.getHeader("Message-ID")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
