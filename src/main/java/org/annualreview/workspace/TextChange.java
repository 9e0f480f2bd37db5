package org.annualreview.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * What changed between an audited event's before and after, line by line (java-diff-utils' Myers difference):
 * the lines removed and added with a few unchanged lines of context around them, and the short summaries the
 * audit log's list shows.
 */
final class TextChange {

    /** Unchanged lines shown before and after each change. */
    static final int CONTEXT = 3;
    private static final int SHORTEST_SUMMARY = 100;

    enum Kind { REMOVED, ADDED, UNCHANGED, SKIPPED }

    /** One line of the difference: its number before and after (0 where it has none), and its text; a skipped row counts the lines left out. */
    record Row(Kind kind, int before, int after, String text) {
    }

    /** The two texts' counts of lines added and removed, and the first line that differs after, or before if none was added. */
    record Counts(int added, int removed, Optional<Row> first) {
    }

    private TextChange() {
    }

    /** Every line that differs, with {@link #CONTEXT} unchanged lines about each, and a skipped row for each run left out. */
    static List<Row> rows(String before, String after) {
        return rows(before, after, CONTEXT, "line");
    }

    /**
     * Two texts of paragraphs, one a line with blank lines between (a letter's plain text), paragraph by paragraph:
     * every paragraph that differs, with the unchanged paragraph before and after it, and a skipped row for each run
     * left out. The numbers are the paragraphs', blank lines not counted.
     */
    static List<Row> paragraphRows(String before, String after) {
        return rows(paragraphs(before), paragraphs(after), 1, "paragraph");
    }

    /** The text's paragraphs, one a line, without the blank lines between them. */
    static String paragraphs(String text) {
        return String.join("\n", lines(text).stream().filter(line -> !line.isBlank()).toList());
    }

    private static List<Row> rows(String before, String after, int context, String unit) {
        List<Row> all = allRows(before, after);
        boolean[] shown = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).kind != Kind.UNCHANGED) {
                for (int j = Math.max(0, i - context); j <= Math.min(all.size() - 1, i + context); j++) {
                    shown[j] = true;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < all.size(); i++) {
            if (shown[i]) {
                if (skipped > 0) {
                    rows.add(new Row(Kind.SKIPPED, 0, 0, skipped + " unchanged " + unit + (skipped == 1 ? "" : "s")));
                    skipped = 0;
                }
                rows.add(all.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            rows.add(new Row(Kind.SKIPPED, 0, 0, skipped + " unchanged " + unit + (skipped == 1 ? "" : "s")));
        }
        return rows;
    }

    static Counts counts(String before, String after) {
        List<Row> all = allRows(before, after);
        int added = (int) all.stream().filter(r -> r.kind == Kind.ADDED).count();
        int removed = (int) all.stream().filter(r -> r.kind == Kind.REMOVED).count();
        Optional<Row> first = all.stream().filter(r -> r.kind == Kind.ADDED).findFirst()
                .or(() -> all.stream().filter(r -> r.kind == Kind.REMOVED).findFirst());
        return new Counts(added, removed, first);
    }

    /** A text in a line: its first line, shortened, and how many lines it has if more than one. */
    static String summary(Optional<String> text) {
        if (text.isEmpty()) {
            return "";
        }
        List<String> lines = lines(text.get());
        String first = shortened(lines.isEmpty() ? "" : lines.get(0));
        return lines.size() > 1 ? first + " … (" + lines.size() + " lines)" : first;
    }

    /** What changed, in a line: how many lines were added and removed, and the first changed line. */
    static String changeSummary(String before, String after) {
        Counts counts = counts(before, after);
        if (counts.first().isEmpty()) {
            return "no line changed";
        }
        Row first = counts.first().get();
        return counts.added() + " line" + (counts.added() == 1 ? "" : "s") + " added, " + counts.removed() + " removed; first "
                + (first.kind == Kind.ADDED ? "added, line " + first.after : "removed, line " + first.before) + ": " + shortened(first.text());
    }

    static String shortened(String line) {
        String stripped = line.strip();
        return stripped.length() <= SHORTEST_SUMMARY ? stripped : stripped.substring(0, SHORTEST_SUMMARY) + "…";
    }

    private static List<Row> allRows(String before, String after) {
        List<String> old = lines(before);
        List<String> now = lines(after);
        List<Row> rows = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now, true).getDeltas()) {
            int from = delta.getSource().getPosition();
            int to = delta.getTarget().getPosition();
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.EQUAL) {
                for (int i = 0; i < removed.size(); i++) {
                    rows.add(new Row(Kind.UNCHANGED, from + i + 1, to + i + 1, removed.get(i)));
                }
                continue;
            }
            for (int i = 0; i < removed.size(); i++) {
                rows.add(new Row(Kind.REMOVED, from + i + 1, 0, removed.get(i)));
            }
            for (int i = 0; i < added.size(); i++) {
                rows.add(new Row(Kind.ADDED, 0, to + i + 1, added.get(i)));
            }
        }
        return rows;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
