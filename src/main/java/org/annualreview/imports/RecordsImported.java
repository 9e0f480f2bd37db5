package org.annualreview.imports;

import java.util.Set;

/** Published after an import committed changes, so that figures computed from the old records can be refreshed. */
public record RecordsImported(Set<RecordType> types) {
}
