package org.annualreview.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {

    @TempDir
    static Path shared;

    private static DemoDataset.Summary summary;
    private static Map<ReportingYear, YearTally> tallies;

    @BeforeAll
    static void generateOnce() throws IOException {
        long started = System.nanoTime();
        summary = new DemoDataset().write(shared, DemoDataset.Options.defaults());
        System.out.printf("Realistic volumes: %,d decisions, %,d rows in all, written in %d ms%n", summary.decisions(),
                summary.totalRows(), (System.nanoTime() - started) / 1_000_000);
        tallies = tally(shared);
        printTable();
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentOnes(@TempDir Path again, @TempDir Path other) throws IOException {
        new DemoDataset().write(again, DemoDataset.Options.defaults());
        new DemoDataset().write(other, DemoDataset.Options.defaults().withSeed(7));

        for (String name : DemoDataset.FILE_NAMES) {
            assertThat(Files.mismatch(shared.resolve(name), again.resolve(name))).as(name).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(shared.resolve("decisions.csv"), other.resolve("decisions.csv"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(shared.resolve("contacts.csv"), other.resolve("contacts.csv"))).isNotEqualTo(-1L);
        for (String code : List.of("code-failures.csv", "code-self-assessments.csv", "code-failure-notices.csv")) {
            assertThat(Files.mismatch(shared.resolve(code), other.resolve(code))).as(code).isNotEqualTo(-1L);
        }
    }

    @Test
    void writesEveryFileWithTheRowsItCounted() {
        assertThat(DemoDataset.FILE_NAMES).allSatisfy(name -> assertThat(shared.resolve(name)).isRegularFile());
        assertThat(count(shared.resolve("organisations.csv"))).isEqualTo(summary.organisations()).isEqualTo(365 + 5);
        assertThat(count(shared.resolve("decisions.csv"))).isEqualTo(summary.decisions());
        assertThat(count(shared.resolve("recommendations.csv"))).isEqualTo(summary.recommendations());
        assertThat(count(shared.resolve("enquiries.csv"))).isEqualTo(summary.enquiries());
        assertThat(summary.trainingTotals()).as("2018-19, which the 2019-20 letters compare with, to 2026-27").isEqualTo(9);
        assertThat(summary.training()).isBetween(8L * 118, 8L * 130);
        assertThat(count(shared.resolve("code-failures.csv"))).isEqualTo(summary.codeFailures()).isPositive();
        assertThat(count(shared.resolve("code-self-assessments.csv"))).isEqualTo(summary.codeSelfAssessments())
                .as("every council of 2026-27").isEqualTo(317);
        assertThat(count(shared.resolve("code-failure-notices.csv"))).isEqualTo(summary.codeFailureNotices()).isBetween(3L, 6L);
    }

    @Test
    void filesAreImportedAfterTheRecordsTheyName() {
        assertThat(DemoDataset.FILE_NAMES).containsSubsequence("organisations.csv", "decisions.csv", "code-failures.csv")
                .containsSubsequence("organisations.csv", "code-self-assessments.csv")
                .containsSubsequence("organisations.csv", "code-failure-notices.csv");
    }

    @Test
    void councilsEndOnTheirLastDayAnd317ExistedThroughout2023to24() {
        ReportingYear year = ReportingYear.parse("2023-24");
        int councils = 0;
        for (NamedCsvRecord o : read(shared.resolve("organisations.csv"))) {
            LocalDate started = date(o.getField("start_date"));
            LocalDate ended = date(o.getField("end_date"));
            if (ended != null) {
                assertThat(ended).as(o.getField("name")).matches(d -> d.getMonthValue() == 3 && d.getDayOfMonth() == 31);
            }
            boolean council = Term.find(OrganisationKind.class, o.getField("kind")).orElseThrow().hasTypeAverage();
            if (council && (started == null || !started.isAfter(year.lastDay())) && (ended == null || !ended.isBefore(year.firstDay()))) {
                councils++;
            }
        }
        assertThat(councils).isEqualTo(317);
    }

    @Test
    void everyCouncilHasItsContactsAtAnInvalidDomain() {
        Map<String, Set<String>> roles = new HashMap<>();
        for (NamedCsvRecord c : read(shared.resolve("contacts.csv"))) {
            assertThat(c.getField("email")).endsWith(".demo.invalid");
            assertThat(c.getField("salutation")).isEqualTo("Dear " + c.getField("title") + " " + c.getField("surname"));
            roles.computeIfAbsent(c.getField("organisation_code"), k -> new HashSet<>()).add(c.getField("role"));
        }
        assertThat(roles.get("E06000001")).containsExactlyInAnyOrder("Chief executive", "Leader", "Chair of scrutiny", "Monitoring officer");
        assertThat(roles).hasSize(365 + 5);
    }

    @Test
    void nationalVolumesAndRatesFollowThePublishedOnes() {
        tallies.forEach((year, t) -> {
            if (year.startYear() == 2020) {
                assertThat(t.decisions).as(year + " decisions").isBetween(11_000L, 12_500L);
            } else {
                assertThat(t.decisions).as(year + " decisions").isBetween(16_000L, 19_000L);
            }
            assertThat(t.investigated).as(year + " investigated").isBetween(3_000L, 4_000L);
            assertThat(t.percent(t.remedied, t.upheld)).as(year + " satisfactory remedy %").isBetween(10.0, 15.0);
            if (t.recorded() > 0) {
                assertThat(t.percent(t.complied + t.compliedLate, t.recorded())).as(year + " compliance %").isBetween(99.0, 100.0);
                assertThat(t.percent(t.compliedLate, t.complied + t.compliedLate)).as(year + " late %").isBetween(14.0, 22.0);
            }
        });
        assertThat(tallies.get(ReportingYear.parse("2019-20")).upheldPercent()).isBetween(51.0, 59.0);
        assertThat(tallies.get(ReportingYear.parse("2023-24")).upheldPercent()).isBetween(76.0, 84.0);
        assertThat(tallies.get(ReportingYear.parse("2024-25")).upheldPercent()).isBetween(79.0, 87.0);
        assertThat(tallies.get(ReportingYear.parse("2026-27")).upheldPercent()).isBetween(79.0, 87.0);
        assertThat(tallies.get(ReportingYear.parse("2022-23")).upheldPercent())
                .isGreaterThan(tallies.get(ReportingYear.parse("2020-21")).upheldPercent());
    }

    @Test
    void noComplaintWasReceivedWhileTheOmbudsmanTookNone() {
        forEach(shared.resolve("decisions.csv"), d -> assertThat(date(d.getField("received_date")))
                .as(d.getField("case_reference"))
                .matches(day -> day.isBefore(LocalDate.of(2020, 3, 18)) || day.isAfter(LocalDate.of(2020, 6, 29))));
    }

    @Test
    void everyDecisionIsDatedWhileItsOrganisationExisted() {
        Map<String, LocalDate[]> existence = new HashMap<>();
        for (NamedCsvRecord o : read(shared.resolve("organisations.csv"))) {
            existence.put(o.getField("code"), new LocalDate[] {date(o.getField("start_date")), date(o.getField("end_date"))});
        }
        forEach(shared.resolve("decisions.csv"), d -> {
            LocalDate[] life = existence.get(d.getField("organisation_code"));
            LocalDate decided = date(d.getField("decision_date"));
            assertThat(life).as(d.getField("case_reference")).isNotNull();
            assertThat(life[0] == null || !decided.isBefore(life[0])).as(d.getField("case_reference")).isTrue();
            assertThat(life[1] == null || !decided.isAfter(life[1])).as(d.getField("case_reference")).isTrue();
            assertThat(date(d.getField("received_date"))).isBefore(decided);
        });
    }

    @Test
    void satisfactoryRemedyAndPublicReportsOnlyOnUpheldDecisions() {
        forEach(shared.resolve("decisions.csv"), d -> {
            boolean upheld = d.getField("outcome").equals("Upheld");
            if (d.getField("satisfactory_remedy").equals("yes") || !d.getField("public_report_date").isEmpty()) {
                assertThat(upheld).as(d.getField("case_reference")).isTrue();
            }
            if (!d.getField("complaint_handling_code_finding").isEmpty()) {
                assertThat(date(d.getField("decision_date"))).isAfterOrEqualTo(LocalDate.of(2026, 4, 1));
                assertThat(d.getField("detailed_investigation")).isEqualTo("yes");
            }
            assertThat(d.getField("case_reference")).matches("DEMO-\\d{2}-\\d{6}");
        });
    }

    @Test
    void enquiriesAreSentDuringTheInvestigation() {
        Map<String, LocalDate[]> investigations = new HashMap<>();
        forEach(shared.resolve("decisions.csv"), d -> {
            if (d.getField("detailed_investigation").equals("yes")) {
                investigations.put(d.getField("case_reference"),
                        new LocalDate[] {date(d.getField("received_date")), date(d.getField("decision_date"))});
            }
        });
        forEach(shared.resolve("enquiries.csv"), e -> {
            LocalDate[] investigation = investigations.get(e.getField("case_reference"));
            LocalDate sent = date(e.getField("sent_date"));
            assertThat(investigation).as(e.getField("case_reference")).isNotNull();
            assertThat(sent).isAfterOrEqualTo(investigation[0]).isBefore(investigation[1]);
            assertThat(date(e.getField("due_date"))).isEqualTo(sent.plusDays(28));
            if (!e.getField("answered_date").isEmpty()) {
                assertThat(date(e.getField("answered_date"))).isAfterOrEqualTo(sent);
            }
        });
    }

    @Test
    void complaintHandlingCodeFailuresAreFoundInAboutAThirdOf2026To27sInvestigationsAndInNoEarlierCase() {
        ReportingYear code = ReportingYear.parse("2026-27");
        Map<String, NamedCsvRecord> investigated = new HashMap<>();
        Map<String, String> findings = new HashMap<>();
        forEach(shared.resolve("decisions.csv"), d -> {
            if (d.getField("detailed_investigation").equals("yes") && ReportingYear.containing(date(d.getField("decision_date"))).equals(code)) {
                investigated.put(d.getField("case_reference"), d);
            }
            if (!d.getField("complaint_handling_code_finding").isEmpty()) {
                findings.put(d.getField("case_reference"), d.getField("complaint_handling_code_finding"));
            }
        });
        Map<String, Set<String>> failed = new TreeMap<>();
        Map<String, Integer> provisions = new HashMap<>();
        forEach(shared.resolve("code-failures.csv"), f -> {
            String caseReference = f.getField("case_reference");
            assertThat(investigated).as("%s is an investigated 2026-27 decision of the demo", caseReference).containsKey(caseReference);
            assertThat(f.getField("provision")).isIn("acknowledgement-late", "stage-1-late", "stage-2-late", "stage-2-not-offered",
                    "not-signposted");
            assertThat(failed.computeIfAbsent(caseReference, k -> new HashSet<>()).add(f.getField("provision")))
                    .as("%s fails %s once", caseReference, f.getField("provision")).isTrue();
            provisions.merge(f.getField("provision"), 1, Integer::sum);
        });
        assertThat(findings.keySet()).as("a decision says what it found under the Code exactly when it has failures")
                .isEqualTo(failed.keySet());
        assertThat(findings.values()).allSatisfy(finding -> assertThat(finding).startsWith("Synthetic finding").endsWith("(demo)"));

        assertThat(100.0 * failed.size() / investigated.size()).as("share of 2026-27's investigations").isBetween(25.0, 35.0);
        assertThat(investigated.values().stream().filter(d -> d.getField("outcome").equals("Not upheld"))
                .anyMatch(d -> failed.containsKey(d.getField("case_reference")))).as("a case not upheld can fail the Code").isTrue();
        assertThat(failed.values().stream().filter(p -> p.size() > 1).count()).as("cases failing several provisions").isPositive();
        assertThat(provisions).hasSize(5);
        assertThat(provisions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("stage-1-late");

        Map<String, long[]> byCouncil = new HashMap<>();
        investigated.values().forEach(d -> {
            long[] council = byCouncil.computeIfAbsent(d.getField("organisation_code"), k -> new long[2]);
            council[0]++;
            council[1] += failed.containsKey(d.getField("case_reference")) ? 1 : 0;
        });
        List<long[]> withTenOrMore = byCouncil.values().stream().filter(c -> c[0] >= 10).toList();
        assertThat(withTenOrMore.stream().filter(c -> c[1] == 0).count()).as("councils of 10 or more investigations and no failure")
                .isGreaterThanOrEqualTo(5);
        assertThat(withTenOrMore.stream().filter(c -> 2 * c[1] > c[0]).count()).as("councils failing in over half").isGreaterThanOrEqualTo(5);
        assertThat(byCouncil.get("E08000011")[1]).as("Knowsley, the demo's showcase council, has failures to explain").isPositive();
    }

    @Test
    void everyCouncilOf2026To27HasItsSelfAssessmentRowMostFoundAndNoGovernanceResponseWithoutAReport() {
        ReportingYear code = ReportingYear.parse("2026-27");
        Map<String, String> domains = new HashMap<>();
        forEach(shared.resolve("contacts.csv"), c -> domains.put(c.getField("organisation_code"),
                c.getField("email").substring(c.getField("email").indexOf('@') + 1)));
        Set<String> councils = new HashSet<>();
        long[] found = new long[3];
        forEach(shared.resolve("code-self-assessments.csv"), a -> {
            String council = a.getField("organisation_code");
            assertThat(a.getField("reporting_year")).isEqualTo("2026-27");
            assertThat(councils.add(council)).as(council + " once").isTrue();
            String site = "https://www." + domains.get(council) + "/complaints/";
            assertThat(site).endsWith(".demo.invalid/complaints/");
            String[][] documents = {{"self_assessment", "self-assessment"}, {"annual_report", "annual-report"}, {"governance_response", null}};
            for (int i = 0; i < documents.length; i++) {
                String document = documents[i][0];
                boolean yes = a.getField(document + "_found").equals("yes");
                found[i] += yes ? 1 : 0;
                if (yes) {
                    assertThat(ReportingYear.containing(date(a.getField(document + "_date")))).as(council + " " + document).isEqualTo(code);
                } else {
                    assertThat(a.getField(document + "_date")).as(council + " " + document).isEmpty();
                }
                if (documents[i][1] != null) {
                    assertThat(a.getField(document + "_address")).as(council + " " + document).isEqualTo(yes ? site + documents[i][1] : "");
                }
            }
            if (a.getField("governance_response_found").equals("yes")) {
                assertThat(a.getField("annual_report_found")).as(council + ": a response to a report found").isEqualTo("yes");
                assertThat(date(a.getField("governance_response_date"))).isAfter(date(a.getField("annual_report_date")));
            }
        });
        assertThat(councils).hasSize(317).contains("E08000011").noneMatch(c -> c.startsWith("DEMO-"));
        assertThat(found[0]).as("self-assessments found").isBetween(317L * 60 / 100, 317L * 95 / 100);
        assertThat(found[1]).as("annual reports found").isBetween(317L * 50 / 100, 317L * 95 / 100);
        assertThat(found[2]).as("governing bodies' responses found").isPositive().isLessThan(found[1]);
    }

    @Test
    void aFewCouncilsAreIssuedAFailureNoticeIn2026To27() {
        Set<String> councils = new HashSet<>();
        forEach(shared.resolve("code-failure-notices.csv"), n -> {
            assertThat(councils.add(n.getField("organisation_code"))).isTrue();
            assertThat(n.getField("organisation_code")).matches("E\\d{8}");
            assertThat(ReportingYear.containing(date(n.getField("issued_date")))).isEqualTo(ReportingYear.parse("2026-27"));
            assertThat(n.getField("reason")).startsWith("Synthetic notice").endsWith("(demo)");
        });
        assertThat(councils).hasSizeBetween(3, 6);
    }

    @Test
    void yearsBeforeTheCodeHaveNoCodeRowsAndTheCodeChangesNoEarlierDecision(@TempDir Path before) throws IOException {
        DemoDataset.Summary earlier = new DemoDataset().write(before, DemoDataset.Options.defaults()
                .withYears(ReportingYear.parse("2019-20"), ReportingYear.parse("2025-26")));

        assertThat(earlier.codeFailures()).isZero();
        assertThat(earlier.codeSelfAssessments()).isZero();
        assertThat(earlier.codeFailureNotices()).isZero();
        assertThat(Files.readString(before.resolve("code-failures.csv"))).isEqualTo("case_reference,provision\n");
        assertThat(Files.readAllLines(before.resolve("code-self-assessments.csv"))).hasSize(1);
        assertThat(Files.readAllLines(before.resolve("code-failure-notices.csv"))).hasSize(1);
        forEach(before.resolve("decisions.csv"), d -> assertThat(d.getField("complaint_handling_code_finding")).isEmpty());
        for (String name : List.of("decisions.csv", "enquiries.csv", "organisations.csv", "contacts.csv")) {
            String without = Files.readString(before.resolve(name));
            assertThat(Files.readString(shared.resolve(name))).as("%s up to 2025-26, with 2026-27 after it", name).startsWith(without);
        }
    }

    @Test
    void anOverrideGivesExactlyThatManyDecisions(@TempDir Path directory) throws IOException {
        DemoDataset.Summary scaled = new DemoDataset().write(directory, DemoDataset.Options.defaults().withDecisions(50_000));

        assertThat(scaled.decisions()).isEqualTo(50_000);
        assertThat(count(directory.resolve("decisions.csv"))).isEqualTo(50_000);
        Map<ReportingYear, YearTally> scaledTallies = tally(directory);
        assertThat(scaledTallies.get(ReportingYear.parse("2023-24")).upheldPercent()).isBetween(74.0, 86.0);
    }

    // ---- reading the files back

    /** What one reporting year holds, by decision date (and, for compliance, by due date). */
    static final class YearTally {
        long decisions;
        long investigated;
        long upheld;
        long remedied;
        long reports;
        long codeFindings;
        long complied;
        long compliedLate;
        long notComplied;
        long pending;
        long enquiries;
        long lateEnquiries;

        long recorded() {
            return complied + compliedLate + notComplied;
        }

        double upheldPercent() {
            return percent(upheld, investigated);
        }

        /** Every generated year has something in each denominator; a year without would be a generator bug. */
        double percent(long part, long whole) {
            if (whole == 0) {
                throw new AssertionError("the generated year has nothing to divide by (" + part + " of 0)");
            }
            return 100.0 * part / whole;
        }
    }

    private static Map<ReportingYear, YearTally> tally(Path directory) {
        Map<ReportingYear, YearTally> byYear = new TreeMap<>();
        forEach(directory.resolve("decisions.csv"), d -> {
            YearTally t = byYear.computeIfAbsent(ReportingYear.containing(date(d.getField("decision_date"))), y -> new YearTally());
            t.decisions++;
            if (d.getField("detailed_investigation").equals("yes")) {
                t.investigated++;
            }
            if (d.getField("outcome").equals("Upheld")) {
                t.upheld++;
            }
            if (d.getField("satisfactory_remedy").equals("yes")) {
                t.remedied++;
            }
            if (!d.getField("public_report_date").isEmpty()) {
                t.reports++;
            }
            if (!d.getField("complaint_handling_code_finding").isEmpty()) {
                t.codeFindings++;
            }
        });
        forEach(directory.resolve("recommendations.csv"), r -> {
            YearTally t = byYear.computeIfAbsent(ReportingYear.containing(date(r.getField("due_date"))), y -> new YearTally());
            switch (r.getField("compliance_outcome")) {
                case "Complied" -> t.complied++;
                case "Complied late" -> t.compliedLate++;
                case "Not complied" -> t.notComplied++;
                default -> t.pending++;
            }
        });
        forEach(directory.resolve("enquiries.csv"), e -> {
            YearTally t = byYear.computeIfAbsent(ReportingYear.containing(date(e.getField("sent_date"))), y -> new YearTally());
            t.enquiries++;
            LocalDate deadline = date(e.getField(e.getField("extended_to").isEmpty() ? "due_date" : "extended_to"));
            if (!e.getField("answered_date").isEmpty() && date(e.getField("answered_date")).isAfter(deadline)) {
                t.lateEnquiries++;
            }
        });
        // recommendations due after the last year are pending; they belong to no year of the dataset
        byYear.keySet().removeIf(y -> y.startYear() < 2019 || y.startYear() > 2026);
        return byYear;
    }

    private static void printTable() {
        System.out.println("year    | decided | investigated | upheld | upheld % | sat. remedy % | public reports | CHC findings"
                + " | recs due | complied % | of which late % | pending | enquiries sent | answered late %");
        tallies.forEach((year, t) -> System.out.printf(
                "%s | %7d | %12d | %6d | %8.1f | %13.1f | %14d | %12d | %8d | %10.1f | %15.1f | %7d | %14d | %15.1f%n",
                year, t.decisions, t.investigated, t.upheld, t.upheldPercent(), t.percent(t.remedied, t.upheld), t.reports,
                t.codeFindings, t.recorded(), t.percent(t.complied + t.compliedLate, t.recorded()),
                t.percent(t.compliedLate, t.complied + t.compliedLate), t.pending, t.enquiries, t.percent(t.lateEnquiries, t.enquiries)));
    }

    private static List<NamedCsvRecord> read(Path file) {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            return csv.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEach(Path file, Consumer<NamedCsvRecord> action) {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            csv.forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(Path file) {
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            return csv.stream().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String text) {
        return text == null || text.isEmpty() ? null : LocalDate.parse(text);
    }
}
