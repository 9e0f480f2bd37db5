package org.annualreview.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.annualreview.accounts.LoginThrottle;
import org.annualreview.testing.ServedSite;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two `serve` processes' worth of nodes on one PostgreSQL, behind a real nginx sharing requests round robin, as
 * docs/deployment.md has it: a signed-in analyst keeps the session whichever node answers, the sign-in limit holds
 * across nodes, and the network address a limit counts is the proxy's X-Forwarded-For only when the proxy is trusted.
 */
class NodesIT {

    static ServedWorkspace workspace;
    static ServedSite first;
    static ServedSite second;
    static Process nginx;
    static String proxy;

    @BeforeAll
    static void serveTwoNodesBehindNginx() throws Exception {
        workspace = ServedWorkspace.start("postgresql");
        Map<String, String> settings = new HashMap<>(ServedSite.mailTo(workspace.smtp.getSmtp().getPort()));
        settings.put("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        first = ServedSite.start(workspace.databaseUrl, settings);
        second = ServedSite.start(workspace.databaseUrl, settings);
        String binary = System.getenv().getOrDefault("ANNUAL_REVIEW_TEST_NGINX", "/usr/sbin/nginx");
        if (!Files.isExecutable(Path.of(binary))) {
            String reason = "nginx is not installed at " + binary + " (apt-get install nginx-light)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(reason + ": CI must run the two-node test behind nginx (.ci/run installs it)");
            }
            Assumptions.abort(reason);
        }
        Path prefix = Files.createTempDirectory("nginx-it");
        int port = ServedSite.freePort();
        proxy = "http://localhost:" + port;
        Files.writeString(prefix.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    upstream nodes { server 127.0.0.1:%2$d; server 127.0.0.1:%3$d; }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://nodes;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(prefix, port(first), port(second), port));
        nginx = new ProcessBuilder(binary, "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        Visitor probe = new Visitor(proxy);
        for (int i = 0; i < 100; i++) {
            try {
                probe.get("/login");
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nginx did not start: " + Files.readString(prefix.resolve("out.log")));
    }

    static int port(ServedSite site) {
        return URI.create(site.address()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (AutoCloseable each : new AutoCloseable[] {second, first, workspace}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @Test
    void eachNodeTellsTheLoadBalancerItIsReadyAndTellsNobodyMore() throws Exception {
        for (ServedSite node : List.of(first, second)) {
            Visitor balancer = new Visitor(node.address());
            for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> answer = balancer.get(probe);
                assertThat(answer.statusCode()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("postgresql", "jdbc");
            }
            for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump")) {
                assertThat(balancer.get(hidden).statusCode()).as(hidden).isEqualTo(404);
            }
        }
    }

    @Test
    void aSessionBegunOnOneNodeIsKeptOnTheOtherAndEndsOnBoth() throws Exception {
        Visitor analyst = new Visitor(first.address());
        assertThat(Visitor.location(analyst.signIn(ServedWorkspace.ANALYST, ServedWorkspace.PASSWORD))).endsWith("/workspace");
        Visitor onTheOther = analyst.at(second.address());

        HttpResponse<String> there = onTheOther.get("/workspace/imports");
        assertThat(there.statusCode()).as("the session is the database's, not the first node's").isEqualTo(200);

        assertThat(onTheOther.post("/logout", Map.of("_csrf", Visitor.csrf(there.body()))).statusCode()).isEqualTo(302);
        assertThat(analyst.get("/workspace/imports").statusCode()).as("signed out on the first node too").isEqualTo(302);
    }

    @Test
    void throughNginxRoundRobinEveryRequestOfASignedInAnalystIsServed() throws Exception {
        Visitor analyst = new Visitor(proxy);
        assertThat(Visitor.location(analyst.signIn(ServedWorkspace.ANALYST, ServedWorkspace.PASSWORD))).endsWith("/workspace");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(analyst.get("/workspace/imports").statusCode());
        }
        assertThat(statuses).containsOnly(200);
        String page = analyst.get("/workspace/imports").body();
        assertThat(analyst.post("/workspace/registrations/0/refuse", Map.of("_csrf", Visitor.csrf(page))).statusCode())
                .as("a form posted with the token of a page another node made").isEqualTo(404);
    }

    @Test
    void thirtyWrongPasswordsSharedBetweenTheNodesAreCheckedNoMoreThanTheLimit() throws Exception {
        assertThat(workspace.cli("users", "add", "--username", "two.nodes@ombudsman.example", "--name", "Guessed", "--role", "analyst",
                "--password-file", workspace.directory.resolve("password.txt").toString()).exitCode()).isZero();

        List<String> outcomes = WritesByRoleIT.atOnce(30, i -> Visitor.location(new Visitor(i % 2 == 0 ? first.address() : proxy)
                .signIn("two.nodes@ombudsman.example", "wrong " + i)));

        assertThat(outcomes.stream().filter(o -> o.endsWith("/login?error")).count()).as(outcomes.toString()).isEqualTo(LoginThrottle.PER_ACCOUNT);
    }

    @Test
    void aForwardedAddressIsBelievedFromTheTrustedProxyOnly() throws Exception {
        int before = workspace.smtp.getReceivedMessages().length;
        // straight to the workspace's own node, which trusts no proxy: ten addresses claimed, one counted, and the eleventh refused
        for (int i = 0; i < 10; i++) {
            assertThat(register(workspace.address(), "203.0.113." + i, "direct" + i).statusCode()).as("direct " + i).isEqualTo(200);
        }
        assertThat(register(workspace.address(), "203.0.113.99", "direct-eleventh").statusCode()).isEqualTo(429);

        // through nginx to nodes that trust it: nginx replaces what the visitor claims with the address it saw, this test's
        // own 127.0.0.1, which has had its ten
        assertThat(register(proxy, "198.51.100.7", "proxied").statusCode()).as("nginx overwrites what the visitor claimed").isEqualTo(429);

        // a node that trusts 127.0.0.1 as its proxy believes the header it is sent from there
        assertThat(register(first.address(), "198.51.100.8", "trusted").statusCode()).isEqualTo(200);
        workspace.smtp.waitForIncomingEmail(5_000, before + 11);
    }

    private static HttpResponse<String> register(String site, String forwardedFor, String who) throws Exception {
        String body = "council=" + ServedWorkspace.KNOWSLEY + "&name=Morgan+Nodes&email=" + who + "%40knowsley.example&job-title=";
        return new Visitor(site).http.send(HttpRequest.newBuilder(URI.create(site + "/monitoring-officers/register"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
