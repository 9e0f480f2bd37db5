package org.annualreview.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.annualreview.organisations.Contact;
import org.annualreview.organisations.ContactRole;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.FiguresDocument;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Statistics;
import org.annualreview.statistics.YearFigures;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Annual Review letters: each year's template is loaded and checked, then every council's letter is written
 * from the year's stored figures, as plain text, HTML and PDF, and kept in the archive, a new version whenever
 * what it says has changed.
 */
public final class Letters {

    /**
     * The Content-Security-Policy of a letter as a web page (on the site and in the workspace): a document of its own,
     * as archived, with its styles inline and its logo a data: image, and nothing else at all (no script, no request).
     */
    public static final String WEB_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'none'";

    public enum Format { pdf, html, txt }

    /**
     * A template as loaded: the year's version that now holds it, whether it differs from the one before, and the
     * year's publication date if loading it moved that date (an administrator's template setting it), before and after.
     */
    public record TemplateLoaded(ReportingYear year, int version, boolean changed, String file, Optional<PublicationDateMoved> publicationDate) {

        TemplateLoaded(ReportingYear year, int version, boolean changed, String file) {
            this(year, version, changed, file, Optional.empty());
        }
    }

    /** A year's publication date moved: from the day before (none for a first) to the day after. */
    public record PublicationDateMoved(Optional<java.time.LocalDate> before, java.time.LocalDate after) {

        /** The day before, as the audit log writes a date (24 July 2024); none for a first. */
        public Optional<String> beforeInWords() {
            return before.map(LetterFieldsFactory::day);
        }

        public String afterInWords() {
            return LetterFieldsFactory.day(after);
        }
    }

    /**
     * Who loads a template or sets a publication date, and whether they may set publication dates: administrators and
     * the operator at the command line may; analysts load wording only.
     */
    public record Actor(String name, boolean setsPublicationDates) {

        /** The operator at the command line, who may do anything the database lets them. */
        public static Actor operator() {
            return new Actor(org.annualreview.audit.AuditLog.commandLine(), true);
        }
    }

    /** One letter written: the archive version that holds it, whether that version is new, and the files written. */
    public record Written(String organisationCode, String organisationName, int version, boolean newVersion, List<Path> files) {
    }

    /** A letter as the archive keeps it. */
    public record Letter(String organisationCode, ReportingYear year, int version, int templateVersion, String text, String html,
            byte[] pdf) {

        /**
         * The letter's web page as a browser shows it: as kept, with a viewport line added to its head so that a phone
         * lays it out at its own width, and on a narrow screen the charts' bars (drawn in millimetres, for paper) left out
         * beside the figures they draw (the letter's words and the kept page are unchanged; letters written before it had
         * none).
         */
        public String htmlForScreens() {
            if (html.contains("name=\"viewport\"")) {
                return html;
            }
            // at the end of the head: after the letter's own styles, which it overrides on narrow screens only
            return html.replaceFirst("</head>", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                    + "<style>@media screen and (max-width: 40em) { body { margin: 0 8px; overflow-wrap: anywhere; }"
                    + " table.chart th { width: auto; } table.chart td.bars { display: none; } }"
                    + "</style>\n</head>");
        }
    }

    /**
     * The latest version of one organisation's letter of a year as staff review it: the template version it was
     * written from, when, who approved that version and when (empty while it awaits approval), and the latest version
     * approved, this one or an earlier (empty if none ever was).
     */
    public record Review(String organisationCode, String organisationName, int version, int templateVersion, Instant writtenAt,
            Optional<String> approvedBy, Optional<Instant> approvedAt, Optional<Integer> lastApproved) {

        public boolean awaitingApproval() {
            return approvedBy.isEmpty();
        }

        /**
         * The version staff compare the latest with before approving it: the latest approved if an earlier one is,
         * else the one before; empty for a letter with one version.
         */
        public Optional<Integer> comparedWith() {
            if (version <= 1) {
                return Optional.empty();
            }
            return Optional.of(lastApproved.filter(v -> v < version).orElse(version - 1));
        }

        /** Whether the words given (any case) are part of the organisation's name or code; blank words match every one. */
        public boolean matches(String words) {
            String wanted = words.strip().toLowerCase(Locale.UK);
            return organisationName.toLowerCase(Locale.UK).contains(wanted) || organisationCode.toLowerCase(Locale.UK).contains(wanted);
        }
    }

