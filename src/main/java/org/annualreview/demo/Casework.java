package org.annualreview.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;

/**
 * Writes decisions.csv, a year at a time, streaming each decision's recommendations, service
 * improvements, enquiries and Complaint Handling Code failures to their own files as it goes: nothing is held in
 * memory but the register. A decision's {@code complaint_handling_code_finding} says in words what its Code failures
 * are, so it is empty before the ombudsman considered the Code.
 */
final class Casework implements Closeable {

    static final String FILE = "decisions.csv";

    /** The ombudsman took no new complaints from 18 March to 29 June 2020, and decided few. */
    private static final LocalDate PAUSE_FIRST = LocalDate.of(2020, 3, 18);
    private static final LocalDate PAUSE_LAST = LocalDate.of(2020, 6, 29);

    private static final double PUBLIC_REPORT_PER_UPHELD = 1 / 300.0;

    private static final Weights<Outcome> NOT_INVESTIGATED = new Weights<Outcome>()
            .add(Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES, 50)
            .add(Outcome.REFERRED_BACK_FOR_LOCAL_RESOLUTION, 30)
            .add(Outcome.INCOMPLETE_OR_INVALID, 10)
            .add(Outcome.ADVICE_GIVEN, 10);

    private static final Map<OrganisationKind, Weights<ServiceArea>> SERVICE_AREAS = serviceAreas();

    private final CsvFile decisions;
    private final Remedies remedies;
    private final Enquiries enquiries;
    private final CodeFailures codeFailures;
    private final Map<String, Traits> traits;
    private final Chance chance;

    private Casework(CsvFile decisions, Remedies remedies, Enquiries enquiries, CodeFailures codeFailures, Map<String, Traits> traits,
            Chance chance) {
        this.decisions = decisions;
        this.remedies = remedies;
        this.enquiries = enquiries;
        this.codeFailures = codeFailures;
        this.traits = traits;
        this.chance = chance;
    }

    /**
     * Opens the five casework files; {@code asAt} is the day the data is drawn (nothing happens after it). The
     * Complaint Handling Code's failures are drawn from {@code codeChance}, so that they change no other draw.
     */
    static Casework open(Path directory, LocalDate asAt, Map<String, Traits> traits, Chance chance, Chance codeChance)
            throws IOException {
        CsvFile decisions = CsvFile.create(directory, FILE, "case_reference", "organisation_code", "service_area",
                "received_date", "decision_date", "outcome", "detailed_investigation", "satisfactory_remedy",
                "public_report_date", "public_report_title", "complaint_handling_code_finding");
        return new Casework(decisions, Remedies.open(directory, asAt, chance.split()),
                Enquiries.open(directory, traits, chance.split()), CodeFailures.open(directory, traits, codeChance), traits, chance);
    }

    /** Writes {@code total} decisions dated in the year, shared among the organisations that existed in it. */
    void writeYear(ReportingYear year, long total, List<Organisation> existing) {
        YearProfile profile = YearProfile.of(year);
        long[] counts = Volumes.perOrganisation(total, existing, year, traits, chance);
        String prefix = "DEMO-" + twoDigits(year.startYear() % 100) + "-";
        long number = 0;
        for (int i = 0; i < counts.length; i++) {
            Organisation organisation = existing.get(i);
            for (long n = 0; n < counts[i]; n++) {
                Decision decision = decide(caseReference(prefix, ++number), organisation, year, profile);
                remedies.follow(decision);
                enquiries.follow(decision);
            }
        }
    }

    private Decision decide(String caseReference, Organisation organisation, ReportingYear year, YearProfile profile) {
        Traits character = traits.get(organisation.code());
        Outcome outcome;
        if (chance.of(clamp(profile.investigatedShare() + character.investigatedShift(), 0.05, 0.6))) {
            outcome = chance.of(clamp(profile.upheldRate() + character.upheldShift(), 0.05, 0.98)) ? Outcome.UPHELD : Outcome.NOT_UPHELD;
        } else {
            outcome = NOT_INVESTIGATED.draw(chance);
        }
        boolean remedied = outcome == Outcome.UPHELD && chance.of(profile.satisfactoryRemedyRate());
        ServiceArea area = SERVICE_AREAS.get(organisation.kind()).draw(chance);
        LocalDate decided = decisionDate(organisation, year);
        LocalDate received = receivedDate(decided, outcome.endsDetailedInvestigation());
        boolean reported = outcome == Outcome.UPHELD && chance.of(PUBLIC_REPORT_PER_UPHELD);
        List<String> failed = codeFailures.draw(organisation, year, outcome);
        decisions.row(caseReference, organisation.code(), area.label(), CsvFile.date(received), CsvFile.date(decided),
                outcome.label(), CsvFile.yesNo(outcome.endsDetailedInvestigation()), CsvFile.yesNo(remedied),
                reported ? CsvFile.date(decided) : null, reported ? Phrases.reportTitle(area) : null, Phrases.codeFinding(failed));
        codeFailures.write(caseReference, failed);
        return new Decision(caseReference, organisation, area, received, decided, outcome, remedied);
    }

