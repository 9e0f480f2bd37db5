package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.annualreview.testing.ServedWorkspace.LIVERPOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.annualreview.testing.OnEachDatabase;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.Test;

/**
 * What the real server answers when there is nothing to show or nothing the visitor may see: GOV.UK pages in the site's
 * layout, or the workspace's under /workspace, JSON under /api; never Spring's Whitelabel page, a stack trace or a bare
 * "Not found".
 */
class ErrorPagesIT extends OnEachDatabase {

    static void aGovUkPage(HttpResponse<String> answer, int status, String heading) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("govuk-header", "<h1 class=\"govuk-heading-l\">" + heading + "</h1>")
                .doesNotContain("Whitelabel", "Exception", "trace");
    }

    @Test
    void anAddressNothingAnswersIsTheSitesPageNotFound() throws Exception {
        Visitor visitor = workspace.visitor();

        for (String path : new String[] {"/no-such-page", "/councils/E08000011/nothing", "/data/nothing.csv"}) {
            HttpResponse<String> answer = visitor.get(path);
            aGovUkPage(answer, 404, "Page not found");
            assertThat(answer.body()).as(path).contains("Your council's performance", "Go to the list of councils");
        }
    }

    @Test
    void theApiAnswersItsErrorsAsJson() throws Exception {
        HttpResponse<String> answer = workspace.visitor().get("/api/nothing");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"status\":404,\"error\":\"Page not found\"}");
    }

    @Test
    void aCouncilUserRefusedAStaffPageOrFindingNothingOfAnotherCouncilGetsTheWorkspacesPages() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);

        HttpResponse<String> forbidden = council.get("/workspace/accounts");
        aGovUkPage(forbidden, 403, "You cannot see this page");
        assertThat(forbidden.body()).contains("Your account cannot use this page", "href=\"/workspace\"");
        aGovUkPage(council.get("/workspace/organisations/" + LIVERPOOL + "/figures/2023-24"), 404, "Page not found");
        aGovUkPage(council.get("/workspace/organisations/" + LIVERPOOL + "/letters/2023-24.html"), 404, "Page not found");
        aGovUkPage(council.get("/workspace/organisations/" + LIVERPOOL + "/case-lists/2023-24.xlsx"), 404, "Page not found");
        aGovUkPage(workspace.signedIn(ANALYST).get("/workspace/no-such-page"), 404, "Page not found");
    }
}
