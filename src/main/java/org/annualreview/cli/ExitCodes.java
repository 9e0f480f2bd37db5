package org.annualreview.cli;

/** What the exit code of a command says. */
final class ExitCodes {
    static final int OK = 0;
    /** The input was refused (an import with problems, an unknown organisation): nothing changed. */
    static final int REFUSED = 1;
    /** Bad usage: an unknown option or a missing argument. */
    static final int USAGE = 2;
    /** Something failed that is not the input's fault (the database went away). */
    static final int FAILED = 3;
    /** send: a letter failed, or its fate is unknown (the report lists them); the other letters were tried. */
    static final int NOT_ALL_SENT = 4;

    private ExitCodes() {
    }
}
