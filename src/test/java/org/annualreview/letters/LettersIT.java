package org.annualreview.letters;

import static org.annualreview.testing.DecisionRow.aDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.annualreview.imports.Imports;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.Statistics;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Letters of 2019-20 written end to end: records imported, figures computed, template loaded, letters written
 * and kept. Liverpool's records make every data-driven paragraph of the ombudsman's 2019-20 letter appear.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class LettersIT {

    static final ReportingYear YEAR = ReportingYear.parse("2019-20");
    static final String LIVERPOOL = "E08000012";
    static final String KNOWSLEY = "E08000011";
    static final String SEFTON = "E08000014";
    static final Path SEED = Path.of("../shared/seeds/liverpool-2019-20.txt");

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    /** The lines of the ombudsman's name in its letterhead, as the setting ANNUAL_REVIEW_LETTERS_LETTERHEAD gives them. */
    static final List<String> OMBUDSMANS_NAME_LINES = List.of("Local Government &", "Social Care", "OMBUDSMAN");

    TestDatabase database;
    Imports imports;
    Statistics statistics;
    Letters letters;

    /** Letters laid out as given, otherwise as {@link #letters}. */
    Letters lettersLaidOut(LetterLayout layout) {
        return new Letters(database.dataSource(), statistics, new Organisations(database.dataSource()),
                Clock.fixed(Instant.parse("2020-07-20T09:00:00Z"), ZoneId.of("Europe/London")), layout, () -> false, 2);
    }

    @BeforeEach
    void recordTheYear() {
        database = TestDatabase.start(databaseKind);
        statistics = new Statistics(database.dataSource(), Clock.fixed(Instant.parse("2020-07-01T09:00:00Z"), ZoneId.of("Europe/London")));
        imports = new Imports(database.dataSource(), event -> statistics.markAllStale());
        letters = lettersLaidOut(LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()));
        RecordFiles records = new RecordFiles(directory)
                .organisation(LIVERPOOL, "Liverpool City Council", "Metropolitan Borough")
                .organisation(KNOWSLEY, "Knowsley Metropolitan Borough Council", "Metropolitan Borough")
                .organisation(SEFTON, "Sefton Metropolitan Borough Council", "Metropolitan Borough")
                .population(LIVERPOOL, 2019, 498_042)
                .row("contacts", RecordFiles.cells("organisation_code", LIVERPOOL, "role", "Chief executive", "title", "Mr",
                        "given_name", "Tony", "surname", "Reeves", "job_title", "Chief Executive", "salutation", "Dear Mr Reeves",
                        "email", "chief.executive@liverpool.example"))
                .decision(aDecision("L1").about(LIVERPOOL).upheld().decidedOn("2019-05-01"))
                .decision(aDecision("L2").about(LIVERPOOL).upheld().decidedOn("2019-06-01"))
                .decision(aDecision("L3").about(LIVERPOOL).notUpheld().decidedOn("2019-07-01"))
                .decision(aDecision("K1").about(KNOWSLEY).upheld().decidedOn("2019-08-01"))
                .decision(aDecision("K2").about(KNOWSLEY).notUpheld().decidedOn("2019-09-01"))
                .recommendation("L1", 1, "2019-06-01", "complied", "2019-05-30")
                .training(LIVERPOOL, "Children's social care complaint handling", "2019-10-10", 12)
                .row("training-totals", RecordFiles.cells("reporting_year", "2019-20", "workshops", "118", "people_reached", "1432"))
                .row("training-totals", RecordFiles.cells("reporting_year", "2018-19", "workshops", "71", "people_reached", "900"));
        // 20 enquiries sent to Liverpool in the year: 9 late (45%, "almost half"), 2 of them after an extension, 1 incomplete
        for (int i = 1; i <= 20; i++) {
            boolean late = i <= 9;
            boolean extended = i <= 2;
            records.row("enquiries", RecordFiles.cells("case_reference", "E" + i, "number", "1", "organisation_code", LIVERPOOL,
                    "sent_date", "2019-09-02", "due_date", "2019-10-01", "extended_to", extended ? "2019-10-15" : "",
                    "answered_date", late ? "2019-10-20" : "2019-09-20", "complete", i == 20 ? "no" : "yes"));
        }
        records.importInto(imports);
    }

    @AfterEach
    void stopDatabase() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    @Test
    void theOmbudsmansOwnWordingComesBackWordForWord() throws IOException {
        // the ombudsman's letter lives beside the project (../shared), not in it: CI has it; a newcomer's clone may not
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SEED) || System.getenv("CI") != null,
                "skipped: " + SEED + " (the ombudsman's real letter) is not beside this clone; CI runs it");
        Letters ombudsmans = lettersLaidOut(LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()).withNameLines(OMBUDSMANS_NAME_LINES));
        ombudsmans.loadTemplate(YEAR, Path.of("src/test/resources/letters/ombudsman-2019-20.md"));

        ombudsmans.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        String text = ombudsmans.latest(LIVERPOOL, YEAR).orElseThrow().text();

        String letter = text.substring(0, text.indexOf(LetterDocument.PAGE_BREAK));
        // the seed marks the underlined words of the printed letter with <u>…</u>; plain text gives the words alone
        assertThat(paragraphs(letter)).containsExactlyElementsOf(paragraphs(Files.readString(SEED).replaceAll("</?u>", "")));
        assertThat(text.substring(text.indexOf(LetterDocument.PAGE_BREAK)))
                .contains("Liverpool City Council For the period ending: 31/03/20", "Complaints upheld: 67%", "2 upheld of 3 detailed investigations");
    }

    @Test
    void theDataDrivenParagraphsLeaveNoTraceWhenTheDataDoesNotCallForThem() throws IOException {
        letters.loadTemplate(YEAR, Path.of("src/test/resources/letters/ombudsman-2019-20.md"));

        letters.write(YEAR, Optional.of(KNOWSLEY), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        String text = letters.latest(KNOWSLEY, YEAR).orElseThrow().text();

        assertThat(text).contains("Dear Chief Executive", "Knowsley Metropolitan Borough Council")
                .doesNotContain("concerns have been registered", "We were pleased to deliver", "\n\n\n");
    }

    @Test
    void aCouncilWithNoInvestigationsGetsALetterThatSaysSoInWords() {
        letters.loadTemplate(YEAR, Path.of("templates/2019-20.md"));

        letters.write(YEAR, Optional.of(SEFTON), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        String text = letters.latest(SEFTON, YEAR).orElseThrow().text().replaceAll("[ \\n]+", " ");

        assertThat(text).contains("We completed no detailed investigations about your authority this year",
                "Complaints upheld: no investigations",
                "Compliance with recommendations: no recommendations due for compliance")
                .doesNotContain("NaN", "null", "0 upheld of 0");
    }

    @Test
    void the2026To27LettersSayWhatWeFoundUnderTheComplaintHandlingCodeFromEachCouncilsRecords() throws IOException {
        ReportingYear code = ReportingYear.parse("2026-27");
        new RecordFiles(java.nio.file.Files.createDirectories(directory.resolve("code")))
                .decision(aDecision("CK1").about(KNOWSLEY).upheld().decidedOn("2026-05-01"))
                .decision(aDecision("CK2").about(KNOWSLEY).upheld().decidedOn("2026-06-01"))
                .decision(aDecision("CK3").about(KNOWSLEY).notUpheld().decidedOn("2026-07-01"))
                .decision(aDecision("CL1").about(LIVERPOOL).notUpheld().decidedOn("2026-05-01"))
                .decision(aDecision("CS1").about(SEFTON).outcome("Advice given").decidedOn("2026-05-01"))
                .row("code-failures", RecordFiles.cells("case_reference", "CK1", "provision", "stage-1-late"))
                .row("code-failures", RecordFiles.cells("case_reference", "CK1", "provision", "not-signposted"))
                .row("code-failures", RecordFiles.cells("case_reference", "CK2", "provision", "stage-1-late"))
                .row("code-self-assessments", RecordFiles.cells("organisation_code", KNOWSLEY, "reporting_year", "2026-27",
                        "self_assessment_found", "yes", "self_assessment_date", "2026-06-30", "annual_report_found", "yes",
                        "annual_report_date", "2026-07-15", "governance_response_found", "no"))
                .row("code-self-assessments", RecordFiles.cells("organisation_code", LIVERPOOL, "reporting_year", "2026-27",
                        "self_assessment_found", "no", "annual_report_found", "no", "governance_response_found", "no"))
                .row("code-failure-notices", RecordFiles.cells("organisation_code", KNOWSLEY, "issued_date", "2026-11-02",
                        "reason", "No stage 2 in three cases"))
                .row("training-totals", RecordFiles.cells("reporting_year", "2026-27", "workshops", "130", "people_reached", "1900"))
                .importInto(imports);
        letters.loadTemplate(code, Path.of("templates/2026-27.md"));
        letters.write(code, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);

        assertThat(letters.latest(KNOWSLEY, code).orElseThrow().text()).contains(
                "In two of the 3 complaints we investigated, we found your organisation had not followed our Complaint Handling Code (67%",
                "- Stage 1 answer later than 10 working days (20 if extended) (2 cases)",
                "- Not told of the right to come to the Ombudsman (1 case)",
                "We found your organisation's self-assessment against the Code and its annual complaints",
                "but not the response of its governing body to that report",
                "We issued one Complaint Handling Code failure notice to your organisation this year.")
                .containsPattern("Complaint Handling Code failures found: 67%");
        assertThat(letters.latest(LIVERPOOL, code).orElseThrow().text()).contains(
                "In the one complaint we investigated, we did not find that your organisation had failed to follow",
                "We could not find your organisation's self-assessment against the Code.")
                .doesNotContain("failure notice");
        assertThat(letters.latest(SEFTON, code).orElseThrow().text()).contains(
                "We completed no detailed investigations about your organisation this year, so we have no findings")
                .doesNotContain("self-assessment");
        assertThat(letters.latest(KNOWSLEY, YEAR)).as("2019-20: no letter written here").isEmpty();
    }

    @Test
    void everyShippedTemplateWritesEveryCouncilsLetter() {
        for (String file : List.of("2019-20.md", "2021-22.md", "2023-24.md", "2025-26.md", "2026-27.md")) {
            letters.loadTemplate(YEAR, Path.of("templates", file));
            List<Letters.Written> written = letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(),
                    Letters.Progress.NONE);
            assertThat(written).as(file).extracting(Letters.Written::organisationCode).containsExactlyInAnyOrder(LIVERPOOL, KNOWSLEY, SEFTON);
            assertThat(letters.latest(LIVERPOOL, YEAR).orElseThrow().text()).as(file)
                    .contains("Dear Mr Reeves", "Liverpool City Council", "Yours sincerely")
                    .doesNotContain("{{", "{%", "NaN");
        }
    }

    @Test
    void aTemplateComparingWithLastYearsTrainingWritesNoLetterWithoutLastYearsTotalsAndSaysWhichYearAndLine() throws IOException {
        new JdbcTemplate(database.dataSource()).update("delete from training_total where reporting_year = '2018-19'");
        letters.loadTemplate(YEAR, Path.of("templates/2019-20.md"));
        List<String> lines = Files.readAllLines(Path.of("templates/2019-20.md"));
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("scheme.workshopsChange")).findFirst().orElseThrow()) + 1;
        String refusal = "the letters of 2019-20 compare the scheme's training with 2018-19's (2019-20.md, line " + line
                + ": scheme.workshopsChange), and no training totals of 2018-19 are recorded: import them (a training-totals row for"
                + " 2018-19) or take the comparison out of the template";

        assertThatThrownBy(() -> letters.checkWritable(YEAR)).isInstanceOf(Letters.NoTrainingTotals.class).hasMessage(refusal);
        assertThatThrownBy(() -> letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE))
                .isInstanceOf(Letters.NoTrainingTotals.class).hasMessage(refusal)
                .extracting(e -> ((Letters.NoTrainingTotals) e).line()).isEqualTo(line);
        assertThatThrownBy(() -> letters.preview(YEAR, LIVERPOOL, Optional.empty())).isInstanceOf(Letters.NoTrainingTotals.class);
        assertThat(letters.latest(LIVERPOOL, YEAR)).as("no letter written").isEmpty();

        letters.loadTemplate(YEAR, Path.of("templates/2023-24.md"));
        letters.checkWritable(YEAR);
        assertThat(letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE))
                .as("a template comparing with nothing of last year's writes").hasSize(1);
    }

    @Test
    void fewerCoursesThanLastYearReadAsFewerAndNeverAsANegativeIncrease() throws IOException {
        new JdbcTemplate(database.dataSource()).update("update training_total set workshops = 130 where reporting_year = '2018-19'");
        letters.loadTemplate(YEAR, Path.of("templates/2019-20.md"));

        letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);

        assertThat(letters.latest(LIVERPOOL, YEAR).orElseThrow().text().replaceAll("\\s+", " "))
                .contains("This year we delivered 118 courses to more than 1,400 people, 12 courses fewer than the year before.")
                .doesNotContain("-12");
    }

    @Test
    void aBrokenTemplateFailsWithItsLineAndLoadsNothing() throws IOException {
        Path broken = directory.resolve("broken.md");
        Files.writeString(broken, Files.readString(Path.of("templates/2019-20.md")).replace("{{ upheld.average }}", "{{ upheld.averge }}"));
        int line = Arrays.asList(Files.readString(broken).split("\n")).indexOf(
                Arrays.stream(Files.readString(broken).split("\n")).filter(l -> l.contains("upheld.averge")).findFirst().orElseThrow()) + 1;

        assertThatThrownBy(() -> letters.loadTemplate(YEAR, broken))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("broken.md, line " + line + ": unknown field 'upheld.averge'");
        assertThatThrownBy(() -> letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE))
                .isInstanceOf(Letters.NoTemplate.class);
    }

    @Test
    void aTemplateReachingBeyondItsFieldsIsRefusedWithItsLineAndTheLoadedVersionStays() throws IOException {
        String shipped = Files.readString(Path.of("templates/2019-20.md"));
        assertThat(letters.loadTemplate(YEAR, "2019-20.md", shipped).version()).isEqualTo(1);
        List<String> lines = Arrays.asList(shipped.split("\n", -1));
        int line = lines.indexOf("By email") + 1;

        for (String payload : List.of("{% set a=[_context] %}{{ a|first }}", "{{ _context }}", "{{ (1).getLong(\"sun.arch.data.model\") }}",
                "{{ i18n(\"messages\", \"greeting\") }}", "{% for i in range(1,2000000) %}x{% endfor %}", "{{ organisation.class }}",
                "{{ \"x\".getClass().forName(\"java.lang.Runtime\") }}", "{% include \"/etc/passwd\" %}", "{% import \"other.md\" %}",
                "{{ range(1, 100000000) | length }}",
                "{% for a in training.courses %}{% for b in training.courses %}{% for c in training.courses %}x{% endfor %}{% endfor %}{% endfor %}")) {
            String template = shipped.replace("\nBy email\n", "\nBy email " + payload + "\n");

            assertThatThrownBy(() -> letters.loadTemplate(YEAR, "reaching.md", template)).as(payload)
                    .isInstanceOf(BadTemplate.class)
                    .hasMessageStartingWith("reaching.md, line " + line + ": ");
        }
        assertThat(letters.templateSource(YEAR)).contains(shipped);
        assertThat(letters.loadTemplate(YEAR, "2019-20.md", shipped)).as("still version 1, unchanged")
                .extracting(Letters.TemplateLoaded::version, Letters.TemplateLoaded::changed).containsExactly(1, false);
    }

    @Test
    void aLetterWrittenAgainAfterItsDataChangedIsANewVersionAndTheEarlierIsKept() {
        letters.loadTemplate(YEAR, Path.of("templates/2019-20.md"));
        letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
        List<Letters.Written> again = letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(),
                Letters.Progress.NONE);
        assertThat(again.get(0).newVersion()).isFalse();
        String first = letters.latest(LIVERPOOL, YEAR).orElseThrow().text().replaceAll("\\s+", " ");

        new RecordFiles(directory).decision(aDecision("L4").about(LIVERPOOL).upheld().decidedOn("2019-12-01")).importInto(imports);
        List<Letters.Written> changed = letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(),
                Letters.Progress.NONE);

        assertThat(changed.get(0).newVersion()).isTrue();
        assertThat(letters.versions(LIVERPOOL, YEAR)).containsExactly(1, 2);
        assertThat(first).contains("(2 of 3)");
        assertThat(letters.latest(LIVERPOOL, YEAR).orElseThrow().text().replaceAll("\\s+", " ")).contains("(3 of 4)");
    }

    @Test
    void thePdfIsA4WithTheNamesAndFiguresAsTextAndTheSameBytesEachTime() throws IOException {
        letters.loadTemplate(YEAR, Path.of("templates/2019-20.md"));
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.allOf(Letters.Format.class), Optional.of(first), Letters.Progress.NONE);
        letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.allOf(Letters.Format.class), Optional.of(second), Letters.Progress.NONE);

        Path pdf = first.resolve("2019-20/E08000012-liverpool-city-council.pdf");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(Files.readAllBytes(second.resolve("2019-20/E08000012-liverpool-city-council.pdf")));
        assertThat(first.resolve("2019-20/E08000012-liverpool-city-council.html")).content().contains("<html", "Dear Mr Reeves", "<table class=\"chart\">");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Dear Mr Reeves", "Liverpool City Council", "Annual Review letter 2020", "22 July 2020",
                    "For the period ending: 31/03/20", "67%", "Michael King");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(PdfConformance.failures(pdf, "3a")).as("PDF/A-3a").isEmpty();
            assertThat(PdfConformance.failures(pdf, "ua1")).as("PDF/UA-1").isEmpty();
            if (databaseKind.equals("h2")) {
                Path pictures = Files.createDirectories(Path.of("target/letters-png"));
                PDFRenderer renderer = new PDFRenderer(document);
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 80);
                    ImageIO.write(image, "png", pictures.resolve("liverpool-2019-20-page-" + (page + 1) + ".png").toFile());
                }
            }
        }
    }

    @Test
    void aSignatureFileIsSignedWithAboveTheNameAndTheLetterStaysAccessible() throws IOException {
        BufferedImage picture = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D pen = picture.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 120, 40);
        pen.setColor(java.awt.Color.BLUE);
        pen.drawLine(5, 30, 115, 8);
        pen.dispose();
        Path signature = directory.resolve("signature.png");
        ImageIO.write(picture, "png", signature.toFile());
        Statistics statistics = new Statistics(database.dataSource(), Clock.systemUTC());
        Letters signed = new Letters(database.dataSource(), statistics, new Organisations(database.dataSource()), Clock.systemUTC(),
                LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty(), Optional.of(signature)), () -> false, 1);
        signed.loadTemplate(YEAR, Path.of("templates/2019-20.md"));

        signed.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.pdf), Optional.of(directory.resolve("out")), Letters.Progress.NONE);

        Letters.Letter letter = signed.latest(LIVERPOOL, YEAR).orElseThrow();
        assertThat(letter.html()).contains("<img src=\"data:image/png;base64,", "alt=\"Signature of Michael King\"");
        assertThat(letter.text()).contains("Yours sincerely,\n\nMichael King").doesNotContain("data:image");
        Path pdf = directory.resolve("out/2019-20/E08000012-liverpool-city-council.pdf");
        assertThat(PdfConformance.failures(pdf, "ua1")).as("PDF/UA-1").isEmpty();
    }

    @Test
    void theSchemesOwnLogoHeadsEveryPageAndTheLetterStaysAccessible() throws IOException {
        Path logo = directory.resolve("logo.svg");
        Files.writeString(logo, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\">"
                + "<rect width=\"50\" height=\"50\" fill=\"#6f2c91\"/><text x=\"60\" y=\"30\" font-family=\"Liberation Sans\">Ombudsman</text></svg>\n");
        Statistics statistics = new Statistics(database.dataSource(), Clock.systemUTC());
        Letters branded = new Letters(database.dataSource(), statistics, new Organisations(database.dataSource()), Clock.systemUTC(),
                LetterLayout.of("Example Ombudsman", Optional.of(logo)), () -> false, 1);
        branded.loadTemplate(YEAR, Path.of("templates/2023-24.md"));

        branded.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.pdf), Optional.of(directory.resolve("out")), Letters.Progress.NONE);

        assertThat(branded.latest(LIVERPOOL, YEAR).orElseThrow().html()).contains("<svg role=\"img\" aria-label=\"Example Ombudsman\"", "#6f2c91");
        Path pdf = directory.resolve("out/2019-20/E08000012-liverpool-city-council.pdf");
        assertThat(PdfConformance.failures(pdf, "ua1")).as("PDF/UA-1").isEmpty();
        assertThat(PdfConformance.failures(pdf, "3a")).as("PDF/A-3a").isEmpty();
    }

    @Test
    void theSchemesNameLinesAndTheYearsBannerHeadTheLetterOnceInEveryForm() throws IOException {
        Letters ombudsmans = lettersLaidOut(LetterLayout.of(LetterLayout.DEFAULT_SCHEME, Optional.empty()).withNameLines(
                LetterLayout.nameLines("Local Government & | Social Care | OMBUDSMAN")));
        ombudsmans.loadTemplate(YEAR, Path.of("templates/2023-24.md"));   // banner: 50 years 1974 - 2024, placed nowhere in the letter

        ombudsmans.write(YEAR, Optional.of(LIVERPOOL), EnumSet.allOf(Letters.Format.class), Optional.of(directory.resolve("out")),
                Letters.Progress.NONE);

        Letters.Letter letter = ombudsmans.latest(LIVERPOOL, YEAR).orElseThrow();
        assertThat(letter.text()).startsWith("Local Government &\nSocial Care\nOMBUDSMAN\n\n50 years 1974 - 2024\n\n17 July 2020\n\nBy email");
        assertThat(letter.text().split("50 years 1974 - 2024", -1)).as("the banner once").hasSize(2);
        assertThat(letter.html()).contains("<header class=\"letterhead\" aria-label=\"Local Government and Social Care Ombudsman\">"
                + "<p class=\"scheme-name\">Local Government &amp;<br />Social Care<br />OMBUDSMAN</p>"
                + "<p class=\"banner\">50 years 1974 - 2024</p></header>")
                .as("no mark of ours beside the scheme's name").doesNotContain("class=\"mark\"");
        assertThat(letter.html().split("50 years 1974 - 2024", -1)).as("the banner once").hasSize(2);
        Path pdf = directory.resolve("out/2019-20/E08000012-liverpool-city-council.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Local Government & Social Care OMBUDSMAN 50 years 1974 - 2024 17 July 2020");
            assertThat(text.split("50 years 1974 - 2024", -1)).as("the banner once").hasSize(2);
            if (databaseKind.equals("h2")) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
                        Files.createDirectories(Path.of("target/letters-png")).resolve("letterhead-from-settings-page-1.png").toFile());
            }
        }
        assertThat(PdfConformance.failures(pdf, "ua1")).as("PDF/UA-1").isEmpty();
        assertThat(PdfConformance.failures(pdf, "3a")).as("PDF/A-3a").isEmpty();
    }

    @Test
    void aTemplatePlacingTheBannerHasItOnceWhereItIsPlacedAndNotInTheLetterhead() throws IOException {
        String placed = Files.readString(Path.of("templates/2023-24.md")).replace("\nBy email\n", "\nBy email\n\n*{{ letter.banner }}*\n");
        letters.loadTemplate(YEAR, "placed.md", placed);

        letters.write(YEAR, Optional.of(LIVERPOOL), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);

        Letters.Letter letter = letters.latest(LIVERPOOL, YEAR).orElseThrow();
        assertThat(letter.text()).startsWith("17 July 2020\n\nBy email\n\n50 years 1974 - 2024\n\n");
        assertThat(letter.text().split("50 years 1974 - 2024", -1)).as("the banner once").hasSize(2);
        assertThat(letter.html()).contains("<em>50 years 1974 - 2024</em>").doesNotContain("class=\"banner\"")
                .as("without name lines or a logo, our own mark").contains("<span class=\"mark\">AR</span>");
    }

    /**
     * The plain text of chosen councils' letters from the shipped templates, against golden files read and
     * approved by people ({@code -Dgolden.update=true} rewrites them, for a change meant to alter the wording).
     */
    @Test
    void theShippedTemplatesWriteWhatTheGoldenFilesSay() throws IOException {
        for (String template : List.of("2019-20", "2023-24")) {
            letters.loadTemplate(YEAR, Path.of("templates", template + ".md"));
            letters.write(YEAR, Optional.empty(), EnumSet.of(Letters.Format.txt), Optional.empty(), Letters.Progress.NONE);
            for (String council : List.of(LIVERPOOL, SEFTON)) {
                String text = letters.latest(council, YEAR).orElseThrow().text();
                Path golden = Path.of("src/test/resources/letters/golden", council + "-" + YEAR + "-in-" + template + "-style.txt");
                if (Boolean.getBoolean("golden.update")) {
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, text);
                }
                assertThat(text).as(golden.toString()).isEqualTo(Files.readString(golden));
            }
        }
    }

    /** Paragraphs with their whitespace normalised: how the ombudsman's letter and ours are compared. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(p -> p.replaceAll("\\s+", " ").strip()).filter(p -> !p.isEmpty()).toList();
    }
}
