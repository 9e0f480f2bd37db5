package org.annualreview.imports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The records of each type one at a time, as the workspace shows them: found by words, read by their key, and
 * saved through the same checks and merge as a file of one row, so that a form and an import can never disagree.
 * Values are the text a file would hold (dates as 2024-03-31, yes/no, vocabulary codes).
 */
public final class Records {

    /** How many records a page of a list holds. */
    public static final int PAGE_SIZE = 50;

    /** What a search asks for: words in any text or code column, and optionally one organisation's or case's records. */
    public record Search(String words, Optional<String> organisation, Optional<String> caseReference, int page) {
        public Search {
            words = words == null ? "" : words.strip();
            page = Math.max(1, page);
        }
    }

    /** One page of records, and how many match in all. */
    public record Page(List<Map<String, String>> records, long total, int page) {
        public int pages() {
            return pagesOf(total);
        }
    }

    /** What saving did: refused with the problems, or added, updated or left as it was; the record before and after. */
    public record Saved(Change change, List<Problem> problems, Optional<Map<String, String>> before, Optional<Map<String, String>> after) {
    }

    public enum Change { REFUSED, ADDED, UPDATED, UNCHANGED, DELETED }

    /**
     * Told of each change inside its transaction, on its connection, with the record before and after: what it does
     * there (the audit log's entry) is kept with the change or not at all.
     */
    public interface Changed {
        void record(java.sql.Connection connection, Change change, Optional<Map<String, String>> before, Optional<Map<String, String>> after)
                throws SQLException;
    }

    /** What deleting did: the record as it was, or why it was kept. */
    public record Deleted(Optional<Map<String, String>> before, Optional<String> problem) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Imports imports;
    private final java.util.function.Consumer<Object> events;

