package org.annualreview.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.Rate;
import org.annualreview.shared.ReportingYear;

/**
 * A year's Complaint Handling Code records as the figures, pages and letters show them (from the working records, or as a
 * release froze them: {@link CodeRecords}): the provisions of the vocabulary, and each council's findings. A provision's
 * count is of the detailed investigations in which the ombudsman found that failure, as the key statistic
 * {@link KeyStatistic#CODE_FAILURES} counts the investigations with any; one case may fail several provisions.
 */
public record CodeFindings(ReportingYear year, List<Provision> provisions, Map<String, Council> councils) {

    public CodeFindings {
        provisions = List.copyOf(provisions);
        councils = Map.copyOf(councils);
    }

    /** A provision of the Code a finding can name: its code, the label the pages show, and what it means. */
    public record Provision(String code, String label, String description) {
    }

    /** One provision failed in a council's year, and in how many of its detailed investigations. */
    public record Failure(Provision provision, long cases) {
    }

    /** A document the ombudsman looked for: found or not, its date and address when recorded. */
    public record Document(boolean found, Optional<LocalDate> on, Optional<String> address) {
    }

    /** What the ombudsman found of a council's year under the Code: self-assessment, annual report, governance response. */
    public record SelfAssessment(Document selfAssessment, Document annualReport, Document governanceResponse) {
    }

    /** A Complaint Handling Code failure notice issued to the council. */
    public record Notice(LocalDate issuedOn, String reason) {
    }

    /**
     * One council's year: the provisions failed (most cases first), what was found of its self-assessment (empty when
     * the ombudsman recorded no search), and the failure notices issued in the year (first first).
     */
    public record Council(List<Failure> failures, Optional<SelfAssessment> selfAssessment, List<Notice> notices) {

        public static final Council NONE = new Council(List.of(), Optional.empty(), List.of());

        public Council {
            failures = List.copyOf(failures);
            notices = List.copyOf(notices);
        }

        /** The cases of one provision (0 when none failed it). */
        public long cases(String provision) {
            return failures.stream().filter(f -> f.provision().code().equals(provision)).mapToLong(Failure::cases).sum();
        }
    }

    /** The council's findings, by GSS code ({@link Council#NONE} when it has no Code records in the year). */
    public Council of(String organisationCode) {
        return councils.getOrDefault(organisationCode, Council.NONE);
    }

    public Optional<Provision> provision(String code) {
        return provisions.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * One provision's share of the detailed investigations of every council of a kind (pooled, as the type averages of the
     * key statistics are): its cases over their investigations, from the year's figures.
     */
    public Rate typeShare(String provision, OrganisationKind kind, YearFigures figures) {
        long cases = 0;
        long investigated = 0;
        for (OrganisationFigures f : figures.organisations()) {
            if (f.kind() == kind) {
                cases += of(f.code()).cases(provision);
                investigated += f.investigated();
            }
        }
        return new Rate(cases, investigated);
    }
}
