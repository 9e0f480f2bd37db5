package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.annualreview.demo.DemoDataset;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.annualreview.testing.CommandProcess;
import org.annualreview.testing.H2File;
import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.ServedWorkspace.Run;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A letter run killed with SIGKILL (kill -9: the process ends at once, closing nothing) part-way, on an H2 file
 * database (the application's own settings) and on PostgreSQL: the database opens, again and again; every letter
 * kept is whole (its text, its web page and its PDF), each council's versions run 1, 2, … without a gap; and the
 * same run then writes every council's letter, after which running it again keeps no new version. Each killed run
 * is a real `annual-review letters` process, killed when its log shows a number of letters stored. PostgreSQL keeps
 * every letter stored before the kill; H2 may lose those of the run's last half second (it writes commits to its file
 * up to half a second late), which the next run writes again.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class KilledLetterRunIT {

    static final ReportingYear YEAR = ReportingYear.parse("2023-24");
    /** What the letter run logs as each letter goes into the archive as a new version. */
    static final String NEW_VERSION = ": stored as version ";
    static final int OPENS_AFTER_KILL = 3;
    static final long DECISIONS = 3_000;

    /** A killed run: the version of the template it writes from (the second has a sentence more), and after how many letters it dies. */
    record KilledRun(int templateVersion, int lettersStored) {
    }

    /** What a database holds after a kill: the letters written from the killed run's template, and the letter runs audited. */
    record AfterKill(int letters, int audited) {
    }

    /**
     * The first run dies as its first letters go into the archive, two threads writing; the second, from a changed
     * template (so that it writes each council's next version), about half-way through the year's councils.
     */
    static final List<KilledRun> KILLED_RUNS = List.of(new KilledRun(1, 3), new KilledRun(2, 35));
    /** The regions whose councils have letters here: 63, so that a whole run takes seconds, not the 317 of England. */
    static final Set<String> REGIONS = Set.of("North East", "North West", "Yorkshire and The Humber");

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase postgres;

    @AfterEach
    void dropTheDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aLetterRunKilledPartWayKeepsOnlyWholeLettersAndTheSameRunThenWritesEveryCouncilsLetterOnce() throws Exception {
        String url = databaseUrl();
        List<String> importing = new ArrayList<>(List.of("import"));
        demoOfTheNorth().forEach(file -> importing.add(file.toString()));
        expectSuccess(ServedWorkspace.run(url, importing.toArray(String[]::new)));
        Path template = Path.of("templates/2023-24.md");
        Path changed = Files.writeString(directory.resolve("2023-24.md"), Files.readString(template)
                + "\nThis sentence is new in the template's second version.\n");
        Path out = directory.resolve("letters");
        List<String> letters = List.of("letters", "--year", YEAR.toString(), "--out", out.toString());

        for (KilledRun killed : KILLED_RUNS) {
            Path loading = killed.templateVersion() == 1 ? template : changed;
            expectSuccess(ServedWorkspace.run(url, "templates", "load", "--year", YEAR.toString(), loading.toString()));
            try (CommandProcess run = CommandProcess.start(url, Map.of(), letters)) {
                run.killAt(NEW_VERSION, killed.lettersStored());
            }
            String when = "after a run from template " + killed.templateVersion() + " killed at its letter " + killed.lettersStored();
            for (int open = 1; open <= (postgres == null ? OPENS_AFTER_KILL : 1); open++) {
                String now = when + ", open " + open;
                AfterKill found = opened(url, database -> {
                    wholeLetters(database, now);
                    JdbcTemplate jdbc = new JdbcTemplate(database);
                    return new AfterKill(jdbc.queryForObject("select count(*) from letter where reporting_year = ? and template_version = ?",
                            Integer.class, YEAR.toString(), killed.templateVersion()),
                            jdbc.queryForObject("select count(*) from audit_event where action = 'write-letters'", Integer.class));
                });
                assertThat(found.audited()).as("a run that did not end audits nothing, %s", now).isZero();
                if (postgres != null) {
                    // on H2 the letters of the run's last half second may be gone: H2 writes commits to its file a moment later
                    assertThat(found.letters()).as("the letters stored before the kill, %s", now).isGreaterThanOrEqualTo(killed.lettersStored());
                }
            }
        }

        Run again = ServedWorkspace.run(url, letters.toArray(String[]::new));
        assertThat(again.exitCode()).as("the same run again: %s%s", again.out(), again.err()).isZero();
        List<String> councils = opened(url, KilledLetterRunIT::councilsOf);
        Map<String, List<Integer>> written = opened(url, database -> {
            assertThat(new JdbcTemplate(database).queryForList("""
                    select organisation_code from letter l where reporting_year = ? and template_version <> 2
                    and version = (select max(version) from letter v where v.organisation_code = l.organisation_code
                                   and v.reporting_year = l.reporting_year)""", String.class, YEAR.toString()))
                    .as("councils whose latest letter is not from the changed template").isEmpty();
            return wholeLetters(database, "once the run ended");
        });
        assertThat(written.keySet()).as("every council has its letter").containsExactlyElementsOf(councils);
        assertThat(again.out()).contains("Wrote " + councils.size() + " letters for " + YEAR);
        assertThat(out.resolve(YEAR.toString()).toFile().list((folder, name) -> name.endsWith(".pdf"))).hasSize(councils.size());

        Run once = ServedWorkspace.run(url, letters.toArray(String[]::new));
        assertThat(once.exitCode()).as(once.err()).isZero();
        assertThat(once.out()).as("nothing changed since").contains("(0 new or changed in the archive, " + councils.size() + " as before)");
        Map<String, List<Integer>> after = opened(url, database -> wholeLetters(database, "once the run ran again"));
        assertThat(after).as("no new version").isEqualTo(written);
    }

    /**
     * Every letter of the year kept, checked whole (text, a complete web page, a PDF from its header to its end-of-file
     * marker); each council's versions, which must be 1 to n.
     */
    private static Map<String, List<Integer>> wholeLetters(DataSource dataSource, String when) {
        Map<String, List<Integer>> versions = new TreeMap<>();
        new JdbcTemplate(dataSource).query("""
                select organisation_code, version, letter_text, letter_html, letter_pdf from letter
                where reporting_year = ? order by organisation_code, version""", rs -> {
            String letter = rs.getString(1) + " version " + rs.getInt(2) + " " + when;
            versions.computeIfAbsent(rs.getString(1), code -> new ArrayList<>()).add(rs.getInt(2));
            assertThat(rs.getString(3)).as("the text of %s", letter).isNotBlank();
            assertThat(rs.getString(4).strip()).as("the web page of %s", letter).startsWith("<!DOCTYPE html>").endsWith("</html>");
            byte[] pdf = rs.getBytes(5);
            assertThat(new String(pdf, 0, Math.min(pdf.length, 5), StandardCharsets.ISO_8859_1)).as("the PDF of %s", letter).isEqualTo("%PDF-");
            assertThat(new String(Arrays.copyOfRange(pdf, Math.max(0, pdf.length - 16), pdf.length), StandardCharsets.ISO_8859_1).strip())
                    .as("the end of the PDF of %s", letter).endsWith("%%EOF");
        }, YEAR.toString());
        versions.forEach((code, kept) -> assertThat(kept).as("the versions of %s's letter %s", code, when)
                .isEqualTo(IntStream.rangeClosed(1, kept.size()).boxed().toList()));
        return versions;
    }

    /**
     * The demo dataset of the year, cut down to the organisations of {@link #REGIONS}: every file's rows about them and
     * their cases, in the order the files are imported.
     */
    private List<Path> demoOfTheNorth() throws IOException {
        Path england = directory.resolve("demo");
        Path north = Files.createDirectories(directory.resolve("demo-of-the-north"));
        new DemoDataset().write(england, DemoDataset.Options.defaults().withYears(YEAR, YEAR).withDecisions(DECISIONS));
        Set<String> organisations = new HashSet<>();
        Set<String> cases = new HashSet<>();
        copyRows(england.resolve("organisations.csv"), north, row -> REGIONS.contains(row.get("region")), row -> organisations.add(row.get("code")));
        copyRows(england.resolve("decisions.csv"), north, row -> organisations.contains(row.get("organisation_code")),
                row -> cases.add(row.get("case_reference")));
        List<Path> files = new ArrayList<>();
        for (String name : DemoDataset.FILE_NAMES) {
            if (!Files.exists(north.resolve(name))) {
                copyRows(england.resolve(name), north, row -> (!row.containsKey("organisation_code") || organisations.contains(
                        row.get("organisation_code"))) && (!row.containsKey("case_reference") || cases.contains(row.get("case_reference"))),
                        row -> { });
            }
            files.add(north.resolve(name));
        }
        return files;
    }

    /**
     * Copies a CSV file's heading and the rows (by heading) that {@code keep} keeps into {@code folder}, each told to
     * {@code kept}; a file of no rows (the demo's Complaint Handling Code files of a year before the Code) keeps its heading.
     */
    private static void copyRows(Path file, Path folder, Predicate<Map<String, String>> keep, Consumer<Map<String, String>> kept)
            throws IOException {
        try (CsvReader<CsvRecord> rows = CsvReader.builder().ofCsvRecord(file);
                CsvWriter copy = CsvWriter.builder().build(folder.resolve(file.getFileName()))) {
            List<String> heading = null;
            for (CsvRecord row : rows) {
                if (heading == null) {
                    heading = row.getFields();
                    copy.writeRecord(heading);
                    continue;
                }
                Map<String, String> fields = new java.util.LinkedHashMap<>();
                for (int i = 0; i < heading.size(); i++) {
                    fields.put(heading.get(i), row.getField(i));
                }
                if (keep.test(fields)) {
                    copy.writeRecord(row.getFields());
                    kept.accept(fields);
                }
            }
        }
    }

    /** The councils (the five kinds compared with their type's average) that existed during the year, by code. */
    private static List<String> councilsOf(DataSource dataSource) {
        String kinds = String.join(", ", Arrays.stream(OrganisationKind.values()).filter(OrganisationKind::hasTypeAverage)
                .map(kind -> "'" + kind.code() + "'").toList());
        return new JdbcTemplate(dataSource).queryForList("select code from organisation where kind in (" + kinds + ")"
                + " and (started_on is null or started_on <= ?) and (ended_on is null or ended_on >= ?) order by code", String.class,
                YEAR.lastDay(), YEAR.firstDay());
    }

    private String databaseUrl() {
        if (databaseKind.equals("postgresql")) {
            postgres = TestDatabase.postgres();
            return postgres.url();
        }
        return H2File.url(directory.resolve("db"));
    }

    /** What {@code reading} finds in the database opened afresh: on H2 a new open of the file (closed with a SHUTDOWN). */
    private <T> T opened(String url, Function<DataSource, T> reading) throws SQLException {
        if (postgres != null) {
            return reading.apply(postgres.dataSource());
        }
        try (H2File file = new H2File(url)) {
            return reading.apply(file.dataSource());
        }
    }

    private static void expectSuccess(Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
}
