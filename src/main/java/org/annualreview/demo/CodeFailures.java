package org.annualreview.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.annualreview.decisions.Outcome;
import org.annualreview.shared.ReportingYear;

/**
 * Writes code-failures.csv as the decisions are made: for a detailed investigation (upheld or not) decided once the
 * ombudsman considers its Complaint Handling Code ({@link #FIRST_YEAR}, never before), the provisions of the Code it
 * found the council had failed, one row each. How often depends on the council ({@link Traits#codeFailures()}: some
 * many, some none), a little more often where the complaint was upheld; most failing cases fail one provision, late
 * stage 1 answers most often. The provisions are the five the database comes with (migration V24).
 */
final class CodeFailures implements Closeable {

    static final String FILE = "code-failures.csv";

    /** The first year the ombudsman considers the Code in its casework (from April 2026). */
    static final ReportingYear FIRST_YEAR = ReportingYear.parse("2026-27");

    static final String ACKNOWLEDGEMENT_LATE = "acknowledgement-late";
    static final String STAGE_1_LATE = "stage-1-late";
    static final String STAGE_2_LATE = "stage-2-late";
    static final String STAGE_2_NOT_OFFERED = "stage-2-not-offered";
    static final String NOT_SIGNPOSTED = "not-signposted";

    /** The provisions in the order a case's failures are written. */
    static final List<String> PROVISIONS = List.of(ACKNOWLEDGEMENT_LATE, STAGE_1_LATE, STAGE_2_LATE, STAGE_2_NOT_OFFERED,
            NOT_SIGNPOSTED);

    private static final Weights<String> FAILED = new Weights<String>()
            .add(STAGE_1_LATE, 38)
            .add(ACKNOWLEDGEMENT_LATE, 22)
            .add(STAGE_2_LATE, 18)
            .add(NOT_SIGNPOSTED, 14)
            .add(STAGE_2_NOT_OFFERED, 8);

    /** Fault found in the complaint goes with poorer complaint handling more often than none found. */
    private static final double WHEN_UPHELD = 1.15;
    private static final double WHEN_NOT_UPHELD = 0.6;

    private final CsvFile file;
    private final Map<String, Traits> traits;
    private final Chance chance;

    private CodeFailures(CsvFile file, Map<String, Traits> traits, Chance chance) {
        this.file = file;
        this.traits = traits;
        this.chance = chance;
    }

    static CodeFailures open(Path directory, Map<String, Traits> traits, Chance chance) throws IOException {
        return new CodeFailures(CsvFile.create(directory, FILE, "case_reference", "provision"), traits, chance);
    }

    static boolean considered(ReportingYear year) {
        return year.compareTo(FIRST_YEAR) >= 0;
    }

    /**
     * The provisions found failed in a decision about {@code organisation} in {@code year}, in {@link #PROVISIONS}
     * order: none unless it ended a detailed investigation in a year the Code is considered (drawing nothing then).
     */
    List<String> draw(Organisation organisation, ReportingYear year, Outcome outcome) {
        if (!considered(year) || !outcome.endsDetailedInvestigation()) {
            return List.of();
        }
        double share = traits.get(organisation.code()).codeFailures() * (outcome == Outcome.UPHELD ? WHEN_UPHELD : WHEN_NOT_UPHELD);
        if (!chance.of(share)) {
            return List.of();
        }
        int count = chance.of(0.65) ? 1 : chance.of(0.7) ? 2 : 3;
        List<String> failed = new ArrayList<>();
        while (failed.size() < count) {
            String provision = FAILED.draw(chance);
            if (!failed.contains(provision)) {
                failed.add(provision);
            }
        }
        return PROVISIONS.stream().filter(failed::contains).toList();
    }

    void write(String caseReference, List<String> provisions) {
        for (String provision : provisions) {
            file.row(caseReference, provision);
        }
    }

    long rows() {
        return file.rows();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
