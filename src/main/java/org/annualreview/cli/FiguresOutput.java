package org.annualreview.cli;

import static org.annualreview.cli.TextTable.Align.LEFT;
import static org.annualreview.cli.TextTable.Align.RIGHT;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.demo.DemoLabel;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.statistics.AverageMethod;
import org.annualreview.statistics.Explanation;
import org.annualreview.statistics.FiguresCsv;
import org.annualreview.statistics.FiguresDocument;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.Shown;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.TypeAverage;
import org.annualreview.statistics.YearFigures;

import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a year's figures as a table for people, CSV for spreadsheets, or JSON for programs. */
final class FiguresOutput {

    private static final DateTimeFormatter COMPUTED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm").withZone(ZoneId.systemDefault());

    private FiguresOutput() {
    }

    static void yearTable(PrintWriter out, YearFigures figures, AverageMethod method, boolean synthetic) {
        heading(out, figures, method, synthetic);
        List<String> heading = new java.util.ArrayList<>(List.of("Organisation", "Type", "Dealt with", "Investigated"));
        KeyStatistic.of(figures.year()).stream().map(KeyStatistic::label).forEach(heading::add);
        TextTable.Align[] aligns = new TextTable.Align[heading.size()];
        java.util.Arrays.fill(aligns, LEFT);
        aligns[2] = RIGHT;
        aligns[3] = RIGHT;
        TextTable table = TextTable.of(aligns).row(heading.toArray(String[]::new));
        for (OrganisationFigures f : figures.organisations()) {
            List<String> row = new java.util.ArrayList<>(List.of(f.name(), f.kind().label(), count(f.complaintsAndEnquiries()), count(f.investigated())));
            KeyStatistic.of(figures.year()).stream().map(statistic -> withCounts(statistic, f)).forEach(row::add);
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
        out.println();
        averages(out, figures, method);
        totals(out, figures);
    }

    static void organisationTable(PrintWriter out, YearFigures figures, OrganisationFigures f, AverageMethod method, boolean synthetic) {
        organisationTable(out, figures, f, method, synthetic, java.util.Optional.empty());
    }

    /** The same, followed by the organisation's Complaint Handling Code records when given and the Code is reported for the year. */
    static void organisationTable(PrintWriter out, YearFigures figures, OrganisationFigures f, AverageMethod method, boolean synthetic,
            java.util.Optional<org.annualreview.statistics.CodeFindings> code) {
        heading(out, figures, method, synthetic);
        out.println(f.name() + " (" + f.code() + "), " + f.kind().label());
        f.population().ifPresent(p -> out.printf("Population: %,d (mid-%d estimate)%n", p.residents(), p.midYear()));
        out.println();
        TypeAverage average = f.kind().hasTypeAverage() ? figures.averageFor(f.kind(), method).orElse(null) : null;
        String versus = average == null ? "" : "Average of " + f.kind().plural();
        TextTable keyStatistics = TextTable.of(LEFT, LEFT, LEFT).row("Key statistics", "", versus);
        for (KeyStatistic statistic : KeyStatistic.of(figures.year())) {
            keyStatistics.row(statistic.label(), withCounts(statistic, f),
                    average == null ? "" : statistic.shownAverage(average, statistic.whenUndefined()));
        }
        keyStatistics.print(out);
        out.println();
        out.printf("Complaints and enquiries dealt with: %,d = not for us %,d + assessed and closed %,d + investigated %,d%n",
                f.complaintsAndEnquiries(), f.notForUs(), f.assessedAndClosed(), f.investigated());
        out.println("Decisions by outcome:");
        TextTable outcomes = TextTable.of(LEFT, RIGHT);
        for (Outcome outcome : Outcome.values()) {
            outcomes.row(outcome.label(), count(f.outcomes().get(outcome)));
        }
        outcomes.print(out, "  ");
        out.println("Decisions by service area:");
        TextTable areas = TextTable.of(LEFT, RIGHT);
        for (ServiceArea area : ServiceArea.values()) {
            areas.row(area.label(), count(f.serviceAreas().get(area)));
        }
        areas.print(out, "  ");
        out.printf("Compliance outcomes of %ss due: complied %,d, complied late %,d, not complied %,d; pending %,d%n",
                f.complianceUnit(), f.compliedOnTime(), f.compliedLate(), f.notComplied(), f.compliancePending());
        if (f.complianceByCase()) {
            out.printf("  per recommendation: complied %,d, complied late %,d, not complied %,d; pending %,d%n",
                    f.recommendationsComplied(), f.recommendationsCompliedLate(), f.recommendationsNotComplied(), f.recommendationsPending());
        }
        out.printf("Public reports: %,d. Service improvements agreed: %,d.%n", f.publicReports(), f.serviceImprovements());
        out.printf("Enquiries sent: %,d; answered late: %s; deadline extended: %,d (late even so: %,d); answered incompletely: %,d%n",
                f.lateEnquiries().denominator(), Shown.withCounts(f.lateEnquiries(), Shown.NO_ENQUIRIES), f.extendedEnquiries(),
                f.lateAfterExtension(), f.incompleteEnquiries());
        out.printf("Training delivered: %,d course%s, %,d attendees%n", f.trainingCourses(), f.trainingCourses() == 1 ? "" : "s",
                f.trainingAttendees());
        if (KeyStatistic.CODE_FAILURES.appliesTo(figures.year())) {
            code.ifPresent(c -> codeFindings(out, figures, f, c));
        }
    }

    /** The Code's provisions failed (cases, share of investigations, the type's share), the documents found, the notices. */
    private static void codeFindings(PrintWriter out, YearFigures figures, OrganisationFigures f, org.annualreview.statistics.CodeFindings code) {
        org.annualreview.statistics.CodeFindings.Council council = code.of(f.code());
        out.println();
        out.printf("Complaint Handling Code: failures found in %s%n", withCounts(KeyStatistic.CODE_FAILURES, f));
        if (!council.failures().isEmpty()) {
            TextTable provisions = TextTable.of(LEFT, RIGHT, LEFT, LEFT).row("Provision failed", "Cases", "Of investigations",
                    f.kind().hasTypeAverage() ? "Average of " + f.kind().plural() : "");
            for (org.annualreview.statistics.CodeFindings.Failure failure : council.failures()) {
                provisions.row(failure.provision().label() + " (" + failure.provision().code() + ")", count(failure.cases()),
                        new org.annualreview.shared.Rate(failure.cases(), f.investigated()).describeOr(Shown.NO_INVESTIGATIONS),
                        f.kind().hasTypeAverage() ? code.typeShare(failure.provision().code(), f.kind(), figures).describeOr("none") : "");
            }
            provisions.print(out, "  ");
        }
        council.selfAssessment().ifPresentOrElse(a -> {
            out.println("  Self-assessment: " + found(a.selfAssessment()));
            out.println("  Annual complaints report: " + found(a.annualReport()));
            out.println("  Governance body's response: " + found(a.governanceResponse()));
        }, () -> out.println("  Self-assessment and annual report: no search recorded"));
        out.printf("  Failure notices: %d%n", council.notices().size());
        council.notices().forEach(n -> out.println("    " + n.issuedOn() + ": " + n.reason()));
    }

    private static String found(org.annualreview.statistics.CodeFindings.Document d) {
        return (d.found() ? "found" : "not found") + d.on().map(on -> ", " + on).orElse("") + d.address().map(a -> ", " + a).orElse("");
    }

    private static void heading(PrintWriter out, YearFigures figures, AverageMethod method, boolean synthetic) {
        if (synthetic) {
            out.println("*** " + DemoLabel.BANNER + " ***");
        }
        out.printf("Reporting year %s: %s to %s. Figures computed %s; averages of similar authorities %s.%n%n", figures.year(),
                figures.year().firstDay().format(DateTimeFormatter.ofPattern("d MMMM yyyy")),
                figures.year().lastDay().format(DateTimeFormatter.ofPattern("d MMMM yyyy")),
                COMPUTED.format(figures.computedAt()), method == AverageMethod.POOLED ? "pooled" : "as the mean of councils");
    }

    /** "67% (2 of 3)" for a percentage, a figure per 100,000 alone, or the words when there is nothing to divide by. */
    private static String withCounts(KeyStatistic statistic, OrganisationFigures f) {
        boolean counted = statistic.scale() == KeyStatistic.Scale.PERCENT && statistic.exact(f).isPresent();
        return counted ? statistic.shown(f) + " (" + statistic.count(f) + " of " + statistic.outOf(f) + ")" : statistic.shown(f);
    }

    private static void averages(PrintWriter out, YearFigures figures, AverageMethod method) {
        out.println("Averages of similar authorities (" + method.code() + ")");
        out.println("(- where no council of the type had anything to divide by: no investigations, no recommendations due, no upheld complaints)");
        List<String> heading = new java.util.ArrayList<>(List.of("Type", "Councils"));
        KeyStatistic.of(figures.year()).stream().map(KeyStatistic::label).forEach(heading::add);
        TextTable.Align[] aligns = new TextTable.Align[heading.size()];
        java.util.Arrays.fill(aligns, RIGHT);
        aligns[0] = LEFT;
        TextTable table = TextTable.of(aligns).row(heading.toArray(String[]::new));
        for (Map.Entry<OrganisationKind, TypeAverage> e : figures.averages(method).entrySet()) {
            List<String> row = new java.util.ArrayList<>(List.of(e.getKey().plural(), count(e.getValue().councils())));
            KeyStatistic.of(figures.year()).stream().map(statistic -> statistic.shownAverage(e.getValue(), "-")).forEach(row::add);
            table.row(row.toArray(String[]::new));
        }
        table.print(out);
    }

    private static void totals(PrintWriter out, YearFigures figures) {
        long dealt = 0;
        long investigated = 0;
        long upheld = 0;
        for (OrganisationFigures f : figures.organisations()) {
            dealt += f.complaintsAndEnquiries();
            investigated += f.investigated();
            upheld += f.upheld().numerator();
        }
        out.printf("%nAll organisations: %,d complaints and enquiries dealt with, %,d detailed investigations, %s upheld.%n",
                dealt, investigated, new org.annualreview.shared.Rate(upheld, investigated).describeOr(Shown.NO_INVESTIGATIONS));
    }

    static void csv(PrintWriter out, YearFigures figures, List<OrganisationFigures> shown, AverageMethod method) {
        FiguresCsv.write(out, figures, shown, method);
    }


    static void json(PrintWriter out, YearFigures figures, List<OrganisationFigures> shown, AverageMethod method, boolean synthetic,
            java.util.Optional<org.annualreview.statistics.CodeFindings> code) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        out.println(mapper.writeValueAsString(FiguresDocument.of(figures, shown, method, synthetic, code)));
    }

