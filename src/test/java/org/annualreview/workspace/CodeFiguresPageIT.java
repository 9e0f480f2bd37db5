package org.annualreview.workspace;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.KNOWSLEY;
import static org.annualreview.testing.ServedWorkspace.LIVERPOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.RecordFiles;
import org.junit.jupiter.api.Test;

/**
 * A council's figures page in the workspace, before anything is published, for a year of the Complaint Handling Code
 * (2026-27): the provisions failed in its detailed investigations, its self-assessment found or not, its notices; the
 * council sees its own, staff any; a year before the Code has no such section.
 */
class CodeFiguresPageIT extends OnEachDatabase {

    void importCodeRecords() throws Exception {
        Path directory = Files.createTempDirectory("code-records");
        List<Path> files = new RecordFiles(directory)
                .decision(aDecision("CODE-K1").about(KNOWSLEY).upheld().decidedOn("2026-05-04"))
                .decision(aDecision("CODE-K2").about(KNOWSLEY).notUpheld().decidedOn("2026-06-04"))
                .row("code-failures", RecordFiles.cells("case_reference", "CODE-K1", "provision", "stage-2-late"))
                .row("code-self-assessments", RecordFiles.cells("organisation_code", KNOWSLEY, "reporting_year", "2026-27",
                        "self_assessment_found", "no", "annual_report_found", "no", "governance_response_found", "no"))
                .row("code-failure-notices", RecordFiles.cells("organisation_code", KNOWSLEY, "issued_date", "2026-09-01",
                        "reason", "No self-assessment published."))
                .write();
        List<String> args = new ArrayList<>(List.of("import"));
        files.stream().sorted((a, b) -> order(a) - order(b)).forEach(f -> args.add(f.toString()));
        assertThat(workspace.cli(args.toArray(String[]::new)).exitCode()).isZero();
    }

    private static int order(Path file) {
        return file.getFileName().toString().startsWith("decisions") ? 0 : 1;
    }

    @Test
    void theCouncilSeesItsCodeFindingsOfTheYearBeforePublicationAndStaffSeeAnyCouncils() throws Exception {
        importCodeRecords();

        String own = org.jsoup.Jsoup.parse(workspace.signedIn(COUNCIL).get("/workspace/organisations/" + KNOWSLEY + "/figures/2026-27").body()).text();
        assertThat(own).contains("Complaint Handling Code", "Provisions failed (1 of 2 detailed investigations had a failure)",
                "Stage 2 answer later than 20 working days 1 case: see which 50% few cases",
                "Self-assessment against the Code Not found", "1 September 2026: No self-assessment published.");
        assertThat(workspace.signedIn(ANALYST).get("/workspace/organisations/" + KNOWSLEY + "/figures/2026-27").body())
                .contains("Stage 2 answer later than 20 working days");
        assertThat(workspace.signedIn(COUNCIL).get("/workspace/organisations/" + LIVERPOOL + "/figures/2026-27").statusCode()).isEqualTo(404);
        assertThat(workspace.signedIn(COUNCIL).get("/workspace/organisations/" + KNOWSLEY + "/figures/2023-24").body())
                .as("the Code is considered from 2026-27").doesNotContain("Complaint Handling Code");   // nor its key statistic
    }
}
