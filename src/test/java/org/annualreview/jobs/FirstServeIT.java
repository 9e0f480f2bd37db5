package org.annualreview.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.annualreview.testing.CommandProcess;
import org.annualreview.testing.ServedSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first `serve` on a new database: its tables are made before anything reads them, so nothing is logged as an error. */
class FirstServeIT {

    @TempDir
    Path directory;

    @Test
    void servingANewDatabaseMakesItsTablesBeforeTheJobSchedulerReadsThem() throws Exception {
        String database = "jdbc:h2:file:" + directory.resolve("new/annual-review").toAbsolutePath();
        try (CommandProcess serving = CommandProcess.start(database, Map.of(), List.of("serve", "--port",
                String.valueOf(ServedSite.freePort())))) {
            serving.killAt("Serving Your council's performance at", 1);
            String log = serving.output();

            assertThat(log).contains("Serving Your council's performance at")
                    .doesNotContain("SCHEDULED_TASKS", "Unhandled exception", " ERROR ");
        }
    }
}