    /** Told of each letter as it is done. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void done(int letters, int total);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Letters.class);

    private final DataSource dataSource;
    private final Statistics statistics;
    private final Organisations organisations;
    private final LetterArchive archive;
    private final PublicationDates publicationDates;
    private final Clock clock;
    private final LetterLayout layout;
    private final BooleanSupplier syntheticData;
    private final int threads;

    public Letters(DataSource dataSource, Statistics statistics, Organisations organisations, Clock clock, LetterLayout layout,
            BooleanSupplier syntheticData, int threads) {
        this.dataSource = dataSource;
        this.statistics = statistics;
        this.organisations = organisations;
        this.archive = new LetterArchive(dataSource);
        this.publicationDates = new PublicationDates(dataSource);
        this.clock = clock;
        this.layout = layout;
        this.syntheticData = syntheticData;
        this.threads = Math.max(1, threads);
    }

    /** Checks a template (throws {@link BadTemplate} with its line) and keeps it as the year's latest, as the operator. */
    public TemplateLoaded loadTemplate(ReportingYear year, Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return loadTemplate(year, file.getFileName().toString(), source, Actor.operator());
    }

    public TemplateLoaded loadTemplate(ReportingYear year, String fileName, String source) {
        return loadTemplate(year, fileName, source, Actor.operator());
    }

    /**
     * Checks a template and keeps it as the year's latest. A {@code publication-date:} setting in it that differs from
     * the year's publication date sets that date, which only an actor who sets publication dates may do (else
     * {@link PublicationDateNotYours}, and nothing changes); it may not come before the letters' date. The caller's
     * transaction holds both changes.
     */
    public TemplateLoaded loadTemplate(ReportingYear year, String fileName, String source, Actor actor) {
        LetterTemplate compiled = LetterTemplate.compile(fileName, source);
        TemplateSettings settings = compiled.settings();
        Optional<PublicationDateMoved> moved = Optional.empty();
        if (settings.publicationDate().isPresent()) {
            java.time.LocalDate day = settings.publicationDate().get().in(year);
            java.time.LocalDate letterDate = settings.letterDate().in(year);
            if (day.isBefore(letterDate)) {
                throw new BadTemplate(fileName, settings.publicationDateLine(), "the publication date " + day + " is before the letters' date "
                        + letterDate + ": the letters go out first");
            }
            Optional<java.time.LocalDate> current = publicationDates.of(year);
            if (!current.equals(Optional.of(day))) {
                if (!actor.setsPublicationDates()) {
                    throw new PublicationDateNotYours(fileName, settings.publicationDateLine(), day, current);
                }
                refuseIfPublished(year, current);
                publicationDates.set(year, day, actor.name(), clock.instant());
                moved = Optional.of(new PublicationDateMoved(current, day));
            }
        }
        int before = archive.latestTemplate(year).map(LetterArchive.StoredTemplate::version).orElse(0);
        LetterArchive.StoredTemplate stored = archive.storeTemplate(year, fileName, source, clock.instant());
        return new TemplateLoaded(year, stored.version(), stored.version() != before, fileName, moved);
    }

    /**
     * A template loaded by someone who does not set publication dates, whose {@code publication-date:} differs from the
     * year's: setting the day a year goes public is an administrator's act, whatever the path.
     */
    public static final class PublicationDateNotYours extends RuntimeException {
        private final int line;