    public Records(DataSource dataSource, Imports imports, java.util.function.Consumer<Object> events) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.imports = imports;
        this.events = events;
    }

    /** The fields of a record type's form, in the order of its file's columns. */
    public static List<Field> fields(RecordType type) {
        return type.columns().stream().filter(c -> !c.isDerived()).map(c -> Field.of(type, c)).toList();
    }

    /** The column headings that make a record of this type the one it is. */
    public static List<String> keyHeadings(RecordType type) {
        return type.keys().stream().map(type::headingOf).toList();
    }

    /** Whether records of this type belong to an organisation or a case, and so can be listed by one. */
    public static boolean hasOrganisation(RecordType type) {
        return type.columns().stream().anyMatch(c -> c.target().equals(organisationColumn(type)));
    }

    public static boolean hasCase(RecordType type) {
        return type.columns().stream().anyMatch(c -> c.target().equals("case_reference"));
    }

    private static int pagesOf(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public long count(RecordType type) {
        return jdbc.queryForObject("select count(*) from " + type.table(), Long.class);
    }

    /** The page of the records the search finds (beyond the last page: the last). */
    public Page find(RecordType type, Search search) {
        List<Object> arguments = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (!search.words().isEmpty()) {
            List<Column> searched = type.columns().stream()
                    .filter(c -> !c.isDerived() && (c.type() instanceof CellType.Text || c.type() instanceof CellType.Code)).toList();
            conditions.add("(" + searched.stream().map(c -> "lower(" + c.target() + ") like ?" + org.annualreview.shared.Containing.ESCAPE)
                    .collect(Collectors.joining(" or ")) + ")");
            String pattern = org.annualreview.shared.Containing.pattern(search.words());
            searched.forEach(c -> arguments.add(pattern));
        }
        if (search.organisation().isPresent() && hasOrganisation(type)) {
            conditions.add(organisationColumn(type) + " = ?");
            arguments.add(search.organisation().get());
        }
        if (search.caseReference().isPresent() && hasCase(type)) {
            conditions.add("case_reference = ?");
            arguments.add(search.caseReference().get());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.queryForObject("select count(*) from " + type.table() + where, Long.class, arguments.toArray());
        int page = Math.min(search.page(), pagesOf(total));
        List<Object> paged = new ArrayList<>(arguments);
        paged.add((long) (page - 1) * PAGE_SIZE);
        paged.add(PAGE_SIZE);
        List<Map<String, String>> found = jdbc.query("select " + selected(type) + " from " + type.table() + where + " order by "
                + String.join(", ", type.keys()) + " offset ? rows fetch next ? rows only", (rs, n) -> read(type, rs), paged.toArray());
        return new Page(found, total, page);
    }

    /** The record with these key values (as text, in the order of {@link #keyHeadings}), if there is one. */
    public Optional<Map<String, String>> byKey(RecordType type, List<String> key) {
        return byKey(jdbc, type, key);
    }

    private static Optional<Map<String, String>> byKey(JdbcTemplate jdbc, RecordType type, List<String> key) {
        if (key.size() != type.keys().size()) {
            return Optional.empty();
        }
        Object[] values = new Object[key.size()];
        for (int i = 0; i < key.size(); i++) {
            Column column = type.columns().get(type.indexOf(type.keys().get(i)));
            try {
                values[i] = column.type().parse(key.get(i).strip());
            } catch (CellType.BadCell notAKey) {
                return Optional.empty();
            }
        }
        String where = type.keys().stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
        return jdbc.query("select " + selected(type) + " from " + type.table() + " where " + where, (rs, n) -> read(type, rs), values)
                .stream().findFirst();
    }

    /**
     * Adds a record, or changes the one with the same key: all of its fields are given, as a form holds them.
     * Adding refuses a key already used, changing one that is not there; otherwise every check of an import applies.
     */
    public Saved save(RecordType type, Map<String, String> cells, boolean adding, Changed changed) {
        Map<String, String> given = new LinkedHashMap<>();
        fields(type).forEach(f -> given.put(f.name(), Optional.ofNullable(cells.get(f.name())).map(String::strip).orElse("")));
        List<String> key = keyHeadings(type).stream().map(given::get).toList();
        Optional<Map<String, String>> before = key.stream().anyMatch(String::isEmpty) ? Optional.empty() : byKey(type, key);
        String firstKey = keyHeadings(type).get(0);
        if (adding && before.isPresent()) {
            return refused(new Problem("the form", 2, firstKey, "there is already " + Field.article(singular(type)) + " " + singular(type)
                    + " " + String.join(" / ", key) + ": change that one instead"));
        }
        if (!adding && before.isEmpty()) {
            return refused(new Problem("the form", 2, firstKey, "there is no " + singular(type) + " " + String.join(" / ", key)
                    + " to change (a record's key cannot be changed: add it anew)"));
        }
        java.util.concurrent.atomic.AtomicReference<Optional<Map<String, String>>> after = new java.util.concurrent.atomic.AtomicReference<>();
        ImportReport report = imports.importRecord(type, "the form", given, (connection, merged) -> {
            Optional<Map<String, String>> now = byKey(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true)),
                    type, key);
            after.set(now);
            if (merged.inserted() + merged.updated() > 0) {
                changed.record(connection, merged.inserted() > 0 ? Change.ADDED : Change.UPDATED, before, now);
            }
        });
        if (!report.succeeded()) {
            return new Saved(Change.REFUSED, report.problems(), before, Optional.empty());
        }
        Change change = report.inserted() > 0 ? Change.ADDED : report.updated() > 0 ? Change.UPDATED : Change.UNCHANGED;
        return new Saved(change, List.of(), before, after.get());
    }

    /**
     * Deletes a record that nothing else needs: a decision with recommendations or service improvements, or an
     * organisation with records, letters or accounts, is kept and the problem says what still refers to it.
     */
    public Deleted delete(RecordType type, List<String> key, Changed changed) {
        Optional<Map<String, String>> before = byKey(type, key);
        if (before.isEmpty()) {
            return new Deleted(before, Optional.of("there is no " + singular(type) + " " + String.join(" / ", key)));
        }
        List<String> dependants = dependants(type, before.get());
        if (!dependants.isEmpty()) {
            return new Deleted(before, Optional.of("the " + singular(type) + " still has " + String.join(" and ", dependants)
                    + ": delete those first"));
        }
        Object[] values = type.keys().stream().map(k -> typed(type, k, before.get().get(type.headingOf(k)))).toArray();
        try {
            new org.springframework.transaction.support.TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource))
                    .executeWithoutResult(status -> {
                        jdbc.update("delete from " + type.table() + " where " + type.keys().stream().map(k -> k + " = ?")
                                .collect(Collectors.joining(" and ")), values);
                        java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                        try {
                            changed.record(connection, Change.DELETED, before, Optional.empty());
                            Imports.markFiguresStale(connection);
                        } catch (SQLException e) {
                            throw new org.springframework.jdbc.UncategorizedSQLException("recording the deletion", null, e);
                        } finally {
                            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
                        }
                    });
        } catch (org.springframework.dao.DataIntegrityViolationException stillNeeded) {
            return new Deleted(before, Optional.of("other records still refer to the " + singular(type)
                    + " (such as its letters, accounts or sendings): it is kept"));
        }
        events.accept(new RecordsImported(java.util.EnumSet.of(type)));
        return new Deleted(before, Optional.empty());
    }

    /** "2 recommendations", "1 service improvement": the records of other types that belong to this one. */
    private List<String> dependants(RecordType type, Map<String, String> record) {
        List<String> found = new ArrayList<>();
        String column = type == RecordType.DECISIONS ? "case_reference" : type == RecordType.ORGANISATIONS ? "organisation_code" : null;
        if (column == null) {
            return found;
        }
        String value = record.get(type == RecordType.DECISIONS ? "case_reference" : "code");
        for (RecordType other : RecordType.values()) {
            boolean refers = other != type && other.columns().stream().anyMatch(c -> c.target().equals(column))
                    && !(type == RecordType.DECISIONS && other == RecordType.ENQUIRIES);   // an enquiry is of a case, not of its decision
            if (refers) {
                long n = jdbc.queryForObject("select count(*) from " + other.table() + " where " + column + " = ?", Long.class, value);
                if (n > 0) {
                    String word = singular(other);
                    found.add(n + " " + (n == 1 ? word : word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s"));
                }
            }
        }
        return found;
    }

    private static Object typed(RecordType type, String target, String text) {
        try {
            return type.columns().get(type.indexOf(target)).type().parse(text);
        } catch (CellType.BadCell stored) {
            throw new IllegalStateException("a stored key does not read back: " + text, stored);
        }
    }

    private static Saved refused(Problem problem) {
        return new Saved(Change.REFUSED, List.of(problem), Optional.empty(), Optional.empty());
    }

    /** A record as lines of "heading: value", the empty fields left out: what the audit log keeps before and after. */
    public static String describe(Map<String, String> record) {
        return record.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** "decision", "service improvement": one record of the type, in words. */
    public static String singular(RecordType type) {
        return switch (type) {
            case ORGANISATIONS -> "organisation";
            case POPULATIONS -> "population estimate";
            case CONTACTS -> "contact";
            case DECISIONS -> "decision";
            case RECOMMENDATIONS -> "recommendation";
            case SERVICE_IMPROVEMENTS -> "service improvement";
            case ENQUIRIES -> "enquiry";
            case TRAINING -> "training course";
            case TRAINING_TOTALS -> "year's training total";
            case CODE_PROVISIONS -> "Complaint Handling Code provision";
            case CODE_FAILURES -> "Complaint Handling Code failure";
            case CODE_SELF_ASSESSMENTS -> "Complaint Handling Code self-assessment";
            case CODE_FAILURE_NOTICES -> "Complaint Handling Code failure notice";
        };
    }

    /** "Decisions", "Recommendations and compliance": the records of the type, as a heading. */
    public static String plural(RecordType type) {
        return switch (type) {
            case ORGANISATIONS -> "Organisations";
            case POPULATIONS -> "Populations";
            case CONTACTS -> "Contacts";
            case DECISIONS -> "Decisions";
            case RECOMMENDATIONS -> "Recommendations and compliance";
            case SERVICE_IMPROVEMENTS -> "Service improvements";
            case ENQUIRIES -> "Enquiries";
            case TRAINING -> "Training courses delivered";
            case TRAINING_TOTALS -> "Training totals of the scheme";
            case CODE_PROVISIONS -> "Complaint Handling Code provisions";
            case CODE_FAILURES -> "Complaint Handling Code failures found";
            case CODE_SELF_ASSESSMENTS -> "Complaint Handling Code self-assessments and reports";
            case CODE_FAILURE_NOTICES -> "Complaint Handling Code failure notices";
        };
    }

    private static String organisationColumn(RecordType type) {
        return type == RecordType.ORGANISATIONS ? "code" : "organisation_code";
    }

    private static String selected(RecordType type) {
        return type.columns().stream().filter(c -> !c.isDerived()).map(Column::target).collect(Collectors.joining(", "));
    }

    private static Map<String, String> read(RecordType type, ResultSet rs) throws SQLException {
        Map<String, String> record = new LinkedHashMap<>();
        for (Column column : type.columns()) {
            if (!column.isDerived()) {
                record.put(column.heading(), text(rs.getObject(column.target())));
            }
        }
        return record;
    }

    /** A stored value as a file's cell would hold it. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
