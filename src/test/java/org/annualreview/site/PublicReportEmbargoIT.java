package org.annualreview.site;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.annualreview.AnnualReviewApplication;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.ServedSite;
import org.annualreview.testing.TestDatabase;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A public report is public from its own year's publication day, whatever the year of its decision: served for real
 * (`serve`) over 2023-24, published on 24 July 2024, and 2024-25, not published (it has no template yet). K2 was
 * decided in 2023-24 and its report is dated in 2024-25; K1's report, the decoy, is dated in 2023-24 and must show.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class PublicReportEmbargoIT {

    static final String KNOWSLEY = "E08000011";
    static final String SHOWN = "Knowsley: the lost school transport";
    static final String EMBARGOED = "Knowsley: the unanswered housing letters";
    static final String EMBARGOED_DATE = "2024-06-01";

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase postgres;
    ServedSite server;
    Visitor visitor;

    @BeforeEach
    void serveAYearWhoseDecisionHasAReportOfTheNextYear() throws Exception {
        postgres = databaseKind.equals("postgresql") ? TestDatabase.postgres() : null;
        String url = postgres != null ? postgres.url() : "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
        List<String> importing = new ArrayList<>(List.of("import"));
        new RecordFiles(directory)
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation("E08000012", "Liverpool City Council", "Metropolitan Borough")
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2023-05-01").publicReport("2023-08-01", SHOWN))
                .decision(aDecision("K2").about(KNOWSLEY).upheld().decidedOn("2024-03-01").publicReport(EMBARGOED_DATE, EMBARGOED))
                .decision(aDecision("K3").about(KNOWSLEY).notUpheld().decidedOn("2024-05-01"))
                .decision(aDecision("L1").about("E08000012").upheld().decidedOn("2023-07-01"))
                .write().forEach(file -> importing.add(file.toString()));
        run(url, importing.toArray(String[]::new));
        run(url, "templates", "load", "--year", "2023-24", "templates/2023-24.md");   // publication-date: 24 July (2024)
        run(url, "letters", "--year", "2023-24", "--out", directory.resolve("letters").toString());
        run(url, "letters", "approve", "--year", "2023-24", "--by", "Ann Admin");
        run(url, "publish", "--year", "2023-24", "--exception", KNOWSLEY + "=no contact on file", "--exception", "E08000012=no contact on file");
        server = ServedSite.start(url, Map.of());
        visitor = new Visitor(server.address());
    }

    static void run(String databaseUrl, String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--database-url", databaseUrl));
        all.addAll(List.of(args));
        assertThat(AnnualReviewApplication.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(out, true)))
                .as(out.toString()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    String body(String path) throws Exception {
        HttpResponse<String> answer = visitor.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void aReportDatedInAYearNotYetPublishedIsShownNowhereThoughItsDecisionIs() throws Exception {
        assertThat(body("/decisions/K2")).contains("Decision K2", "2024-03-01 (reporting year 2023-24)")
                .doesNotContain(EMBARGOED, EMBARGOED_DATE, "Public report");
        assertThat(body("/decisions/K1")).as("a report of a published year").contains("Public report", SHOWN);

        for (String csv : List.of("/data/decisions-2023-24.csv", "/councils/" + KNOWSLEY + "/decisions.csv")) {
            assertThat(body(csv)).as(csv).contains("K2,E08000011,Knowsley Metropolitan Borough Council,2023-24,2023-12-01,2024-03-01,")
                    .contains(",Upheld,yes,no,,\r\n")
                    .contains("K1,E08000011,", ",2023-08-01," + SHOWN + "\r\n")
                    .doesNotContain(EMBARGOED, EMBARGOED_DATE, "housing");
        }

        assertThat(body("/councils/" + KNOWSLEY + "/decisions?q=housing")).as("not found by words of a report not public yet")
                .contains("0 decisions").doesNotContain("/decisions/K2");
        assertThat(body("/councils/" + KNOWSLEY + "/decisions.csv?q=housing")).doesNotContain("K2");
        assertThat(body("/councils/" + KNOWSLEY + "/decisions?q=school")).contains("1 decision.", "/decisions/K1");
        assertThat(body("/councils/" + KNOWSLEY + "/decisions")).as("the decision itself is listed").contains("/decisions/K2");

        assertThat(body("/councils/" + KNOWSLEY)).contains(SHOWN).doesNotContain(EMBARGOED);
        assertThat(body("/councils/" + KNOWSLEY + "/feed.atom")).contains("Public report: " + SHOWN).doesNotContain(EMBARGOED);
        assertThat(body("/councils/" + KNOWSLEY + "/counted/2023-24/public-reports")).contains("/decisions/K1")
                .doesNotContain("/decisions/K2");
        for (String other : List.of("/", "/feed.atom", "/api/years/2023-24", "/api/years/2023-24/councils/" + KNOWSLEY, "/sitemap.xml")) {
            assertThat(body(other)).as(other).doesNotContain(EMBARGOED, "2024-25");
        }
    }
}
