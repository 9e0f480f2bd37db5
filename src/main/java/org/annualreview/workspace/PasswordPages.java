package org.annualreview.workspace;

import java.security.Principal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Passwords;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Passwords in the browser: anyone signed in changes their own ("Change your password", in the header), and anyone
 * holding a link an administrator emailed sets a new one without signing in. Either way the account's other sessions
 * are signed out; the session the change is made from stays.
 */
@RestController
public final class PasswordPages {

    /** The forms' fields in the order they come, for the error summary's order. */
    private static final List<String> FIELDS = List.of("current-password", "password", "confirmation");

    private final Passwords passwords;
    private final WorkspacePages pages = new WorkspacePages();

    public PasswordPages(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/workspace/password")
    public ResponseEntity<String> changeForm(HttpServletRequest request, @RequestParam(name = "done", defaultValue = "") String done) {
        return changePage(request, done.equals("changed"), List.of(), HttpStatus.OK);
    }

    /** Changes the holder's own password; every problem at once, no password ever given back. */
    @PostMapping("/workspace/password")
    public ResponseEntity<String> change(HttpServletRequest request, Principal principal,
            @RequestParam(name = "current-password", defaultValue = "") String current,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "confirmation", defaultValue = "") String confirmation) {
        try {
            passwords.change(new Passwords.Change(principal.getName(), current, password, confirmation, request.getRemoteAddr(), session(request)));
        } catch (Passwords.Refused refused) {
            return changePage(request, false, refused.problems(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return WorkspacePages.seeOther("/workspace/password?done=changed");
    }

    @GetMapping("/workspace/password-reset/{token}")
    public ResponseEntity<String> resetForm(HttpServletRequest request, @PathVariable("token") String token) {
        Passwords.Link link = passwords.link(token);
        if (link.state() != Passwords.LinkState.USABLE) {
            return unusable(request, link.state());
        }
        return resetPage(request, token, link.username().orElseThrow(), List.of());
    }

    /** Sets the new password with the link, once; then the holder signs in with it. */
    @PostMapping("/workspace/password-reset/{token}")
    public ResponseEntity<String> reset(HttpServletRequest request, @PathVariable("token") String token,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "confirmation", defaultValue = "") String confirmation) {
        Passwords.Reset reset;
        try {
            reset = passwords.reset(token, password, confirmation, session(request));
        } catch (Passwords.Refused refused) {
            return resetPage(request, token, passwords.link(token).username().orElse(""), refused.problems());
        }
        if (!reset.set()) {
            return unusable(request, reset.state());
        }
        return WorkspacePages.seeOther("/login?password-set");
    }

    private ResponseEntity<String> changePage(HttpServletRequest request, boolean changed, List<Accounts.Problem> problems, HttpStatus status) {
        Map<String, Object> model = WorkspacePages.base("Change your password", request);
        model.put("changed", changed);
        model.put("shortest", Accounts.SHORTEST_PASSWORD);
        putErrors(model, problems);
        return pages.status(status).page("password-change", model);
    }

    private ResponseEntity<String> resetPage(HttpServletRequest request, String token, String username, List<Accounts.Problem> problems) {
        Map<String, Object> model = WorkspacePages.base("Set a new password", request);
        model.put("token", token);
        model.put("username", username);
        model.put("shortest", Accounts.SHORTEST_PASSWORD);
        model.put("hours", Passwords.LINK_LIFETIME.toHours());
        putErrors(model, problems);
        return pages.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).page("password-reset", model);
    }

    /** A link used, expired, replaced or unknown: said plainly, nothing changed (410 for a link that was good once, 404 else). */
    private ResponseEntity<String> unusable(HttpServletRequest request, Passwords.LinkState state) {
        String title = switch (state) {
            case USED -> "This link has been used";
            case EXPIRED -> "This link has expired";
            case REPLACED -> "This link has been replaced";
            default -> "This link is not valid";
        };
        Map<String, Object> model = WorkspacePages.base(title, request);
        model.put("state", state.name().toLowerCase(java.util.Locale.UK));
        model.put("hours", Passwords.LINK_LIFETIME.toHours());
        return pages.status(state == Passwords.LinkState.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE).page("password-reset-unusable", model);
    }

    private static Optional<String> session(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.of(session.getId());
    }

    private static void putErrors(Map<String, Object> model, List<Accounts.Problem> problems) {
        List<Map<String, String>> errors = problems.stream().sorted(Comparator.comparingInt(p -> FIELDS.indexOf(p.field())))
                .map(p -> Map.of("field", p.field(), "message", sentence(p.message()))).toList();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.get("field"), e.get("message"), (a, b) -> a + ". " + b));
        model.put("errors", errors);
        model.put("fieldErrors", byField);
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(java.util.Locale.UK) + message.substring(1);
    }
}