    private LocalDate decisionDate(Organisation organisation, ReportingYear year) {
        LocalDate first = organisation.firstDayIn(year);
        LocalDate last = organisation.lastDayIn(year);
        LocalDate day = chance.dayBetween(first, last);
        while (inPause(day) && chance.of(0.85)) {
            day = chance.dayBetween(first, last);
        }
        return day;
    }

    /** A few weeks before a quick decision, up to about a year before an investigated one. */
    private LocalDate receivedDate(LocalDate decided, boolean investigated) {
        double u = chance.uniform();
        int weeksToYear = investigated ? 60 + (int) (300 * (u + chance.uniform()) / 2) : 14 + (int) (150 * u * u);
        LocalDate received = decided.minusDays(weeksToYear);
        return inPause(received) ? PAUSE_FIRST.minusDays(chance.between(1, 40)) : received;
    }

    private static boolean inPause(LocalDate day) {
        return !day.isBefore(PAUSE_FIRST) && !day.isAfter(PAUSE_LAST);
    }

    long decisions() {
        return decisions.rows();
    }

    Remedies remedies() {
        return remedies;
    }

    Enquiries enquiries() {
        return enquiries;
    }

    CodeFailures codeFailures() {
        return codeFailures;
    }

    @Override
    public void close() throws IOException {
        try (decisions; remedies; enquiries; codeFailures) {
            // closes all four, even if one fails
        }
    }

    private static String caseReference(String prefix, long number) {
        String digits = Long.toString(number);
        return digits.length() >= 6 ? prefix + digits : prefix + "000000".substring(digits.length()) + digits;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** Counties hear about social care, schools and roads; districts about homes, planning and bins. */
    private static Map<OrganisationKind, Weights<ServiceArea>> serviceAreas() {
        Weights<ServiceArea> county = new Weights<ServiceArea>()
                .add(ServiceArea.ADULT_CARE_SERVICES, 35).add(ServiceArea.EDUCATION_AND_CHILDRENS_SERVICES, 40)
                .add(ServiceArea.HIGHWAYS_AND_TRANSPORT, 14).add(ServiceArea.ENVIRONMENTAL_SERVICES, 3)
                .add(ServiceArea.CORPORATE_AND_OTHER_SERVICES, 5).add(ServiceArea.OTHER, 3);
        Weights<ServiceArea> district = new Weights<ServiceArea>()
                .add(ServiceArea.HOUSING, 30).add(ServiceArea.PLANNING_AND_DEVELOPMENT, 25)
                .add(ServiceArea.BENEFITS_AND_TAX, 15).add(ServiceArea.ENVIRONMENTAL_SERVICES, 15)
                .add(ServiceArea.CORPORATE_AND_OTHER_SERVICES, 10).add(ServiceArea.HIGHWAYS_AND_TRANSPORT, 2)
                .add(ServiceArea.OTHER, 3);
        Weights<ServiceArea> allPurpose = new Weights<ServiceArea>()
                .add(ServiceArea.ADULT_CARE_SERVICES, 17).add(ServiceArea.EDUCATION_AND_CHILDRENS_SERVICES, 22)
                .add(ServiceArea.HOUSING, 14).add(ServiceArea.PLANNING_AND_DEVELOPMENT, 10)
                .add(ServiceArea.BENEFITS_AND_TAX, 9).add(ServiceArea.ENVIRONMENTAL_SERVICES, 8)
                .add(ServiceArea.HIGHWAYS_AND_TRANSPORT, 9).add(ServiceArea.CORPORATE_AND_OTHER_SERVICES, 7)
                .add(ServiceArea.OTHER, 4);
        Map<OrganisationKind, Weights<ServiceArea>> areas = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind kind : OrganisationKind.values()) {
            areas.put(kind, new Weights<ServiceArea>().add(ServiceArea.CORPORATE_AND_OTHER_SERVICES, 60).add(ServiceArea.OTHER, 40));
        }
        areas.put(OrganisationKind.COUNTY_COUNCIL, county);
        areas.put(OrganisationKind.DISTRICT_COUNCIL, district);
        areas.put(OrganisationKind.UNITARY_COUNCIL, allPurpose);
        areas.put(OrganisationKind.METROPOLITAN_BOROUGH, allPurpose);
        areas.put(OrganisationKind.LONDON_BOROUGH, allPurpose);
        areas.put(OrganisationKind.CARE_PROVIDER, new Weights<ServiceArea>().add(ServiceArea.ADULT_CARE_SERVICES, 1));
        areas.put(OrganisationKind.NATIONAL_PARK_AUTHORITY, new Weights<ServiceArea>()
                .add(ServiceArea.PLANNING_AND_DEVELOPMENT, 85).add(ServiceArea.CORPORATE_AND_OTHER_SERVICES, 15));
        return areas;
    }
}