        PublicationDateNotYours(String file, int line, java.time.LocalDate day, Optional<java.time.LocalDate> current) {
            super(file + ", line " + line + ": the publication date is set by an administrator; this template says " + day + " but the year's is "
                    + current.map(Object::toString).orElse("not set yet") + ": write " + current.map(d -> "publication-date: " + d)
                            .orElse("no publication-date line") + ", or ask an administrator");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** A paragraph staff add to one organisation's letter of one year ({@code {{ note }}}); blank removes it. */
    /** The paragraph kept for one organisation's letter of the year ({{ note }}), if any. */
    public Optional<String> note(ReportingYear year, String organisation) {
        return Optional.of(archive.note(organisations.find(organisation).code(), year)).filter(note -> !note.isEmpty());
    }

    public void setNote(ReportingYear year, String organisation, String note) {
        archive.setNote(organisations.find(organisation).code(), year, note);
    }

    public Optional<Letter> latest(String organisation, ReportingYear year) {
        return latestByCode(organisations.find(organisation).code(), year);
    }

    /** The day the year's figures and letters go public, as an administrator set it; none until then. */
    public Optional<java.time.LocalDate> publicationDate(ReportingYear year) {
        return publicationDates.of(year);
    }

    /** The date on the year's letters, from the settings of its latest template; none without one. */
    public Optional<java.time.LocalDate> letterDate(ReportingYear year) {
        return archive.latestTemplate(year)
                .map(t -> TemplateSettings.split(t.fileName(), t.source()).settings().letterDate().in(year));
    }

    /**
     * Sets the day the year's figures and letters go public, as the operator. See {@link #setPublicationDate(ReportingYear,
     * java.time.LocalDate, Actor)}.
     */
    public TemplateLoaded setPublicationDate(ReportingYear year, java.time.LocalDate day) {
        return setPublicationDate(year, day, Actor.operator());
    }

    /**
     * Sets the day the year's figures and letters go public (an administrator's act: anyone else is refused with
     * {@link PublicationDateNotYours}). If the latest template has a {@code publication-date:} line, it is written anew
     * as the whole date and the template kept as a new version, so that its wording and the date agree. The same day
     * again changes nothing. Letters already written keep the date they give. The caller's transaction holds it all.
     *
     * @throws NoTemplate if the year has no template
     * @throws PublicationBeforeLetters if the day is before the letters' date: the letters go out first
     */
    public TemplateLoaded setPublicationDate(ReportingYear year, java.time.LocalDate day, Actor actor) {
        LetterArchive.StoredTemplate latest = archive.latestTemplate(year).orElseThrow(() -> new NoTemplate(year));
        TemplateSettings settings = TemplateSettings.split(latest.fileName(), latest.source()).settings();
        java.time.LocalDate letterDate = settings.letterDate().in(year);
        if (day.isBefore(letterDate)) {
            throw new PublicationBeforeLetters(day, letterDate);
        }
        Optional<java.time.LocalDate> current = publicationDates.of(year);
        if (!actor.setsPublicationDates()) {
            throw new PublicationDateNotYours(latest.fileName(), settings.publicationDateLine(), day, current);
        }
        if (current.equals(Optional.of(day))) {
            return new TemplateLoaded(year, latest.version(), false, latest.fileName());
        }
        refuseIfPublished(year, current);
        publicationDates.set(year, day, actor.name(), clock.instant());
        int version = latest.version();
        if (settings.publicationDate().isPresent()) {
            version = archive.storeTemplate(year, latest.fileName(), TemplateSettings.withPublicationDate(latest.source(), day), clock.instant())
                    .version();
        }
        return new TemplateLoaded(year, version, true, latest.fileName(), Optional.of(new PublicationDateMoved(current, day)));
    }

    /** A published year's date is not moved: moving it later would take the year off the site, which is withdrawing it. */
    private void refuseIfPublished(ReportingYear year, Optional<java.time.LocalDate> current) {
        if (came(current) && publicationDates.released(year)) {
            throw new AlreadyPublished(year, current.get());
        }
    }

    /** Whether a publication day is set and has come, in UK time. */
    private boolean came(Optional<java.time.LocalDate> day) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        return day.filter(d -> !today.isBefore(d)).isPresent();
    }