    static void explanation(PrintWriter out, Explanation e, boolean synthetic) {
        if (synthetic) {
            out.println("*** " + DemoLabel.BANNER + " ***");
        }
        OrganisationFigures f = e.figures();
        out.printf("%s, %s (%s): %s%n", e.year(), f.name(), f.code(), e.measure().description());
        if (e.measure().isRate()) {
            out.printf("Numerator: %,d%n", e.numerator().size());
            e.numerator().forEach(item -> out.println("  " + item));
            out.printf("Denominator: %,d%n", e.denominator().size());
            e.denominator().forEach(item -> out.println("  " + item));
            out.printf("Result: %s%n", new org.annualreview.shared.Rate(e.numerator().size(), e.denominator().size())
                    .describeOr("no rate: nothing in the denominator"));
        } else {
            out.printf("Counted: %,d%n", e.numerator().size());
            e.numerator().forEach(item -> out.println("  " + item));
            e.population().ifPresentOrElse(
                    p -> out.printf("Divided by the mid-%d population estimate, %,d residents: %s per 100,000%n", p.midYear(), p.residents(),
                            new org.annualreview.shared.PerHundredThousand(e.numerator().size(), p.residents()).describeOr("-")),
                    () -> {
                        if (e.measure() == org.annualreview.statistics.Measure.UPHELD_PER_100000) {
                            out.println("No population estimate is recorded: " + Shown.NO_POPULATION);
                        }
                    });
        }
    }

    private static String count(long count) {
        return String.format("%,d", count);
    }
}
