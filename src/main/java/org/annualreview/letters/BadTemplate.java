package org.annualreview.letters;

/**
 * A template that cannot be used: it names a field that does not exist, uses what a letter may not, its syntax is
 * wrong, or the letter it writes repeats too much; line 0 when the problem is the whole template's.
 */
public final class BadTemplate extends RuntimeException {

    private final String file;
    private final int line;

    BadTemplate(String file, int line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