    /** A published year, whose publication date stays as it was: taking it off the site is withdrawing it, its own act. */
    public static final class AlreadyPublished extends RuntimeException {
        AlreadyPublished(ReportingYear year, java.time.LocalDate since) {
            super(year + " is public since " + since.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
                    + ": a published year's date is not moved; to take it off the site, withdraw it (with the reason)");
        }
    }

    /** A published year taken off the site: when, by whom and why. */
    public record Withdrawal(Instant at, String by, String reason) {
    }

    /** Whether the year is public or was: published (it has a release) and its publication day come (UK time), withdrawn since or not. */
    public boolean publicationDayCame(ReportingYear year) {
        return came(publicationDates.of(year)) && publicationDates.released(year);
    }

    /** The year's withdrawal, if it was withdrawn. */
    public Optional<Withdrawal> withdrawal(ReportingYear year) {
        return publicationDates.withdrawal(year);
    }

    /** A year that cannot be withdrawn: not yet public, or withdrawn already. */
    public static final class NotWithdrawable extends RuntimeException {
        NotWithdrawable(String why) {
            super(why);
        }
    }

    /**
     * Withdraws a published year from the public site, as an administrator (or the operator), with the reason; the
     * caller's transaction holds it with its audit entry. Its records, letters and date stay as they were.
     *
     * @throws NotWithdrawable if the year is not public (no date, or its day has not come) or is withdrawn already
     */
    public Withdrawal withdraw(ReportingYear year, String reason, Actor actor) {
        if (!actor.setsPublicationDates()) {
            throw new NotWithdrawable("withdrawing a published year is an administrator's act");
        }
        if (reason.isBlank()) {
            throw new NotWithdrawable("give the reason the year is withdrawn: the public will read it");
        }
        if (!publicationDayCame(year)) {
            throw new NotWithdrawable(year + " is not public: there is nothing to withdraw");
        }
        Withdrawal withdrawal = new Withdrawal(clock.instant(), actor.name(), reason.strip());
        if (!publicationDates.withdraw(year, withdrawal.by(), withdrawal.at(), withdrawal.reason())) {
            throw new NotWithdrawable(year + " was withdrawn already");
        }
        return withdrawal;
    }

    /** A publication date before the date of the letters: councils have their letter before the public sees it. */
    public static final class PublicationBeforeLetters extends RuntimeException {
        private final java.time.LocalDate letterDate;

        PublicationBeforeLetters(java.time.LocalDate day, java.time.LocalDate letterDate) {
            super("the publication date " + day + " is before the letters' date " + letterDate + ": the letters go out first");
            this.letterDate = letterDate;
        }

        public java.time.LocalDate letterDate() {
            return letterDate;
        }
    }

    /**
     * Approves for sending the latest version of the year's letters (of one organisation, or every one); a letter
     * written again afterwards is a new version and needs approving again. Returns how many were approved now.
     */
    public int approve(ReportingYear year, Optional<String> organisation, String approvedBy) {
        return archive.approveLatest(year, organisation.map(o -> organisations.find(o).code()), approvedBy, clock.instant());
    }

    /**
     * Approves the latest version of every letter of the year written no later than {@code writtenBy}: the letters
     * staff were shown when they confirmed. A letter written again since is left awaiting approval.
     */
    public int approveAll(ReportingYear year, Instant writtenBy, String approvedBy) {
        return archive.approveLatest(year, Optional.empty(), Optional.of(writtenBy), approvedBy, clock.instant());
    }

    /** The codes of the organisations whose latest letter of the year is approved for sending. */
    public List<String> approved(ReportingYear year) {
        return archive.approvedLatest(year);
    }

    /** The latest version of every letter of the year, by organisation name, each with its approval if that version has one. */
    public List<Review> review(ReportingYear year) {
        Map<String, String> names = new HashMap<>();
        organisations.all().forEach(o -> names.put(o.code(), o.name()));
        return archive.reviewLatest(year).stream()
                .map(r -> review(r, names.getOrDefault(r.organisationCode(), r.organisationCode())))
                .sorted(java.util.Comparator.comparing(Review::organisationName).thenComparing(Review::organisationCode))
                .toList();
    }

