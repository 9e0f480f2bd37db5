package org.annualreview.workspace;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Role;
import org.annualreview.audit.AuditLog;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.Term;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The administrators' accounts pages: everyone who may sign in, an account added (the same checks as
 * `users add`), and an account disabled or enabled again. Each change is audited, never with a password.
 */
@RestController
public final class AccountPages {

    /** The form's fields in the order they come, for the error summary's order. */
    private static final List<String> FIELDS = List.of("username", "name", "role", "organisation", "password", "confirmation");

    private final Accounts accounts;
    private final Organisations organisations;
    private final AuditLog audit;
    private final org.annualreview.accounts.Passwords passwords;
    private final org.annualreview.site.SiteAddress address;
    private final WorkspacePages pages = new WorkspacePages();

    public AccountPages(Accounts accounts, Organisations organisations, AuditLog audit, org.annualreview.accounts.Passwords passwords,
            org.annualreview.site.SiteAddress address) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
        this.passwords = passwords;
        this.address = address;
    }

    @GetMapping("/workspace/accounts")
    public ResponseEntity<String> list(HttpServletRequest request, Principal principal,
            @RequestParam(name = "done", defaultValue = "") String done, @RequestParam(name = "account", defaultValue = "") String account) {
        return listPage(request, principal, done, account, List.of(), HttpStatus.OK);
    }

    @GetMapping("/workspace/accounts/new")
    public ResponseEntity<String> form(HttpServletRequest request) {
        return formPage(request, new Form("", "", "", ""), List.of(), HttpStatus.OK);
    }

    /** Adds the account as `users add` does; every problem is shown at once with the values given, the passwords never. */
    @PostMapping("/workspace/accounts/new")
    public ResponseEntity<String> add(HttpServletRequest request, Principal principal,
            @RequestParam(name = "username", defaultValue = "") String username, @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "role", defaultValue = "") String role,
            @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "confirmation", defaultValue = "") String confirmation) {
        Form form = new Form(username, name, role, organisation);
        Optional<Role> chosen = Term.find(Role.class, role);
        // the organisation list shows for every role without JavaScript: it counts only for a council user
        Optional<String> council = chosen.filter(r -> r == Role.COUNCIL).map(r -> organisation).filter(o -> !o.isBlank());
        Accounts.NewAccount wanted = new Accounts.NewAccount(username, name, chosen, council, password, false);
        List<Accounts.Problem> problems = new ArrayList<>(accounts.problems(wanted));
        Accounts.passwordProblems(password, confirmation).stream().filter(p -> p.field().equals("confirmation")).forEach(problems::add);
        if (!problems.isEmpty()) {
            return formPage(request, form, problems, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Account added;
        try {
            added = audit.inTransaction(() -> {
                Account account = accounts.add(wanted);
                audit.record(principal.getName(), "add-account", account.username(), Optional.empty(), Optional.of(accounts.described(account)));
                return account;
            });
        } catch (Accounts.Refused refused) {   // added meanwhile by someone else
            return formPage(request, form, refused.byField(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return WorkspacePages.seeOther("/workspace/accounts?done=added&account=" + java.net.URLEncoder.encode(added.username(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A disabled account keeps its details but cannot sign in; nobody disables their own. */
    @PostMapping("/workspace/accounts/{change:disable|enable}")
    public ResponseEntity<String> setEnabled(HttpServletRequest request, Principal principal, @PathVariable("change") String change,
            @RequestParam(name = "username", defaultValue = "") String username) {
        boolean enable = change.equals("enable");
        Optional<Account> before = accounts.find(username);
        if (before.isEmpty()) {
            return pages.notFound(request);
        }
        try {
            audit.inTransaction(() -> {
                accounts.setEnabled(username, enable, principal.getName());
                if (before.get().enabled() != enable) {
                    audit.record(principal.getName(), enable ? "enable-account" : "disable-account", before.get().username(),
                            Optional.of(status(before.get().enabled())), Optional.of(status(enable)));
                }
                return enable;
            });
        } catch (Accounts.Refused refused) {
            return listPage(request, principal, "", "", refused.byField(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return WorkspacePages.seeOther("/workspace/accounts?done=" + (enable ? "enabled" : "disabled") + "&account="
                + java.net.URLEncoder.encode(before.get().username(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Emails the account a one-time link to set a new password (audited once sent). An account without an email address,
     * or disabled, is sent nothing and the page says why; so it does when the mail server would not take the message.
     */
    @PostMapping("/workspace/accounts/password-reset")
    public ResponseEntity<String> sendResetLink(HttpServletRequest request, Principal principal,
            @RequestParam(name = "username", defaultValue = "") String username) {
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty()) {
            return pages.notFound(request);
        }
        String user = account.get().username();
        try {
            passwords.sendResetLink(user, principal.getName(), address.absolute("/workspace/password-reset/"));
        } catch (org.annualreview.accounts.Passwords.Refused refused) {
            return listPage(request, principal, "", "", refused.problems().stream().map(p -> new Accounts.Problem(anchor(user), p.message())).toList(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (RuntimeException notSent) {   // the mail server refused it or could not be reached: the link was dropped
            return listPage(request, principal, "", "", List.of(new Accounts.Problem(anchor(user), "the email to " + user + " could not be sent,"
                    + " so no link was sent: " + notSent.getMessage() + ". Try again later")), HttpStatus.SERVICE_UNAVAILABLE);
        }
        return WorkspacePages.seeOther("/workspace/accounts?done=reset-sent&account=" + java.net.URLEncoder.encode(user,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The id of an account's row in the list, for the error summary's link to it. */
    private static String anchor(String username) {
        return "account-" + username.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-");
    }

    /** What a form said, given back as it was (never its passwords). */
    private record Form(String username, String name, String role, String organisation) {
    }

    private ResponseEntity<String> formPage(HttpServletRequest request, Form form, List<Accounts.Problem> problems, HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base("Add an account", request);
        model.put("username", form.username());
        model.put("name", form.name());
        model.put("role", form.role());
        model.put("organisation", form.organisation());
        model.put("roles", java.util.Arrays.stream(Role.values()).map(r -> Map.of("code", r.code(), "label", r.label())).toList());
        model.put("councils", organisations.all().stream().filter(o -> o.kind().hasTypeAverage()).sorted(Comparator.comparing(Organisation::name))
                .map(o -> Map.of("code", o.code(), "name", o.name())).toList());
        model.put("shortest", Accounts.SHORTEST_PASSWORD);
        putErrors(model, problems);
        return pages.status(status).page("account-new", model);
    }

    private ResponseEntity<String> listPage(HttpServletRequest request, Principal principal, String done, String account,
            List<Accounts.Problem> problems, HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base("Accounts", request);
        String self = principal.getName().toLowerCase(Locale.UK);
        model.put("accounts", accounts.all().stream().map(a -> Map.<String, Object>of("username", a.username(), "name", a.displayName(),
                "role", a.role().label(), "organisation", a.organisationCode().flatMap(organisations::byCode).map(Organisation::name).orElse(""),
                "enabled", a.enabled(), "self", a.username().equals(self), "anchor", anchor(a.username()),
                "emailed", org.annualreview.shared.EmailAddress.isValid(a.username()))).toList());
        model.put("hours", org.annualreview.accounts.Passwords.LINK_LIFETIME.toHours());
        model.put("done", done);
        model.put("account", account);
        putErrors(model, problems);
        return pages.status(status).page("accounts", model);
    }

    /** The problems for the error summary and, by field, for the messages beside the fields; each begins with a capital (or an address). */
    private static void putErrors(Map<String, Object> model, List<Accounts.Problem> problems) {
        List<Map<String, String>> errors = problems.stream().sorted(Comparator.comparingInt(p -> FIELDS.indexOf(p.field()))).map(p -> Map.of("field", p.field(), "message", sentence(p.message()))).toList();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.get("field"), e.get("message"), (a, b) -> a + ". " + b));
        model.put("errors", errors);
        model.put("fieldErrors", byField);
    }

    private static String sentence(String message) {
        boolean address = message.split(" ", 2)[0].contains("@");   // an email address stays as it is written
        return message.isEmpty() || address ? message : message.substring(0, 1).toUpperCase(Locale.UK) + message.substring(1);
    }

    private static String status(boolean enabled) {
        return enabled ? "active" : "disabled";
    }

}
