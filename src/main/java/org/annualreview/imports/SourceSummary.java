package org.annualreview.imports;

/** What one file or sheet did: rows read, and how many were new, changed or already there as they are. */
public record SourceSummary(String source, RecordType type, long rows, long inserted, long updated, long unchanged) {
}