    /** The latest version of one organisation's letter of the year and its approval, if it has a letter. */
    public Optional<Review> review(String code, ReportingYear year) {
        return archive.reviewLatest(year, Optional.of(code)).stream().findFirst()
                .map(r -> review(r, organisations.byCode(code).map(Organisation::name).orElse(code)));
    }

    private static Review review(LetterArchive.StoredReview stored, String name) {
        return new Review(stored.organisationCode(), name, stored.version(), stored.templateVersion(), stored.generatedAt(), stored.approvedBy(),
                stored.approvedAt(), stored.lastApproved());
    }

    /**
     * One version of a letter as staff compare it with another: its words as plain text, the template it was written
     * from (version, file and when it was loaded), when its figures were computed and it was written, and who approved
     * it and when, if anyone did.
     */
    public record Version(int version, int templateVersion, String templateFile, Instant templateLoadedAt, Instant figuresComputedAt,
            Instant writtenAt, String text, Optional<String> approvedBy, Optional<Instant> approvedAt) {
    }

    /** One version of an organisation's letter of the year, by its code, to compare; empty if there is no such version. */
    public Optional<Version> versionToCompare(String code, ReportingYear year, int version) {
        return archive.versionToCompare(code, year, version).map(v -> new Version(v.version(), v.templateVersion(), v.templateFile(),
                v.templateLoadedAt(), v.figuresComputedAt(), v.generatedAt(), v.text(), v.approvedBy(), v.approvedAt()));
    }

    /** The years an organisation has a letter of, latest first, published or not. */
    public List<ReportingYear> yearsWithLetters(String code) {
        return archive.yearsOf(code);
    }

    /** The years with any letter written, latest first. */
    public List<ReportingYear> yearsWithLettersOfAnyOrganisation() {
        return archive.years();
    }

    /** The codes of the organisations with a letter of the year. */
    public List<String> organisationsWithLetters(ReportingYear year) {
        return archive.organisationsOf(year);
    }

    /** The latest letter of an organisation and year, by the organisation's code. */
    public Optional<Letter> latestByCode(String code, ReportingYear year) {
        return archive.latestLetter(code, year).map(l -> new Letter(l.organisationCode(), year, l.version(), l.templateVersion(),
                l.text(), l.html(), l.pdf()));
    }

    /** One version of a letter, by the organisation's code: the version a release published. */
    public Optional<Letter> version(String code, ReportingYear year, int version) {
        return archive.letter(code, year, version).map(l -> new Letter(l.organisationCode(), year, l.version(), l.templateVersion(),
                l.text(), l.html(), l.pdf()));
    }

    public List<Integer> versions(String organisation, ReportingYear year) {
        return archive.versions(organisations.find(organisation).code(), year);
    }

    /**
     * Writes the letters of a year, of every council with figures in it or of one organisation, in parallel; keeps
     * each in the archive and, given a folder, writes the chosen formats there as {@code 2023-24/E08000011-knowsley.pdf}.
     */
    public List<Written> write(ReportingYear year, Optional<String> organisation, Set<Format> formats, Optional<Path> folder,
            Progress progress) {
        return write(year, organisation, formats, folder, progress, Set.of(), written -> { });
    }

    /**
     * Writes every council's letter of the year into the archive, as a writing job does: leaving out the councils
     * named (written by the job's earlier attempt), each letter told to {@code kept} once the archive holds it.
     */
    public List<Written> writeAll(ReportingYear year, Set<String> leaveOut, java.util.function.Consumer<Written> kept) {
        return write(year, Optional.empty(), EnumSet.of(Format.pdf), Optional.empty(), Progress.NONE, leaveOut, kept);
    }

    /** The councils whose letters a writing of the year writes, by code: those with figures and a type average. */
    public List<String> toWrite(ReportingYear year) {
        return councils(statistics.figures(year)).map(OrganisationFigures::code).toList();
    }

    /** The councils of the year's figures that are sent a letter: those of a type with an average. */
    private static java.util.stream.Stream<OrganisationFigures> councils(YearFigures figures) {
        return figures.organisations().stream().filter(f -> f.kind().hasTypeAverage());
    }

