package org.annualreview.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.annualreview.testing.ServedSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `serve` stopped as an embedding program or a test stops it, by interrupting the thread it serves on: everything the
 * application started stops with it (its web server, job scheduler, sessions' cleaner and connection pool). Before, the interrupt was passed on to Spring's close, which then stopped nothing: every
 * served test site went on polling its dropped database once a second until its JVM ended.
 */
class ServeStopIT {

    @TempDir
    Path directory;

    @Test
    void aServedSiteStoppedClosesItsWebServerJobsAndConnectionPool() throws Exception {
        String database = "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ServedSite site = ServedSite.start(database, Map.of());
        Set<String> started = startedSince(before);
        assertThat(started).as("what serving started").anyMatch(name -> name.startsWith("db-scheduler"))
                .anyMatch(name -> name.startsWith("http-nio-")).anyMatch(name -> name.startsWith("HikariPool"));

        site.close();

        Set<String> left = startedSince(before);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {   // a pool's last thread may take a moment to end
            Thread.sleep(100);
            left = startedSince(before);
        }
        assertThat(left).as("threads the application started, still running after it stopped").isEmpty();
        URI address = URI.create(site.address());
        assertThatThrownBy(() -> new Socket(address.getHost(), address.getPort()).close()).as("the port is closed")
                .isInstanceOf(java.net.ConnectException.class);
    }

    /** The threads of the application's own parts started since (not the JVM's own, such as Java2D's, which stay). */
    private static Set<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive()).map(Thread::getName)
                .filter(name -> APPLICATIONS.stream().anyMatch(name::startsWith)).collect(Collectors.toSet());
    }

    private static final java.util.List<String> APPLICATIONS = java.util.List.of("db-scheduler", "http-nio-", "Catalina-", "HikariPool",
            "spring-session", "container-", "site-under-test");
}
