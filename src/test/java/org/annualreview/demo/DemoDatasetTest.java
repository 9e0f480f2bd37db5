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
    }

    @Test
    void writesEveryFileWithTheRowsItCounted() {
        assertThat(DemoDataset.FILE_NAMES).allSatisfy(name -> assertThat(shared.resolve(name)).isRegularFile());
        assertThat(count(shared.resolve("organisations.csv"))).isEqualTo(summary.organisations()).isEqualTo(365 + 5);
        assertThat(count(shared.resolve("decisions.csv"))).isEqualTo(summary.decisions());
        assertThat(count(shared.resolve("recommendations.csv"))).isEqualTo(summary.recommendations());
        assertThat(count(shared.resolve("enquiries.csv"))).isEqualTo(summary.enquiries());
        assertThat(summary.trainingTotals()).as("2018-19, which the 2019-20 letters compare with, to 2025-26").isEqualTo(8);
        assertThat(summary.training()).isBetween(7L * 118, 7L * 130);
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
                assertThat(date(d.getField("decision_date"))).isAfterOrEqualTo(LocalDate.of(2025, 4, 1));
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
        byYear.keySet().removeIf(y -> y.startYear() < 2019 || y.startYear() > 2025);
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
