package org.annualreview.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.annualreview.shared.ReportingYear;

/**
 * Writes a synthetic demo dataset: every English council since 2019 with made-up contacts, and
 * complaints, enquiries, remedies and training at the ombudsman's published national volumes and rates, and, from
 * 2026-27, what the ombudsman found under its Complaint Handling Code (failures in cases, self-assessments, failure
 * notices), as CSV files the importer reads (UTF-8, heading row, ISO dates). Everything follows from the seed:
 * the same options always give byte-identical files. Rows are streamed to disk, so a million decisions
 * need no more memory than a thousand.
 *
 * <p>Nothing in it is real casework: case references start {@code DEMO-}, e-mail addresses end
 * {@code .demo.invalid}, other bodies and texts say "(synthetic)" or "(demo)". Only the councils' names,
 * codes, dates, populations and positions are real.
 *
 * <p>Council names and codes: mySociety, uk_local_authority_names_and_codes, CC BY 4.0
 */
public final class DemoDataset {

    /** The files written, in the order they must be imported. */
    public static final List<String> FILE_NAMES = List.of(Register.ORGANISATIONS, Register.POPULATIONS, Contacts.FILE,
            Casework.FILE, Remedies.RECOMMENDATIONS, Remedies.SERVICE_IMPROVEMENTS, CodeFailures.FILE, Enquiries.FILE,
            Training.COURSES, Training.TOTALS, CodeRecords.SELF_ASSESSMENTS, CodeRecords.FAILURE_NOTICES);

    /**
     * What to generate: the seed, the reporting years (first to last, both included), and, when
     * {@code decisionsOverride} is above 0, exactly that many decisions in all (for benchmarks), shared among
     * the years as the real volumes are; 0 means the real volumes.
     */
    public record Options(long seed, ReportingYear firstYear, ReportingYear lastYear, long decisionsOverride) {

        public static final long DEFAULT_SEED = 2024;

        public Options {
            if (firstYear == null || lastYear == null || firstYear.compareTo(lastYear) > 0) {
                throw new IllegalArgumentException("the first year must not be after the last: " + firstYear + " to " + lastYear);
            }
            if (decisionsOverride < 0) {
                throw new IllegalArgumentException("the number of decisions cannot be negative: " + decisionsOverride);
            }
        }

        /** Seed 2024, 2019-20 to 2026-27 (the first year of the Complaint Handling Code), realistic volumes. */
        public static Options defaults() {
            return new Options(DEFAULT_SEED, new ReportingYear(2019), new ReportingYear(2026), 0);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, firstYear, lastYear, decisionsOverride);
        }

        public Options withDecisions(long decisions) {
            return new Options(seed, firstYear, lastYear, decisions);
        }

        public Options withYears(ReportingYear first, ReportingYear last) {
            return new Options(seed, first, last, decisionsOverride);
        }

        /** The reporting years, first to last. */
        public List<ReportingYear> years() {
            List<ReportingYear> years = new ArrayList<>();
            for (ReportingYear y = firstYear; y.compareTo(lastYear) <= 0; y = y.next()) {
                years.add(y);
            }
            return years;
        }
    }

    /** How many data rows (not counting the heading) each file got. */
    public record Summary(long organisations, long populations, long contacts, long decisions, long recommendations,
            long serviceImprovements, long enquiries, long training, long trainingTotals, long codeFailures,
            long codeSelfAssessments, long codeFailureNotices) {

        public long totalRows() {
            return organisations + populations + contacts + decisions + recommendations + serviceImprovements + enquiries
                    + training + trainingTotals + codeFailures + codeSelfAssessments + codeFailureNotices;
        }
    }

    /** Writes the files into {@code directory} (created if missing; files of the same names are replaced). */
    public Summary write(Path directory, Options options) throws IOException {
        Files.createDirectories(directory);
        List<Organisation> register = new ArrayList<>(ReferenceCouncils.load());
        register.addAll(SyntheticBodies.all());
        List<ReportingYear> years = options.years();
        ReportingYear lastYear = options.lastYear();

        Chance root = new Chance(options.seed());
        Chance populationChance = root.split();
        Chance contactChance = root.split();
        Chance traitChance = root.split();
        Chance caseworkChance = root.split();
        Chance trainingChance = root.split();
        // split after the others, so that the Complaint Handling Code changed none of their draws
        Chance codeFailureChance = root.split();
        Chance codeRecordChance = root.split();

        long organisations = Register.writeOrganisations(directory, register);
        long populations = Register.writePopulations(directory, register, options.firstYear(), lastYear, populationChance);
        long contacts = Contacts.write(directory, register, contactChance);

        Map<String, Traits> traits = Traits.of(register, lastYear, traitChance);
        long[] perYear = Volumes.perYear(years, options.decisionsOverride());
        long decisions;
        long recommendations;
        long improvements;
        long enquiries;
        long codeFailures;
        try (Casework casework = Casework.open(directory, lastYear.lastDay(), traits, caseworkChance, codeFailureChance)) {
            for (int i = 0; i < years.size(); i++) {
                ReportingYear year = years.get(i);
                casework.writeYear(year, perYear[i], register.stream().filter(o -> o.existsIn(year)).toList());
            }
            decisions = casework.decisions();
            recommendations = casework.remedies().recommendations();
            improvements = casework.remedies().serviceImprovements();
            enquiries = casework.enquiries().rows();
            codeFailures = casework.codeFailures().rows();
        }
        long training = Training.writeCourses(directory, register, years, trainingChance);
        long trainingTotals = Training.writeTotals(directory, years);
        CodeRecords.Counts code = CodeRecords.write(directory, register, years, traits, codeRecordChance);
        return new Summary(organisations, populations, contacts, decisions, recommendations, improvements, enquiries,
                training, trainingTotals, codeFailures, code.selfAssessments(), code.failureNotices());
    }
}
