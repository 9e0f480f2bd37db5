package org.annualreview.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.annualreview.shared.ReportingYear;

/**
 * The templates we ship (templates/ in the project, also inside the jar), one per style of letter, in our own
 * words: 2019-20 (used up to 2020-21), 2021-22 (to 2022-23), 2023-24 (to 2024-25), 2025-26 (that year) and 2026-27 (from then on, with the Complaint Handling Code).
 */
public final class ShippedTemplates {

    private ShippedTemplates() {
    }

    /** The file name of the style a year's letters take. */
    public static String styleFor(ReportingYear year) {
        int start = year.startYear();
        return start <= 2020 ? "2019-20.md" : start <= 2022 ? "2021-22.md" : start <= 2024 ? "2023-24.md" : start <= 2025 ? "2025-26.md"
                : "2026-27.md";
    }

    public static String source(String fileName) {
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/templates/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped template " + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
