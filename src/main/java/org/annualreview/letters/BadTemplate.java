package org.annualreview.letters;

/** A template that cannot be used: it names a field that does not exist, or its syntax is wrong. */
public final class BadTemplate extends RuntimeException {

    private final String file;
    private final int line;

    BadTemplate(String file, int line, String reason) {
        super(file + ", line " + line + ": " + reason);
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
