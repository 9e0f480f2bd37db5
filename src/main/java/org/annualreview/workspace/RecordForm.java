package org.annualreview.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.imports.Field;
import org.annualreview.imports.Problem;
import org.springframework.util.MultiValueMap;

/**
 * A record's form as posted: each field's cell as a file would hold it (a date's day, month and year as 5/10/2023),
 * what the person typed (to show again), and the import's problems turned into the words of the GOV.UK error summary.
 */
record RecordForm(List<Field> fields, Map<String, String> cells, Map<String, String> shown) {

    private static final List<String> DATE_PARTS = List.of("day", "month", "year");

    static RecordForm read(List<Field> fields, MultiValueMap<String, String> posted) {
        Map<String, String> cells = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.kind() == Field.Kind.DATE) {
                List<String> parts = DATE_PARTS.stream().map(p -> value(posted, field.name() + "-" + p)).toList();
                for (int i = 0; i < parts.size(); i++) {
                    shown.put(field.name() + "-" + DATE_PARTS.get(i), parts.get(i));
                }
                // a date with a part missing is given as such, so that the import refuses it and says nothing is saved
                cells.put(field.name(), parts.stream().allMatch(String::isEmpty) ? "" : parts.get(0) + "/" + parts.get(1) + "/" + parts.get(2));
            } else {
                cells.put(field.name(), value(posted, field.name()));
                shown.put(field.name(), value(posted, field.name()));
            }
        }
        return new RecordForm(fields, cells, shown);
    }

    private static String value(MultiValueMap<String, String> posted, String name) {
        return Optional.ofNullable(posted.getFirst(name)).map(String::strip).orElse("");
    }

    /** The message of each field with a problem, in the order of the form; the first problem of a field only. */
    Map<String, String> errors(List<Problem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field field : fields) {
            problems.stream().filter(p -> field.name().equals(p.column())).findFirst()
                    .ifPresent(p -> errors.put(field.name(), message(field, p.reason())));
        }
        return errors;
    }

    /** Problems of the record as a whole, not of one field. */
    List<String> generalErrors(List<Problem> problems) {
        return problems.stream().filter(p -> fields.stream().noneMatch(f -> f.name().equals(p.column()))).map(p -> capitalised(p.reason())).toList();
    }

    /** Where the error summary's link for a field leads: its input, or a date's day. */
    String anchorOf(String name) {
        return fields.stream().filter(f -> f.name().equals(name) && f.kind() == Field.Kind.DATE).findFirst()
                .map(f -> "f-" + name + "-day").orElse("f-" + name);
    }

    /** The words of the error summary for one field: "Enter the decision date", "Decision date must be a real date". */
    private String message(Field field, String reason) {
        String label = field.label();
        if (field.kind() == Field.Kind.DATE) {
            List<String> missing = DATE_PARTS.stream().filter(p -> shown.getOrDefault(field.name() + "-" + p, "").isEmpty()).toList();
            if (!missing.isEmpty() && missing.size() < DATE_PARTS.size()) {
                return label + " must include a " + String.join(" and ", missing);
            }
            if (reason.contains("is not a date") || reason.contains("impossible year")) {
                return label + " must be a real date";
            }
        }
        if (reason.startsWith("is empty")) {
            return (field.kind() == Field.Kind.CHOICE || field.kind() == Field.Kind.YES_NO ? "Select " : "Enter ")
                    + lowerFirst(label);
        }
        if (reason.startsWith("is ") || reason.startsWith("holds ")) {
            return label + " " + reason;
        }
        return capitalised(reason);
    }

    /** What the template needs of each field: its input's value (or a date's parts), choices with the one chosen, its error. */
    static List<Map<String, Object>> model(List<Field> fields, Map<String, String> values, Map<String, String> errors, boolean adding) {
        List<Map<String, Object>> model = new ArrayList<>();
        for (Field field : fields) {
            Map<String, Object> f = new LinkedHashMap<>();
            String value = values.getOrDefault(field.name(), "");
            f.put("name", field.name());
            f.put("id", "f-" + field.name());
            f.put("label", field.label() + (field.required() ? "" : " (optional)"));
            f.put("hint", field.hint());
            f.put("kind", field.kind().name());
            f.put("brief", field.brief());
            f.put("fixed", field.key() && !adding);
            f.put("value", value);
            List<String> parts = datePartsOf(field, value, values);
            f.put("day", parts.get(0));
            f.put("month", parts.get(1));
            f.put("year", parts.get(2));
            List<Map<String, Object>> choices = new ArrayList<>();
            if (field.kind() == Field.Kind.YES_NO) {
                choices.add(Map.of("value", "yes", "label", "Yes", "selected", value.equalsIgnoreCase("yes")));
                choices.add(Map.of("value", "no", "label", "No", "selected", value.equalsIgnoreCase("no")));
                if (!field.required()) {
                    choices.add(Map.of("value", "", "label", "Not given", "selected", value.isEmpty()));
                }
            }
            field.choices().forEach(c -> choices.add(Map.of("value", c.value(), "label", c.label(),
                    "selected", c.value().equalsIgnoreCase(value) || c.label().equalsIgnoreCase(value))));
            f.put("choices", choices);
            f.put("error", errors.getOrDefault(field.name(), ""));
            model.add(f);
        }
        return model;
    }

    /** A stored date (2024-03-31) as day, month and year; or the parts as typed, when the form comes back with a problem. */
    private static List<String> datePartsOf(Field field, String value, Map<String, String> values) {
        if (field.kind() != Field.Kind.DATE) {
            return List.of("", "", "");
        }
        if (values.containsKey(field.name() + "-day")) {
            return DATE_PARTS.stream().map(p -> values.getOrDefault(field.name() + "-" + p, "")).toList();
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return List.of(String.valueOf(Integer.parseInt(value.substring(8))), String.valueOf(Integer.parseInt(value.substring(5, 7))),
                    value.substring(0, 4));
        }
        return List.of("", "", "");
    }

    private static String lowerFirst(String words) {
        boolean acronym = words.length() > 1 && Character.isUpperCase(words.charAt(1));
        return acronym ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
