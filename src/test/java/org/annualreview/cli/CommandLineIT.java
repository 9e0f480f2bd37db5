package org.annualreview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.ServedWorkspace.Run;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as staff run it: the real application, a real H2 file database, real files. */
class CommandLineIT {

    @TempDir
    Path directory;

    String databaseUrl;

    Run run(String... args) {
        return ServedWorkspace.run(databaseUrl, args);
    }

    String[] samples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("docs/samples"))) {
            return Stream.concat(Stream.of("import"), files.filter(f -> f.toString().endsWith(".csv")).sorted().map(Path::toString))
                    .toArray(String[]::new);
        }
    }

    @BeforeEach
    void freshDatabase() {
        databaseUrl = "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
    }

    @Nested
    class Import {

        @Test
        void importsTheSamplesThenFindsThemUnchanged() throws Exception {
            Run first = run(samples());
            assertThat(first.exitCode()).isZero();
            // the Complaint Handling Code's five provisions come with the database: found unchanged
            assertThat(first.out()).contains("Imported 13 sources, 48 rows").contains("43 inserted, 0 updated, 5 unchanged");
            Run second = run(samples());
            assertThat(second.exitCode()).isZero();
            assertThat(second.out()).contains("0 inserted, 0 updated, 48 unchanged");
        }

        @Test
        void refusesAFileWithProblemsListingThemAndExitsWithOne() throws Exception {
            assertThat(run(samples()).exitCode()).isZero();
            Path bad = directory.resolve("decisions.csv");
            Files.writeString(bad, "case_reference,organisation_code,service_area,received_date,decision_date,outcome\n"
                    + "X1,E08000011,Housing,2023-05-01,2023-04-01,Upheld\n"
                    + "X2,E99999999,Housing,2023-05-01,2023-06-01,Upheld\n");
            Run refused = run("import", bad.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("Nothing was imported: 2 problems found.")
                    .contains("decisions.csv, row 2, column decision_date: the decision is dated before the complaint was received")
                    .contains("decisions.csv, row 3, column organisation_code: unknown organisation 'E99999999'");
            assertThat(run("stats", "--year", "2023-24", "--organisation", "E08000011", "--explain", "complaints-and-enquiries").out())
                    .doesNotContain("X1");
        }

        @Test
        void anUnknownRecordTypeIsAUsageError() {
            Run usage = run("import", "--type", "complaints", "whatever.csv");
            assertThat(usage.exitCode()).isEqualTo(2);
            assertThat(usage.err()).contains("Unknown record type 'complaints'");
        }
    }

    @Nested
    class Stats {

        @BeforeEach
        void importSamples() throws Exception {
            assertThat(run(samples()).exitCode()).isZero();
        }

        @Test
        void printsOneOrganisationWithItsTypeAverage() {
            Run stats = run("stats", "--year", "2023-24", "--organisation", "Knowsley");
            assertThat(stats.exitCode()).isZero();
            assertThat(stats.out()).contains("Knowsley Metropolitan Borough Council (E08000011), Metropolitan Borough")
                    .containsPattern("Complaints upheld\\s+67% \\(2 of 3\\)\\s+75%")
                    .containsPattern("Compliance with recommendations\\s+100% \\(1 of 1\\)");   // SAMPLE-23-0001: one case of two recommendations
        }

        @Test
        void aCellOfWordsMovesNoColumnOfTheTables() {
            StringBuilder words = new StringBuilder();
            for (String organisation : List.of("Knowsley", "Liverpool", "Cumberland")) {
                Run one = run("stats", "--year", "2023-24", "--organisation", organisation);
                List<String> keyStatistics = one.out().lines().dropWhile(line -> !line.startsWith("Key statistics")).limit(5).toList();
                words.append(String.join("\n", keyStatistics));
                int average = keyStatistics.get(0).indexOf("Average of");
                for (String line : keyStatistics.subList(1, 5)) {
                    assertThat(line.charAt(average - 1)).as(line).isEqualTo(' ');
                    assertThat(line.charAt(average)).as(line).isNotEqualTo(' ');
                }
            }
            assertThat(words).as("a cell of words among them").contains("no recommendations due for compliance");

            List<String> table = run("stats", "--year", "2023-24").out().lines().dropWhile(line -> !line.startsWith("Organisation"))
                    .takeWhile(line -> !line.isBlank()).toList();
            assertThat(table).as("the organisations of 2023-24").hasSize(1 + 4);
            for (String heading : List.of("Type", "Upheld", "Compliance", "Satisfactory remedy")) {
                int column = table.get(0).indexOf(heading);
                for (String line : table.subList(1, table.size())) {
                    assertThat(line.substring(column - 2, column)).as(heading + " in " + line).isEqualTo("  ");
                    assertThat(line.charAt(column)).as(heading + " in " + line).isNotEqualTo(' ');
                }
            }
        }

        @Test
        void staffChooseWhichPopulationEstimateAYearDividesByAndTheExplanationSaysSo() {
            Run chosen = run("stats", "--year", "2023-24", "--choose-population-estimate", "2022", "--reason", "fits the published figure");
            assertThat(chosen.exitCode()).isZero();
            assertThat(chosen.out()).contains("2023-24: figures per 100,000 residents now divide by each council's mid-2022 estimate");

            Run explained = run("stats", "--year", "2023-24", "--organisation", "Knowsley", "--explain", "upheld-per-100000");
            assertThat(explained.out()).contains("Divided by the mid-2022 population estimate, 154,517 residents",
                    "The mid-2022 estimate was chosen for 2023-24 by command line on ", ": fits the published figure");
            assertThat(run("stats", "--year", "2023-24", "--choose-population-estimate", "2022").exitCode()).as("no reason").isNotZero();
        }

        /** A Map.of orders its keys anew in each run of the program: two runs, each in a Java VM of its own, print the same bytes. */
        @Test
        void jsonIsTheSameBytesOnEveryRunOfTheProgram() throws Exception {
            assertThat(run("stats", "--year", "2023-24").exitCode()).isZero();   // the snapshot, worked out once

            String first = inAJavaVmOfItsOwn("stats", "--year", "2023-24", "--format", "json");
            String second = inAJavaVmOfItsOwn("stats", "--year", "2023-24", "--format", "json");

            assertThat(second).isEqualTo(first);
            List<List<String>> populations = new ArrayList<>();
            JsonMapper.builder().build().readTree(first).get("organisations").forEach(o -> {
                if (o.get("population").isObject()) {
                    populations.add(List.copyOf(o.get("population").propertyNames()));
                }
            });
            assertThat(populations).isNotEmpty().allSatisfy(keys -> assertThat(keys).containsExactly("residents", "midYear"));
        }

        String inAJavaVmOfItsOwn(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("--database-url", databaseUrl));
            command.addAll(List.of(args));
            Process process = org.annualreview.testing.OwnProcess.of(List.of(), command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        }

        @Test
        void jsonUsesTheDocumentedFieldsAndNullForNoRate() {
            Run stats = run("stats", "--year", "2023-24", "--format", "json");
            assertThat(stats.exitCode()).isZero();
            JsonNode doc = JsonMapper.builder().build().readTree(stats.out());
            assertThat(doc.get("reportingYear").asString()).isEqualTo("2023-24");
            assertThat(doc.get("syntheticDemoData").asBoolean()).isFalse();
            JsonNode knowsley = null;
            JsonNode cumberland = null;
            for (JsonNode o : doc.get("organisations")) {
                if (o.get("code").asString().equals("E08000011")) {
                    knowsley = o;
                }
                if (o.get("code").asString().equals("E06000063")) {
                    cumberland = o;
                }
            }
            assertThat(knowsley.get("upheld").get("count").asLong()).isEqualTo(2);
            assertThat(knowsley.get("upheld").get("of").asLong()).isEqualTo(3);
            assertThat(knowsley.get("upheld").get("percent").asInt()).isEqualTo(67);
            assertThat(knowsley.get("typeAverage").get("kindLabel").asString()).isEqualTo("Metropolitan Boroughs");
            assertThat(cumberland.get("upheld").get("percent").isNull()).isTrue();
            assertThat(cumberland.get("upheld").get("shown").asString()).isEqualTo("no investigations");
        }

        @Test
        void explainListsTheCasesCounted() {
            Run explained = run("stats", "--year", "2023-24", "--organisation", "E08000011", "--explain", "upheld");
            assertThat(explained.exitCode()).isZero();
            assertThat(explained.out()).contains("Numerator: 2", "SAMPLE-23-0001", "SAMPLE-23-0002", "Denominator: 3", "SAMPLE-23-0003",
                    "Result: 67%").doesNotContain("SAMPLE-23-0006");
        }

        @Test
        void explainByProvisionListsTheInvestigationsThatFailedIt() {
            Run explained = run("stats", "--year", "2023-24", "--organisation", "Knowsley", "--explain", "code-failures:stage-1-late");
            assertThat(explained.exitCode()).isZero();
            assertThat(explained.out()).contains("Provision: Stage 1 answer later than 10 working days (20 if extended) (stage-1-late)",
                    "Numerator: 1", "SAMPLE-23-0001", "Denominator: 3", "Result: 33%");
            Run unknown = run("stats", "--year", "2023-24", "--organisation", "Knowsley", "--explain", "code-failures:no-such-provision");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("Unknown Complaint Handling Code provision 'no-such-provision'", "stage-1-late");
            assertThat(run("stats", "--year", "2023-24", "--organisation", "Knowsley", "--explain", "upheld:stage-1-late").exitCode())
                    .isEqualTo(2);
        }

        @Test
        void csvHasOneRowPerOrganisation() {
            Run csv = run("stats", "--year", "2023-24", "--format", "csv");
            assertThat(csv.exitCode()).isZero();
            assertThat(csv.out().lines()).hasSize(1 + 4).first().asString().startsWith("reporting_year,code,name,kind");
        }

        @Test
        void anUnknownOrganisationExitsWithOne() {
            Run stats = run("stats", "--year", "2023-24", "--organisation", "Atlantis");
            assertThat(stats.exitCode()).isEqualTo(1);
            assertThat(stats.err()).contains("no organisation has the code or name 'Atlantis'");
        }

        @Test
        void aMalformedYearIsAUsageError() {
            Run stats = run("stats", "--year", "2023/24");
            assertThat(stats.exitCode()).isEqualTo(2);
            assertThat(stats.err()).contains("reporting year must look like 2023-24");
        }
    }

    @Nested
    class Demo {

        @Test
        void loadsLabelledSyntheticDataAndChangesNothingTheSecondTime() throws Exception {
            Path letters = directory.resolve("letters");
            Run first = run("demo", "--decisions", "3000", "--files", directory.resolve("demo").toString(), "--letters", letters.toString(),
                    "--letters-for", "latest", "--no-serve");
            assertThat(first.exitCode()).isZero();
            assertThat(first.out()).startsWith("*** SYNTHETIC DEMO DATA").contains("Reporting year 2026-27")
                    .contains("--year 2026-27 --organisation Knowsley --explain code-failures")
                    .contains("Averages of similar authorities (pooled)").contains("Annual Review letters")
                    .containsPattern("Administrator +administrator@demo.example +password \\S{16}")
                    .containsPattern("Council user \\(Knowsley\\) +knowsley@demo.example +password \\S{16}");
            assertThat(letters.resolve("2026-27/E08000011-knowsley-metropolitan-borough-council.pdf")).isNotEmptyFile();
            assertThat(letters.resolve("2025-26")).as("--letters-for latest: the demo's latest year alone").doesNotExist();
            Path knowsley = letters.resolve("2026-27/E08000011-knowsley-metropolitan-borough-council.pdf");
            java.nio.file.attribute.FileTime writtenFirst = Files.getLastModifiedTime(knowsley);

            Run second = run("demo", "--decisions", "3000", "--files", directory.resolve("demo").toString(), "--letters", letters.toString(),
                    "--letters-for", "latest", "--no-serve");

            assertThat(second.exitCode()).isZero();
            assertThat(second.out()).contains(" 0 inserted, 0 updated").contains("letters stand as written before")
                    .doesNotContain("Wrote ").doesNotContainPattern("password \\S{16}")
                    .contains("passwords as printed when the demo first ran");
            assertThat(Files.getLastModifiedTime(knowsley)).as("the letter's file is not written again").isEqualTo(writtenFirst);
            assertThat(run("stats", "--format", "json").out()).contains("\"syntheticDemoData\" : true");
            assertThat(run("letters", "--year", "2026-27", "--organisation", "Knowsley", "--format", "txt", "--out",
                    directory.resolve("knowsley").toString()).exitCode()).isZero();
            assertThat(Files.readString(directory.resolve("knowsley/2026-27/E08000011-knowsley-metropolitan-borough-council.txt")))
                    .as("the 2026-27 letter, from the demo's Complaint Handling Code records").contains("Our Complaint Handling Code")
                    .contains("self-assessment against the Code");
        }

        @Test
        void refusesADatabaseHoldingRealRecords() throws Exception {
            assertThat(run(samples()).exitCode()).isZero();
            Run demo = run("demo", "--decisions", "3000", "--files", directory.resolve("demo").toString(), "--letters-for", "none", "--no-serve");
            assertThat(demo.exitCode()).isEqualTo(1);
            assertThat(demo.err()).contains("holds records that are not the demo dataset");
        }
    }

    @Nested
    class LettersOfAYear {

        @BeforeEach
        void importSamples() throws Exception {
            assertThat(run(samples()).exitCode()).isZero();
        }

        @Test
        void aTemplateIsLoadedThenEveryFormatOfOneLetterIsWritten() {
            Run load = run("templates", "load", "--year", "2023-24", "templates/2023-24.md");
            assertThat(load.exitCode()).as(load.err()).isZero();
            assertThat(load.out()).contains("as version 1 of the 2023-24 letter template");
            assertThat(run("templates", "load", "--year", "2023-24", "templates/2023-24.md").out()).contains("nothing changed");

            Path out = directory.resolve("letters");
            Run letters = run("letters", "--year", "2023-24", "--organisation", "Knowsley", "--format", "pdf,html,txt", "--out", out.toString());
            assertThat(letters.exitCode()).as(letters.err()).isZero();
            assertThat(letters.out()).contains("Wrote 1 letter for 2023-24");
            Path txt = out.resolve("2023-24/E08000011-knowsley-metropolitan-borough-council.txt");
            assertThat(txt).content().contains("Knowsley Metropolitan Borough Council", "For the period ending: 31/03/24");
            assertThat(out.resolve("2023-24/E08000011-knowsley-metropolitan-borough-council.pdf")).isNotEmptyFile();
        }

        @Test
        void lettersAreApprovedThenADryRunOfSendingListsWhoWouldReceiveThem() {
            assertThat(run("templates", "load", "--year", "2023-24", "templates/2023-24.md").exitCode()).isZero();
            assertThat(run("letters", "--year", "2023-24", "--format", "pdf", "--out", directory.resolve("letters").toString()).exitCode()).isZero();
            assertThat(run("send", "--year", "2023-24", "--dry-run").out()).containsPattern("Knowsley Metropolitan Borough Council +not approved");

            Run approve = run("letters", "approve", "--year", "2023-24", "--organisation", "Knowsley", "--by", "Pat Approver");
            assertThat(approve.out()).contains("Approved 1 letter of 2023-24 for sending.");
            Run dry = run("send", "--year", "2023-24", "--dry-run");

            assertThat(dry.exitCode()).isZero();
            assertThat(dry.out()).containsPattern("Knowsley Metropolitan Borough Council +would send +chief.executive@knowsley.sample.invalid"
                    + " \\(chief executive\\), leader@knowsley.sample.invalid \\(leader\\)")
                    .containsPattern("Liverpool City Council +not approved").contains("Dry run: nothing sent.");
        }

        @Test
        void aBrokenTemplateIsRefusedWithItsLineAndExitCodeOne() throws Exception {
            Path broken = directory.resolve("broken.md");
            Files.writeString(broken, "---\nletter-date: 17 July\npublication-date: 24 July\nsignatory: A N Other\n---\n\nDear {{ chiefExecutive.nmae }}\n");
            Run load = run("templates", "load", "--year", "2023-24", broken.toString());
            assertThat(load.exitCode()).isEqualTo(1);
            assertThat(load.err()).contains("broken.md, line 7: unknown field 'chiefExecutive.nmae'", "Nothing was loaded.");
            Run letters = run("letters", "--year", "2023-24");
            assertThat(letters.exitCode()).isEqualTo(1);
            assertThat(letters.err()).contains("no letter template is loaded for 2023-24");
        }
    }

    @Test
    void whatTheCommandLineChangesIsAuditedAsTheCommandLineWithItsLoginAndADryRunIsNot() throws Exception {
        assertThat(run(samples()).exitCode()).isZero();
        assertThat(run(samples()).exitCode()).as("the same rows again: no change to audit").isZero();
        assertThat(run("templates", "load", "--year", "2023-24", "templates/2023-24.md").exitCode()).isZero();
        assertThat(run("letters", "--year", "2023-24", "--organisation", "Knowsley", "--out", directory.resolve("letters").toString()).exitCode()).isZero();
        assertThat(run("letters", "approve", "--year", "2023-24", "--by", "Pat Approver").exitCode()).isZero();
        assertThat(run("send", "--year", "2023-24", "--dry-run").exitCode()).isZero();
        Path password = Files.writeString(directory.resolve("password.txt"), "correct horse battery\n");
        assertThat(run("users", "add", "--username", "pat@ombudsman.example", "--name", "Pat", "--role", "analyst",
                "--password-file", password.toString()).exitCode()).isZero();

        List<String> events = new ArrayList<>();
        try (var c = java.sql.DriverManager.getConnection(databaseUrl, "", ""); var s = c.createStatement();
                var rs = s.executeQuery("select actor, action, subject, after_text from audit_event order by id")) {
            while (rs.next()) {
                events.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
            }
        }
        String actor = "command line (" + System.getProperty("user.name") + ")";
        assertThat(events).hasSize(6);
        assertThat(events.get(0)).startsWith(actor + " | import | ").contains("decisions.csv", "43 inserted");
        assertThat(events.get(1)).startsWith(actor + " | load-template | letter template of 2023-24, version 1 | ---");
        assertThat(events.get(2)).isEqualTo(actor + " | set-publication-date | publication date of 2023-24 | 24 July 2024");
        assertThat(events.get(3)).startsWith(actor + " | write-letters | letters of 2023-24 for Knowsley | 1 written: 1 new versions");
        assertThat(events.get(4)).startsWith(actor + " | approve-letters | letters of 2023-24 | 1 approved by Pat Approver");
        assertThat(events.get(5)).startsWith(actor + " | add-account | account pat@ombudsman.example | Pat, Analyst")
                .doesNotContain("correct horse battery");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLineAndExitCodeThree() {
        databaseUrl = "jdbc:postgresql://127.0.0.1:1/nowhere";
        Run run = run("stats");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("annual-review: cannot open the database jdbc:postgresql://127.0.0.1:1/nowhere:");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void theSameCommandsWorkOnPostgreSql() throws Exception {
        try (TestDatabase postgres = TestDatabase.postgres()) {
            databaseUrl = postgres.url();
            assertThat(run(samples()).exitCode()).isZero();
            assertThat(run("stats", "--year", "2023-24", "--organisation", "E08000011", "--explain", "upheld").out()).contains("Result: 67%");
        }
    }
}