    /**
     * What writing the year's letters needs before it begins: a template that compiles, a publication date, and last
     * year's training totals if the template compares with them. Throws {@link NoTemplate}, {@link BadTemplate},
     * {@link NoPublicationDate} or {@link NoTrainingTotals} if one is missing.
     */
    public void checkWritable(ReportingYear year) {
        LetterArchive.StoredTemplate stored = archive.latestTemplate(year).orElseThrow(() -> new NoTemplate(year));
        LetterTemplate template = LetterTemplate.compile(stored.fileName(), stored.source());
        publicationDates.of(year).orElseThrow(() -> new NoPublicationDate(year));
        refuseComparisonsWithoutLastYear(year, template, YearData.schemeTotals(new JdbcTemplate(dataSource), year));
    }

    /**
     * A template naming a comparison with last year's training ({@code scheme.moreWorkshopsThanLastYear}…) cannot write a
     * letter without last year's totals: it would compare with nothing ("118 more courses").
     */
    private static void refuseComparisonsWithoutLastYear(ReportingYear year, LetterTemplate template, LetterFieldsFactory.SchemeTotals scheme) {
        if (scheme.workshopsLastYear().isPresent()) {
            return;
        }
        LetterFields.Scheme.LAST_YEAR_FIELDS.stream().filter(field -> template.lineNaming(field).isPresent())
                .min(java.util.Comparator.comparingInt(field -> template.lineNaming(field).getAsInt()))
                .ifPresent(field -> {
                    throw new NoTrainingTotals(year, template.file(), template.lineNaming(field).getAsInt(), field);
                });
    }

