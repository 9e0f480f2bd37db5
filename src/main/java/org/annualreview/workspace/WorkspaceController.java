package org.annualreview.workspace;

import java.security.Principal;
import java.util.Map;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.LoginThrottle;
import org.annualreview.accounts.Role;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/** The staff and council workspace: signing in and the start page of each role (the accounts are AccountPages'). */
@RestController
public final class WorkspaceController {

    private final Accounts accounts;
    private final Organisations organisations;
    private final org.annualreview.letters.Letters letters;
    private final org.annualreview.statistics.Statistics statistics;
    private final WorkspacePages pages = new WorkspacePages();

    public WorkspaceController(Accounts accounts, Organisations organisations, org.annualreview.letters.Letters letters,
            org.annualreview.statistics.Statistics statistics) {
        this.statistics = statistics;
        this.accounts = accounts;
        this.organisations = organisations;
        this.letters = letters;
    }

    @GetMapping("/login")
    public ResponseEntity<String> login(HttpServletRequest request) {
        Map<String, Object> model = WorkspacePages.base("Sign in", request);
        model.put("error", request.getParameter("error") != null);
        model.put("throttled", request.getParameter("throttled") != null);
        model.put("signedOut", request.getParameter("signed-out") != null);
        model.put("passwordSet", request.getParameter("password-set") != null);
        model.put("minutes", LoginThrottle.WINDOW.toMinutes());
        return pages.page("login", model);
    }

    @GetMapping("/workspace")
    public ResponseEntity<String> start(HttpServletRequest request, Principal principal) {
        Account account = accounts.find(principal.getName()).orElseThrow();
        Map<String, Object> model = WorkspacePages.base("Workspace", request);
        model.put("name", account.displayName());
        model.put("role", account.role().label());
        model.put("administrator", account.role() == Role.ADMINISTRATOR);
        model.put("staff", account.role() != Role.COUNCIL);
        model.put("years", account.role() == Role.COUNCIL ? java.util.List.of() : yearsToWorkOn());
        model.put("organisation", account.organisationCode().flatMap(organisations::byCode).map(Organisation::name).orElse(""));
        return pages.page("start", model);
    }

    /** The years with decisions or letters, latest first: those whose letters staff may write, review, send and publish. */
    private java.util.List<String> yearsToWorkOn() {
        java.util.SortedSet<org.annualreview.shared.ReportingYear> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        years.addAll(statistics.yearsWithDecisions());
        years.addAll(letters.yearsWithLettersOfAnyOrganisation());
        return years.stream().map(Object::toString).toList();
    }
}
