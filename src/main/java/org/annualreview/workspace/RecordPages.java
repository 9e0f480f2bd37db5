package org.annualreview.workspace;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.annualreview.accounts.Accounts;
import org.annualreview.audit.AuditLog;
import org.annualreview.imports.Field;
import org.annualreview.imports.RecordType;
import org.annualreview.imports.Records;
import org.annualreview.organisations.Organisations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The records kept for the annual review, one at a time: organisations and their contacts, decisions,
 * recommendations and their compliance, service improvements, enquiries and training. Listed and found by words;
 * added and changed with a form whose every check is the import's (so a form and a file can never disagree), the
 * problems shown in the GOV.UK error summary; every change audited with the record before and after. The register
 * itself (organisations, populations) is changed by administrators only; analysts read it.
 */
@RestController
public final class RecordPages {

    private static final int LISTED_COLUMNS = 6;

    private final Records records;
    private final Organisations organisations;
    private final Accounts accounts;
    private final AuditLog audit;
    private final WorkspacePages pages = new WorkspacePages();

    public RecordPages(Records records, Organisations organisations, Accounts accounts, AuditLog audit) {
        this.records = records;
        this.organisations = organisations;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/workspace/records")
    public ResponseEntity<String> index(HttpServletRequest request) {
        Map<String, Object> model = WorkspacePages.base("Records", request);
        model.put("types", java.util.Arrays.stream(RecordType.values()).map(t -> Map.of("path", t.fileName(), "label", Records.plural(t),
                "count", records.count(t))).toList());
        return pages.page("records", model);
    }

    @GetMapping("/workspace/records/{type}")
    public ResponseEntity<String> list(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @RequestParam(name = "q", defaultValue = "") String words, @RequestParam(name = "organisation", defaultValue = "") String organisation,
            @RequestParam(name = "case", defaultValue = "") String caseReference, @RequestParam(name = "page", defaultValue = "1") String page,
            @RequestParam(name = "deleted", defaultValue = "") String deleted) {
        Optional<RecordType> type = typeNamed(typeName);
        if (type.isEmpty()) {
            return pages.notFound(request);
        }
        RecordType t = type.get();
        Optional<String> code = organisation.isBlank() ? Optional.empty() : Optional.of(organisationCode(organisation.strip()));
        Records.Page found = records.find(t, new Records.Search(words, code, Optional.of(caseReference.strip()).filter(c -> !c.isEmpty()),
                wholeNumber(page)));
        List<Field> fields = Records.fields(t);
        List<Field> listed = listed(t, fields);
        Map<String, Object> model = WorkspacePages.base(Records.plural(t), request);
        model.put("type", t.fileName());
        model.put("singular", Records.singular(t));
        model.put("article", Field.article(Records.singular(t)));
        model.put("canChange", canChange(principal, t));
        model.put("q", words);
        model.put("deleted", deleted);
        model.put("organisation", organisation);
        model.put("case", caseReference);
        model.put("byOrganisation", Records.hasOrganisation(t));
        model.put("byCase", Records.hasCase(t) && t != RecordType.DECISIONS);
        model.put("headings", listed.stream().map(Field::label).toList());
        model.put("rows", found.records().stream().map(r -> Map.of("href", editHref(t, r), "cells",
                listed.stream().map(f -> shown(f, r.get(f.name()))).toList())).toList());
        model.put("total", found.total());
        model.put("page", found.page());
        model.put("pages", found.pages());
        String query = "q=" + encode(words) + "&organisation=" + encode(organisation) + "&case=" + encode(caseReference);
        model.put("pagination", org.annualreview.site.Pagination.of(found.page(), found.total(), Records.PAGE_SIZE,
                "/workspace/records/" + t.fileName() + "?" + query).model());
        model.put("newHref", "/workspace/records/" + t.fileName() + "/new" + (code.isPresent() && Records.hasOrganisation(t) && t != RecordType.ORGANISATIONS
                ? "?organisation_code=" + encode(code.get()) : caseReference.isBlank() ? "" : "?case_reference=" + encode(caseReference.strip())));
        return pages.page("record-list", model);
    }

    /** An empty form; fields named in the address are filled in (a contact of the organisation the page came from). */
    @GetMapping("/workspace/records/{type}/new")
    public ResponseEntity<String> newRecord(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @RequestParam MultiValueMap<String, String> given) {
        Optional<RecordType> type = typeNamed(typeName);
        if (type.isEmpty() || !canChange(principal, type.get())) {
            return type.isEmpty() ? pages.notFound(request) : pages.forbidden(request);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Records.fields(type.get()).forEach(f -> values.put(f.name(), Optional.ofNullable(given.getFirst(f.name())).orElse("")));
        return form(request, principal, type.get(), true, values, Map.of(), List.of(), "", HttpStatus.OK);
    }

    @GetMapping("/workspace/records/{type}/edit")
    public ResponseEntity<String> edit(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @RequestParam(name = "key", required = false) List<String> key, @RequestParam(name = "done", defaultValue = "") String done) {
        Optional<RecordType> type = typeNamed(typeName);
        Optional<Map<String, String>> found = type.flatMap(t -> records.byKey(t, key == null ? List.of() : key));
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        return form(request, principal, type.get(), false, found.get(), Map.of(), List.of(), done, HttpStatus.OK);
    }

    @PostMapping("/workspace/records/{type}/{mode:new|edit}")
    public ResponseEntity<String> save(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @PathVariable("mode") String mode, @RequestParam MultiValueMap<String, String> posted) {
        Optional<RecordType> type = typeNamed(typeName);
        if (type.isEmpty()) {
            return pages.notFound(request);
        }
        RecordType t = type.get();
        boolean adding = mode.equals("new");
        RecordForm form = RecordForm.read(Records.fields(t), posted);
        Map<String, String> cells = new LinkedHashMap<>(form.cells());
        if (cells.containsKey("organisation_code")) {
            cells.put("organisation_code", organisationCode(cells.get("organisation_code")));
        }
        Records.Saved saved = records.save(t, cells, adding, (connection, change, before, after) -> audit.record(connection, principal.getName(),
                adding ? "add-record" : "change-record", subject(t, after.orElseThrow()), before.map(Records::describe), after.map(Records::describe)));
        if (saved.change() == Records.Change.REFUSED) {
            Map<String, String> errors = form.errors(saved.problems());
            List<Map<String, String>> summary = new ArrayList<>();
            errors.forEach((field, message) -> summary.add(Map.of("href", "#" + form.anchorOf(field), "message", message)));
            form.generalErrors(saved.problems()).forEach(message -> summary.add(Map.of("href", "#record-form", "message", message)));
            return form(request, principal, t, adding, form.shown(), errors, summary, "", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Map<String, String> after = saved.after().orElseThrow();
        String done = switch (saved.change()) {
            case ADDED -> "added";
            case UPDATED -> "changed";
            default -> "unchanged";
        };
        return WorkspacePages.seeOther(editHref(t, after) + "&done=" + done);
    }

    /** Asks whether to delete the record, showing what it holds; or says why it cannot be. */
    @GetMapping("/workspace/records/{type}/delete")
    public ResponseEntity<String> confirmDelete(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @RequestParam(name = "key", required = false) List<String> key) {
        Optional<RecordType> type = typeNamed(typeName);
        Optional<Map<String, String>> found = type.flatMap(t -> records.byKey(t, key == null ? List.of() : key));
        if (found.isEmpty()) {
            return pages.notFound(request);
        }
        if (!canChange(principal, type.get())) {
            return pages.forbidden(request);
        }
        return deletePage(request, type.get(), found.get(), "", HttpStatus.OK);
    }

    @PostMapping("/workspace/records/{type}/delete")
    public ResponseEntity<String> delete(HttpServletRequest request, Principal principal, @PathVariable("type") String typeName,
            @RequestParam(name = "key", required = false) List<String> key) {
        Optional<RecordType> type = typeNamed(typeName);
        if (type.isEmpty() || !canChange(principal, type.get())) {
            return type.isEmpty() ? pages.notFound(request) : pages.forbidden(request);
        }
        RecordType t = type.get();
        Records.Deleted deleted = records.delete(t, key == null ? List.of() : key, (connection, change, before, after) -> audit.record(connection,
                principal.getName(), "delete-record", subject(t, before.orElseThrow()), before.map(Records::describe), Optional.empty()));
        if (deleted.before().isEmpty()) {
            return pages.notFound(request);
        }
        if (deleted.problem().isPresent()) {
            return deletePage(request, t, deleted.before().get(), RecordForm.capitalised(deleted.problem().get()), HttpStatus.CONFLICT);
        }
        return WorkspacePages.seeOther("/workspace/records/" + t.fileName() + "?deleted="
                + encode(subject(t, deleted.before().get())));
    }

    private ResponseEntity<String> deletePage(HttpServletRequest request, RecordType type, Map<String, String> record, String problem,
            HttpStatus status) {
        String singular = Records.singular(type);
        Map<String, Object> model = WorkspacePages.base("Delete " + singular + " " + Records.keyHeadings(type).stream().map(record::get)
                .collect(Collectors.joining(" / ")) + "?", request);
        model.put("type", type.fileName());
        model.put("singular", singular);
        model.put("problem", problem);
        model.put("back", editHref(type, record));
        model.put("keys", Records.keyHeadings(type).stream().map(record::get).toList());
        model.put("fields", RecordForm.model(Records.fields(type), record, Map.of(), false));
        return pages.status(status).page("record-delete", model);
    }

    private ResponseEntity<String> form(HttpServletRequest request, Principal principal, RecordType type, boolean adding,
            Map<String, String> values, Map<String, String> errors, List<Map<String, String>> summary, String done, HttpStatus status) {
        String singular = Records.singular(type);
        String title = adding ? "Add " + Field.article(singular) + " " + singular
                : RecordForm.capitalised(singular) + " " + Records.keyHeadings(type).stream().map(values::get).collect(Collectors.joining(" / "));
        Map<String, Object> model = WorkspacePages.base(title, request);
        model.put("type", type.fileName());
        model.put("plural", Records.plural(type));
        model.put("adding", adding);
        model.put("canChange", canChange(principal, type));
        model.put("action", "/workspace/records/" + type.fileName() + (adding ? "/new" : "/edit"));
        model.put("fields", RecordForm.model(Records.fields(type), values, errors, adding));
        model.put("summary", summary);
        model.put("done", done);
        model.put("related", adding ? List.of() : related(type, values));
        model.put("deleteHref", adding ? "" : editHref(type, values).replace("/edit?", "/delete?"));
        model.put("contacts", adding || type != RecordType.ORGANISATIONS ? List.of() : contacts(values.get("code")));
        model.put("newContact", "/workspace/records/contacts/new?organisation_code=" + encode(values.getOrDefault("code", "")));
        return pages.status(status).page("record-form", model);
    }

    /** The organisation's contacts, who its letter goes to: the chief executive, copied to the leader, chair of scrutiny and monitoring officers. */
    private List<Map<String, String>> contacts(String code) {
        Field role = Records.fields(RecordType.CONTACTS).stream().filter(f -> f.name().equals("role")).findFirst().orElseThrow();
        return records.find(RecordType.CONTACTS, new Records.Search("", Optional.of(code), Optional.empty(), 1)).records().stream()
                .map(c -> Map.of("href", editHref(RecordType.CONTACTS, c), "role", shown(role, c.get("role")),
                        "name", String.join(" ", java.util.stream.Stream.of(c.get("title"), c.get("given_name"), c.get("surname"))
                                .filter(n -> !n.isEmpty()).toList()),
                        "jobTitle", c.get("job_title"), "email", c.get("email")))
                .toList();
    }

    /** Links to the records that belong to this one: an organisation's contacts, a decision's recommendations. */
    private List<Map<String, String>> related(RecordType type, Map<String, String> record) {
        List<Map<String, String>> links = new ArrayList<>();
        if (type == RecordType.ORGANISATIONS) {
            String code = record.get("code");
            for (RecordType other : RecordType.values()) {
                if (other != RecordType.ORGANISATIONS && Records.hasOrganisation(other)) {
                    links.add(Map.of("href", "/workspace/records/" + other.fileName() + "?organisation=" + encode(code), "label",
                            Records.plural(other) + " of this organisation"));
                }
            }
        } else if (type == RecordType.DECISIONS) {
            String reference = record.get("case_reference");
            for (RecordType other : List.of(RecordType.RECOMMENDATIONS, RecordType.SERVICE_IMPROVEMENTS, RecordType.ENQUIRIES)) {
                links.add(Map.of("href", "/workspace/records/" + other.fileName() + "?case=" + encode(reference), "label",
                        Records.plural(other) + " of this case"));
            }
        }
        if (type != RecordType.DECISIONS && Records.hasCase(type) && type != RecordType.ENQUIRIES) {
            links.add(Map.of("href", "/workspace/records/decisions/edit?key=" + encode(record.get("case_reference")), "label", "The decision"));
        }
        if (type != RecordType.ORGANISATIONS && record.containsKey("organisation_code")) {
            links.add(Map.of("href", "/workspace/records/organisations/edit?key=" + encode(record.get("organisation_code")), "label", "The organisation"));
        }
        return links;
    }

    private boolean canChange(Principal principal, RecordType type) {
        return accounts.find(principal.getName()).orElseThrow().role().mayChange(type);
    }

    /** A code as given, or the code of the one organisation a name (or a unique part of one) means. */
    private String organisationCode(String given) {
        if (given.isBlank() || organisations.byCode(given.strip()).isPresent()) {
            return given.strip();
        }
        try {
            return organisations.find(given).code();
        } catch (Organisations.UnknownOrganisation unknown) {
            return given.strip();   // the import's own check names it
        }
    }

    private static List<Field> listed(RecordType type, List<Field> fields) {
        List<Field> listed = new ArrayList<>(fields.stream().filter(Field::key).toList());
        fields.stream().filter(f -> !f.key()).limit(Math.max(0, LISTED_COLUMNS - listed.size())).forEach(listed::add);
        return listed;
    }

    /** A value as a person reads it: a vocabulary's label rather than its code. */
    private static String shown(Field field, String value) {
        return field.choices().stream().filter(c -> c.value().equals(value)).map(Field.Choice::label).findFirst().orElse(value);
    }

    private static String editHref(RecordType type, Map<String, String> record) {
        return "/workspace/records/" + type.fileName() + "/edit?" + Records.keyHeadings(type).stream().map(k -> "key=" + encode(record.get(k)))
                .collect(Collectors.joining("&"));
    }

    private static String subject(RecordType type, Map<String, String> record) {
        return Records.singular(type) + " " + Records.keyHeadings(type).stream().map(record::get).collect(Collectors.joining(" / "));
    }

    private static Optional<RecordType> typeNamed(String name) {
        return java.util.Arrays.stream(RecordType.values()).filter(t -> t.fileName().equals(name)).findFirst();
    }


    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
