package org.annualreview.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.audit.AuditAction;
import org.annualreview.audit.AuditEvent;
import org.annualreview.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The audit log as administrators read it: a page of events at a time, latest first, chosen by action and by who
 * made them, each summed up in a line; and one event whole, with what changed line by line.
 */
@RestController
public final class AuditPages {

    /** Events on one page of the list. */
    static final int PER_PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private final AuditLog audit;
    private final WorkspacePages pages = new WorkspacePages();

    public AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/workspace/audit")
    public ResponseEntity<String> list(HttpServletRequest request, @RequestParam(name = "action", defaultValue = "") String action,
            @RequestParam(name = "actor", defaultValue = "") String actor, @RequestParam(name = "page", defaultValue = "1") String page) {
        Optional<String> chosenAction = Optional.of(action.strip()).filter(a -> !a.isEmpty());
        Optional<String> chosenActor = Optional.of(actor.strip()).filter(a -> !a.isEmpty());
        long events = audit.count(new AuditLog.Query(chosenAction, chosenActor, 0, PER_PAGE));
        org.annualreview.site.Pagination pagination = org.annualreview.site.Pagination.of(org.annualreview.site.Pagination.pageAsked(page),
                events, PER_PAGE, address(action.strip(), actor.strip()));
        int number = pagination.page();
        List<AuditEvent> found = audit.find(new AuditLog.Query(chosenAction, chosenActor, (int) pagination.from(), PER_PAGE));
        Map<String, Object> model = WorkspacePages.base(number > 1 ? "Audit log, page " + number : "Audit log", request);
        model.put("events", found.stream().map(AuditPages::listed).toList());
        model.put("actions", audit.actions().stream().map(AuditAction::of).sorted(java.util.Comparator.comparing(AuditAction::inWords)).toList());
        model.put("actors", audit.actors());
        model.put("action", action.strip());
        model.put("actionInWords", action.isBlank() ? "" : AuditAction.of(action.strip()).inWords());
        model.put("actor", actor.strip());
        model.put("page", number);
        model.put("pagination", pagination.model());
        return pages.page("audit", model);
    }

    @GetMapping("/workspace/audit/{id}")
    public ResponseEntity<String> event(HttpServletRequest request, @PathVariable("id") String id) {
        Optional<AuditEvent> found = id.matches("\\d{1,18}") ? audit.event(Long.parseLong(id)) : Optional.empty();
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        AuditEvent e = found.get();
        Map<String, Object> model = WorkspacePages.base("Audit event " + e.id(), request);
        model.putAll(listed(e));
        model.put("wholeBefore", e.before().orElse(""));
        model.put("wholeAfter", e.after().orElse(""));
        model.put("beforeLines", e.before().map(t -> t.split("\n", -1).length).orElse(0));
        model.put("afterLines", e.after().map(t -> t.split("\n", -1).length).orElse(0));
        boolean both = e.before().isPresent() && e.after().isPresent();
        model.put("compared", both);
        List<Map<String, String>> rows = new ArrayList<>();
        if (both) {
            TextChange.rows(e.before().get(), e.after().get()).forEach(r -> rows.add(Map.of("kind", r.kind().name().toLowerCase(Locale.UK),
                    "before", r.before() == 0 ? "" : String.valueOf(r.before()), "after", r.after() == 0 ? "" : String.valueOf(r.after()),
                    "text", r.text())));
        }
        model.put("rows", rows);
        return pages.page("audit-event", model);
    }

    /** An event as the list shows it: who, when, what, and a line for each of before, after and the change. */
    private static Map<String, Object> listed(AuditEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", e.id());
        row.put("at", WHEN.format(e.happenedAt()));
        row.put("actor", e.actor());
        row.put("action", AuditAction.of(e.action()).inWords());
        row.put("subject", e.subject());
        row.put("before", TextChange.summary(e.before()));
        row.put("after", TextChange.summary(e.after()));
        row.put("change", e.before().isPresent() && e.after().isPresent() && (e.before().get().contains("\n") || e.after().get().contains("\n"))
                ? TextChange.changeSummary(e.before().get(), e.after().get()) : "");
        return row;
    }

    /** The list's address with its choices, without its page. */
    private static String address(String action, String actor) {
        List<String> query = new ArrayList<>();
        if (!action.isEmpty()) {
            query.add("action=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
        }
        if (!actor.isEmpty()) {
            query.add("actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8));
        }
        return "/workspace/audit" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }
}
