package org.annualreview.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.annualreview.shared.Term;

/**
 * One field of a record's form: the column heading it fills (its name in the form and in a file), the words a
 * person reads, what kind of input it takes, for a vocabulary the choices (code and label), and whether the answer is brief (a code).
 */
public record Field(String name, String label, String hint, Kind kind, boolean required, boolean key, List<Choice> choices, boolean brief) {

    public enum Kind { TEXT, LONG_TEXT, DATE, NUMBER, YES_NO, CHOICE }

    public record Choice(String value, String label) {
    }

    /** Labels where the heading in words would not say enough. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("code", "GSS code"),
            Map.entry("organisation_code", "Organisation (GSS code)"),
            Map.entry("parent_code", "County it sits in (GSS code)"),
            Map.entry("start_date", "Date it began"),
            Map.entry("end_date", "Date it ended"),
            Map.entry("replaced_by", "Replaced by (GSS codes)"),
            Map.entry("mid_year", "Mid-year of the estimate"),
            Map.entry("received_date", "Date the complaint was received"),
            Map.entry("satisfactory_remedy", "Satisfactory remedy provided by the authority"),
            Map.entry("complaint_handling_code_finding", "Complaint Handling Code finding"),
            Map.entry("compliance_date", "Date compliance was recorded"),
            Map.entry("extended_to", "Deadline extended to"),
            Map.entry("answered_date", "Date answered"),
            Map.entry("complete", "Answer complete"),
            Map.entry("delivered_date", "Date delivered"));

    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("organisation_code", "For example, E08000011. A unique part of the name will do."),
            Map.entry("parent_code", "Only for a district council"),
            Map.entry("replaced_by", "Space separated, for an organisation that has ended"),
            Map.entry("mid_year", "The estimate of residents on 30 June of this year, such as 2022"),
            Map.entry("detailed_investigation", "Leave as not given to take it from the outcome: upheld and not upheld decisions end one"),
            Map.entry("satisfactory_remedy", "Only on upheld decisions: the organisation had put things right before the ombudsman investigated"),
            Map.entry("public_report_title", "Only if a public report was issued; give its date too"),
            Map.entry("compliance_date", "Not for a pending recommendation"),
            Map.entry("complete", "Only for an answered enquiry"),
            Map.entry("salutation", "How the letter greets them, such as Dear Ms Smith"));

    static Field of(RecordType type, Column column) {
        boolean key = type.keys().contains(column.target());
        String label = type == RecordType.TRAINING_TOTALS && column.heading().equals("reporting_year") ? "Reporting year, such as 2023-24"
                : LABELS.getOrDefault(column.heading(), words(column.heading()));
        String hint = HINTS.getOrDefault(column.heading(), "");
        CellType cell = column.type();
        if (cell instanceof CellType.Vocabulary<?> vocabulary) {
            List<Choice> choices = Arrays.stream(vocabulary.terms().getEnumConstants()).map(t -> (Term) t)
                    .map(t -> new Choice(t.code(), t.label())).toList();
            return new Field(column.heading(), label, hint, Kind.CHOICE, column.required(), key, choices, false);
        }
        Kind kind = cell instanceof CellType.Date ? Kind.DATE
                : cell instanceof CellType.YesNo ? Kind.YES_NO
                : cell instanceof CellType.WholeNumber ? Kind.NUMBER
                : cell instanceof CellType.Text text && text.maxLength() >= 300 ? Kind.LONG_TEXT
                : Kind.TEXT;
        boolean brief = cell instanceof CellType.Code || cell instanceof CellType.Text text && text.maxLength() <= 30;
        return new Field(column.heading(), label, hint, kind, column.required(), key, List.of(), brief);
    }

    /** "received_date" as "Received date". */
    private static String words(String heading) {
        String spaced = heading.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** "a" or "an", for the word that follows. */
    public static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
