package org.annualreview.imports;

/** Where a long import has got to, for a progress bar on a terminal. */
public interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
        @Override
        public void started(String source, long total, String unit) {
        }

        @Override
        public void advanced(long amount) {
        }

        @Override
        public void finished() {
        }
    };

    /** A source begins; {@code total} is its size in {@code unit}s, or -1 when unknown. */
    void started(String source, long total, String unit);

    void advanced(long amount);

    void finished();

    /** The source is read; it is now being checked against the database and merged (no measure of how far). */
    default void checking(String source) {
    }
}