    private List<Written> write(ReportingYear year, Optional<String> organisation, Set<Format> formats, Optional<Path> folder,
            Progress progress, Set<String> leaveOut, java.util.function.Consumer<Written> kept) {
        LetterArchive.StoredTemplate stored = archive.latestTemplate(year).orElseThrow(() -> new NoTemplate(year));
        LetterTemplate template = LetterTemplate.compile(stored.fileName(), stored.source());
        String publicationDay = LetterFieldsFactory.day(publicationDates.of(year).orElseThrow(() -> new NoPublicationDate(year)));
        YearFigures figures = statistics.figures(year);
        Map<String, Organisation> register = new HashMap<>();
        organisations.all().forEach(o -> register.put(o.code(), o));
        List<OrganisationFigures> chosen = organisation.isPresent()
                ? List.of(figures.of(organisations.find(organisation.get()).code()).orElseThrow(() -> new IllegalArgumentException(
                        organisation.get() + " has no figures in " + year + ": it did not exist then and had no decisions")))
                : councils(figures).filter(f -> !leaveOut.contains(f.code())).toList();
        YearData data = YearData.read(new JdbcTemplate(dataSource), organisations, year);
        refuseComparisonsWithoutLastYear(year, template, data.scheme());
        boolean synthetic = syntheticData.getAsBoolean();

        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, chosen.size())));
        try {
            List<Future<Written>> pending = new ArrayList<>();
            for (OrganisationFigures f : chosen) {
                pending.add(pool.submit(() -> {
                    Written written = writeOne(year, stored, template, publicationDay, figures, f, register.get(f.code()), data, synthetic,
                            formats, folder);
                    kept.accept(written);
                    return written;
                }));
            }
            List<Written> written = new ArrayList<>();
            for (Future<Written> each : pending) {
                written.add(each.get());
                progress.done(written.size(), pending.size());
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing letters", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Written writeOne(ReportingYear year, LetterArchive.StoredTemplate stored, LetterTemplate template, String publicationDay,
            YearFigures figures, OrganisationFigures f, Organisation organisation, YearData data, boolean synthetic, Set<Format> formats,
            Optional<Path> folder) throws IOException {
        LetterDocument document = document(year, template, publicationDay, figures, f, organisation, data, synthetic);
        byte[] pdf = PdfLetter.render(document.html(), template.settings().letterDate().in(year));
        String json = JSON.writeValueAsString(FiguresDocument.of(figures, List.of(f), AverageMethod.POOLED, synthetic));
        int before = archive.latestVersion(f.code(), year);
        int version = archive.store(new LetterArchive.StoredLetter(f.code(), year, 0, stored.version(), figures.computedAt(), json,
                document.text(), document.html(), pdf, clock.instant()));
        LOG.debug("{} letter of {}: {} {}", year, f.code(), version != before ? "stored as version" : "as before, version", version);
        List<Path> files = new ArrayList<>();
        if (folder.isPresent()) {
            Path directory = Files.createDirectories(folder.get().resolve(year.toString()));
            String stem = f.code() + "-" + slug(f.name());
            for (Format format : EnumSet.copyOf(formats)) {
                Path file = directory.resolve(stem + "." + format.name());
                switch (format) {
                    case pdf -> Files.write(file, pdf);
                    case html -> Files.writeString(file, document.html());
                    case txt -> Files.writeString(file, document.text());
                }
                files.add(file);
            }
        }
        return new Written(f.code(), f.name(), version, version != before, files);
    }

    private LetterDocument document(ReportingYear year, LetterTemplate template, String publicationDay, YearFigures figures,
            OrganisationFigures f, Organisation organisation, YearData data, boolean synthetic) {
        Optional<Contact> chiefExecutive = data.contacts(f.code()).stream().filter(c -> c.role() == ContactRole.CHIEF_EXECUTIVE).findFirst();
        LetterFields fields = LetterFieldsFactory.of(organisation, chiefExecutive, year, f,
                figures.averageFor(f.kind(), AverageMethod.POOLED), data.courses(f.code()), data.code(f.code()), data.scheme(), template.settings(),
                publicationDay, data.note(f.code()), layout.signatureImage());
        return LetterDocument.of(template.render(fields), fields, layout.withBanner(bannerInLetterhead(template)), synthetic);
    }

    /**
     * The year's banner goes in the letterhead, unless the template places {@code {{ letter.banner }}} itself: then it is
     * where the template puts it, and only there.
     */
    private static Optional<String> bannerInLetterhead(LetterTemplate template) {
        return template.lineNaming("letter.banner").isPresent() ? Optional.empty() : template.settings().banner();
    }

    /**
     * One organisation's letter as a web page, made from the year's loaded template or from the template text given
     * (a draft being edited), with today's figures; nothing is stored. A draft with a problem throws
     * {@link BadTemplate} with its line.
     */
    public String preview(ReportingYear year, String organisation, Optional<String> draft) {
        LetterTemplate template = draft.map(source -> LetterTemplate.compile("draft", source.replace("\r\n", "\n")))
                .orElseGet(() -> archive.latestTemplate(year).map(t -> LetterTemplate.compile(t.fileName(), t.source()))
                        .orElseThrow(() -> new NoTemplate(year)));
        YearFigures figures = statistics.figures(year);
        Organisation found = organisations.find(organisation);
        OrganisationFigures f = figures.of(found.code()).orElseThrow(() -> new IllegalArgumentException(
                found.name() + " has no figures in " + year + ": it did not exist then and had no decisions"));
        String publicationDay = template.settings().publicationDate().map(d -> d.in(year)).or(() -> publicationDates.of(year))
                .map(LetterFieldsFactory::day).orElse("[the publication date, once an administrator sets it]");
        YearData data = YearData.read(new JdbcTemplate(dataSource), organisations, year);
        refuseComparisonsWithoutLastYear(year, template, data.scheme());
        return document(year, template, publicationDay, figures, f, found, data, syntheticData.getAsBoolean()).html();
    }

    /**
     * Markdown (an email's body) as the letters' plain text writes it: emphasis and HTML tags dropped, their words kept,
     * links as the setting says ({@link LetterLayout.PlainTextLinks}).
     */
    public String plainText(String markdown) {
        return PlainText.of(markdown, layout.plainTextLinks());
    }

    /** The source of the year's loaded template, if one is loaded. */
    public Optional<String> templateSource(ReportingYear year) {
        return archive.latestTemplate(year).map(LetterArchive.StoredTemplate::source);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.UK).replace("&", "and").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** The year has no template loaded. */
    public static final class NoTemplate extends RuntimeException {
        NoTemplate(ReportingYear year) {
            super("no letter template is loaded for " + year + ": load one first (the project's templates folder has ours for each"
                    + " style of letter)");
        }
    }

    /** The year has no publication date yet, which its letters tell councils: an administrator sets it first. */
    public static final class NoPublicationDate extends RuntimeException {
        NoPublicationDate(ReportingYear year) {
            super(year + " has no publication date yet, and its letters say when the figures go public: an administrator sets it"
                    + " (on the workspace's publication date page, or with a publication-date line in the template loaded)");
        }
    }

    /**
     * The year's template compares the scheme's training with last year's ({@code scheme.moreWorkshopsThanLastYear} and the
     * like), and last year's training totals are not recorded: the letters would compare with nothing.
     */
    public static final class NoTrainingTotals extends RuntimeException {
        private final int line;

        NoTrainingTotals(ReportingYear year, String file, int line, String field) {
            super("the letters of " + year + " compare the scheme's training with " + year.previous() + "'s (" + file + ", line " + line
                    + ": " + field + "), and no training totals of " + year.previous() + " are recorded: import them (a training-totals row"
                    + " for " + year.previous() + ") or take the comparison out of the template");
            this.line = line;
        }

        /** The template's line naming the comparison. */
        public int line() {
            return line;
        }
    }

    /** What every letter of a year reads besides its figures: contacts, courses, notes and the scheme's totals. */
    private record YearData(Map<String, List<Contact>> contacts, Map<String, List<String>> courses, Map<String, String> notes,
            LetterFieldsFactory.SchemeTotals scheme, org.annualreview.statistics.CodeFindings code) {

        static YearData read(JdbcTemplate jdbc, Organisations organisations, ReportingYear year) {
            Map<String, List<Contact>> contacts = organisations.allContacts();
            Map<String, List<String>> courses = new HashMap<>();
            jdbc.query("select organisation_code, course from training_course where reporting_year = ? order by delivered_on, course",
                    rs -> {
                        List<String> list = courses.computeIfAbsent(rs.getString(1), c -> new ArrayList<>());
                        if (!list.contains(rs.getString(2))) {
                            list.add(rs.getString(2));
                        }
                    }, year.toString());
            Map<String, String> notes = new HashMap<>();
            jdbc.query("select organisation_code, note from letter_note where reporting_year = ?",
                    rs -> {
                        notes.put(rs.getString(1), rs.getString(2));
                    }, year.toString());
            return new YearData(contacts, courses, notes, schemeTotals(jdbc, year),
                    new org.annualreview.statistics.CodeRecords(jdbc.getDataSource()).of(year));
        }

        org.annualreview.statistics.CodeFindings.Council code(String organisation) {
            return code.of(organisation);
        }

        /** The scheme's training totals of the year (zero when not recorded) and last year's workshops, if recorded. */
        static LetterFieldsFactory.SchemeTotals schemeTotals(JdbcTemplate jdbc, ReportingYear year) {
            long[] totals = new long[2];
            java.util.OptionalLong[] lastYear = {java.util.OptionalLong.empty()};
            jdbc.query("select reporting_year, workshops, people_reached from training_total where reporting_year in (?, ?)", rs -> {
                if (rs.getString(1).equals(year.toString())) {
                    totals[0] = rs.getLong(2);
                    totals[1] = rs.getLong(3);
                } else {
                    lastYear[0] = java.util.OptionalLong.of(rs.getLong(2));
                }
            }, year.toString(), year.previous().toString());
            return new LetterFieldsFactory.SchemeTotals(totals[0], totals[1], lastYear[0]);
        }

        List<Contact> contacts(String code) {
            return contacts.getOrDefault(code, List.of());
        }

        List<String> courses(String code) {
            return courses.getOrDefault(code, List.of());
        }

        String note(String code) {
            return notes.getOrDefault(code, "");
        }
    }
}
