package org.annualreview.letters;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What a template says about the whole year's letters, between the {@code ---} lines at its top:
 * <pre>
 * letter-date: 17 July                  (in the year the reporting year ends; or a whole date, 2024-07-17)
 * publication-date: 24 July            (optional: sets the year's publication date when an administrator loads it)
 * banner: 50 years 1974 - 2024          (optional: in the letterhead, unless the letter places {{ letter.banner }})
 * signatory: Amerdeep Somal
 * signatory-titles:
 *   - Local Government and Social Care Ombudsman
 *   - Chair, Commission for Local Administration in England
 * late-enquiries-threshold: 25          (optional, percent; default 25)
 * </pre>
 */
public record TemplateSettings(LetterDate letterDate, Optional<LetterDate> publicationDate, int publicationDateLine, Optional<String> banner,
        String signatory, List<String> signatoryTitles, int lateEnquiriesThreshold) {

    static final Set<String> KEYS = Set.of("letter-date", "publication-date", "banner", "signatory", "signatory-titles",
            "late-enquiries-threshold");
    private static final Set<String> REQUIRED = Set.of("letter-date", "signatory");

    /** A whole date, or a day and month in the calendar year the reporting year ends, so one template serves several years. */
    public record LetterDate(Optional<LocalDate> date, Optional<java.time.MonthDay> dayInYearEnded) {
        public LocalDate in(org.annualreview.shared.ReportingYear year) {
            return date.orElseGet(() -> dayInYearEnded.orElseThrow().atYear(year.startYear() + 1));
        }
    }

    /** The settings, and the letter with the settings' lines left blank so that line numbers stay those of the file. */
    record Split(TemplateSettings settings, String body) {
    }

    static Split split(String file, String source) {
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new BadTemplate(file, 1, "a template starts with its settings between two lines of ---"
                    + " (letter-date, publication-date, signatory…): see docs/templates.md");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new BadTemplate(file, 1, "the settings that start on line 1 are never closed by a line of ---");
        }
        StringBuilder yaml = new StringBuilder("\n");   // line 1 is the opening ---: keep YAML's line numbers the file's
        for (int i = 1; i < end; i++) {
            yaml.append(lines[i]).append('\n');
        }
        TemplateSettings settings = parse(file, yaml.toString());
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            body.append(i <= end ? "" : lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new Split(settings, body.toString());
    }

    /**
     * The publication date a stored template's settings give for the year, if they give one (for carrying dates kept
     * in templates before they had a table of their own into it).
     */
    public static Optional<LocalDate> publicationDateIn(String file, String source, org.annualreview.shared.ReportingYear year) {
        return split(file, source).settings().publicationDate().map(d -> d.in(year));
    }

    /**
     * The template with its {@code publication-date:} setting written as the whole date given, and nothing else
     * changed (a comment after the value stays).
     */
    static String withPublicationDate(String source, LocalDate day) {
        String[] lines = source.split("\n", -1);
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile("^publication-date\\s*:[^#\r]*?(\\s+#[^\r]*)?(\r?)$");
        for (int i = 1; i < lines.length && !lines[i].strip().equals("---"); i++) {
            java.util.regex.Matcher m = setting.matcher(lines[i]);
            if (m.matches()) {
                lines[i] = "publication-date: " + day + (m.group(1) == null ? "" : m.group(1)) + m.group(2);
                return String.join("\n", lines);
            }
        }
        throw new IllegalArgumentException("the template's settings have no line 'publication-date:'");
    }

    private static TemplateSettings parse(String file, String yaml) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw new BadTemplate(file, e.getProblemMark().getLine() + 1, "the settings are not readable: " + e.getProblem());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new BadTemplate(file, 2, "the settings must be lines of 'name: value'");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            int line = tuple.getKeyNode().getStartMark().getLine() + 1;
            if (!KEYS.contains(key)) {
                throw new BadTemplate(file, line, "unknown setting '" + key + "': the settings are " + String.join(", ",
                        KEYS.stream().sorted().toList()));
            }
            values.put(key, tuple.getValueNode());
        }
        for (String key : REQUIRED.stream().sorted().toList()) {
            if (!values.containsKey(key)) {
                throw new BadTemplate(file, 1, "the settings have no '" + key + "'");
            }
        }
        Optional<Node> publication = Optional.ofNullable(values.get("publication-date"));
        return new TemplateSettings(date(file, values.get("letter-date")),
                publication.map(n -> date(file, n)), publication.map(n -> n.getStartMark().getLine() + 1).orElse(0),
                Optional.ofNullable(values.get("banner")).map(n -> text(file, n)),
                text(file, values.get("signatory")), lines(file, values.get("signatory-titles")),
                Optional.ofNullable(values.get("late-enquiries-threshold")).map(n -> percent(file, n)).orElse(25));
    }

    private static String text(String file, Node node) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        throw new BadTemplate(file, node.getStartMark().getLine() + 1, "expected a line of text");
    }

    private static final java.time.format.DateTimeFormatter DAY_AND_MONTH = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d MMMM").toFormatter(java.util.Locale.UK);

    private static LetterDate date(String file, Node node) {
        String value = text(file, node);
        try {
            return new LetterDate(Optional.of(LocalDate.parse(value)), Optional.empty());
        } catch (DateTimeParseException e) {
            try {
                return new LetterDate(Optional.empty(), Optional.of(java.time.MonthDay.from(DAY_AND_MONTH.parse(value))));
            } catch (java.time.DateTimeException notDayAndMonth) {
                throw new BadTemplate(file, node.getStartMark().getLine() + 1, "'" + value
                        + "' is not a date: write 17 July (in the year the reporting year ends) or 2024-07-17");
            }
        }
    }

    private static int percent(String file, Node node) {
        String value = text(file, node).replace("%", "").strip();
        try {
            int percent = Integer.parseInt(value);
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadTemplate(file, node.getStartMark().getLine() + 1, "'" + value + "' is not a percentage from 0 to 100");
    }

    private static List<String> lines(String file, Node node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(text(file, node));
        }
        if (node instanceof SequenceNode sequence) {
            List<String> lines = new ArrayList<>();
            sequence.getValue().forEach(n -> lines.add(text(file, n)));
            return List.copyOf(lines);
        }
        throw new BadTemplate(file, node.getStartMark().getLine() + 1, "expected one line, or a list of lines each starting with -");
    }
}
