package org.annualreview.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

import org.annualreview.shared.PerHundredThousand;
import org.annualreview.shared.Rate;
import org.annualreview.shared.ReportingYear;

/**
 * The key statistics, defined once: each council's figure compared with the average for its type. Every place that
 * shows them (the site's tables, maps and council pages, the letters' fields and annex, the CSV and JSON, the command
 * line, the workspace) lists them from here, in this order. Each names its {@link Measure} (the tallies of its numerator
 * and its denominator, which are also how the cases counted are listed), its scale, and the words it shows when there is
 * nothing to divide by. Adding a statistic here adds it everywhere; its JSON and CSV names follow from its code.
 */
public enum KeyStatistic {
    UPHELD("upheld", "Complaints upheld", Measure.UPHELD, Scale.PERCENT, Shown.NO_INVESTIGATIONS,
            "%d upheld of %d detailed investigations",
            "Of the detailed investigations we completed, the share in which we found fault (including where the "
                    + "organisation accepted fault before we investigated)."),
    UPHELD_PER_100000("upheld-per-100000", "Upheld complaints per 100,000 residents", Measure.UPHELD_PER_100000,
            Scale.PER_100000, Shown.NO_POPULATION, "%d upheld",
            "Upheld decisions for every 100,000 people living in the area (one decimal place)."),
    COMPLIANCE("compliance", "Compliance with recommendations", Measure.COMPLIANCE, Scale.PERCENT, Shown.NO_RECOMMENDATIONS_DUE,
            "%d complied of %d cases due",
            "Of the cases whose recommendations fell due in the year, the share in which the organisation carried out "
                    + "all we recommended (late included)."),
    SATISFACTORY_REMEDY("satisfactory-remedy", "Satisfactory remedy provided by the authority", Measure.SATISFACTORY_REMEDY,
            Scale.PERCENT, Shown.NO_UPHELD_COMPLAINTS, "%d of %d upheld",
            "Of the complaints we upheld, the share in which the organisation had already offered a suitable remedy "
                    + "before the complaint came to us."),
    CODE_FAILURES("code-failures", "Complaint Handling Code failures found", Measure.CODE_FAILURES, Scale.PERCENT,
            Shown.NO_INVESTIGATIONS, "%d with a failure of %d detailed investigations",
            "Of the detailed investigations we completed, the share in which we found the organisation had not followed our "
                    + "Complaint Handling Code in dealing with the complaint.", ReportingYear.parse("2026-27"));

    /** How a statistic is scaled and rounded when shown: a whole percent, or one decimal per 100,000 residents. */
    public enum Scale {
        PERCENT("%"), PER_100000("");

        private final String unit;

        Scale(String unit) {
            this.unit = unit;
        }

        /** "%" after a percentage, nothing after a figure per 100,000. */
        public String unit() {
            return unit;
        }
    }

    private final String code;
    private final String label;
    private final Measure measure;
    private final Scale scale;
    private final String whenUndefined;
    private final String countsFormat;
    private final String explanation;
    private final ReportingYear firstYear;

    KeyStatistic(String code, String label, Measure measure, Scale scale, String whenUndefined, String countsFormat, String explanation) {
        this(code, label, measure, scale, whenUndefined, countsFormat, explanation, null);
    }

    /** {@code firstYear}: the first reporting year the statistic is published for (null: every year). */
    KeyStatistic(String code, String label, Measure measure, Scale scale, String whenUndefined, String countsFormat, String explanation,
            ReportingYear firstYear) {
        this.firstYear = firstYear;
        this.explanation = explanation;
        this.code = code;
        this.label = label;
        this.measure = measure;
        this.scale = scale;
        this.whenUndefined = whenUndefined;
        this.countsFormat = countsFormat;
    }

    public String code() {
        return code;
    }

    /** What the statistic is, in a sentence for readers (the letters' annex, the site). */
    public String explanation() {
        return explanation;
    }

    public String label() {
        return label;
    }

    /** The figure's tallies, and how the cases it counted are listed ({@code stats --explain CODE}, the site's "cases behind"). */
    public Measure measure() {
        return measure;
    }

    public Scale scale() {
        return scale;
    }

    /** The words shown instead of a figure when there is nothing to divide by ("no investigations"). */
    public String whenUndefined() {
        return whenUndefined;
    }

    /**
     * The tallies this statistic counts in these figures: its measure's, except in a release frozen before compliance
     * was counted per case, whose compliance is the one it published, per recommendation.
     */
    public Measure measureFor(OrganisationFigures f) {
        return measure == Measure.COMPLIANCE && !f.complianceByCase() ? Measure.COMPLIANCE_BY_RECOMMENDATION : measure;
    }

    /** What is counted: the numerator's count. */
    public long count(OrganisationFigures f) {
        return measureFor(f).numerator().stream().mapToLong(f::count).sum();
    }

    /** What the count is out of: the denominator's count, or the residents for a figure per 100,000 (0 without an estimate). */
    public long outOf(OrganisationFigures f) {
        return scale == Scale.PER_100000 ? f.population().map(OrganisationFigures.Population::residents).orElse(0L)
                : measureFor(f).denominator().stream().mapToLong(f::count).sum();
    }

    /** The exact value (a percentage, or a figure per 100,000), empty when there is nothing to divide by. */
    public Optional<BigDecimal> exact(OrganisationFigures f) {
        return exact(count(f), outOf(f));
    }

    private Optional<BigDecimal> exact(long count, long outOf) {
        return scale == Scale.PERCENT ? new Rate(count, outOf).exactPercent() : new PerHundredThousand(count, outOf).exact();
    }

    /** The value as shown: rounded to a whole percent or one decimal, half up. */
    public Optional<BigDecimal> rounded(OrganisationFigures f) {
        return exact(f).map(this::round);
    }

    /** "67%", "2.6", or the words when there is nothing to divide by. */
    public String shown(OrganisationFigures f) {
        return exact(f).map(this::written).orElse(whenUndefined);
    }

    /** The counts behind the figure, in words: "2 upheld of 3 detailed investigations". */
    public String counts(OrganisationFigures f) {
        String format = measureFor(f) == measure ? countsFormat : "%d complied of %d recommendations due";
        return String.format(java.util.Locale.UK, format, count(f), outOf(f));
    }

    /** The type's average of this statistic (exact), empty when nothing could be averaged. */
    public Optional<BigDecimal> average(TypeAverage average) {
        return average.value(this);
    }

    /** The type's average as shown, or {@code whenNone} when nothing could be averaged. */
    public String shownAverage(TypeAverage average, String whenNone) {
        return average(average).map(this::written).orElse(whenNone);
    }

    /** An exact value as shown: "67%", "2.6". */
    private String written(BigDecimal exact) {
        return round(exact).toPlainString() + scale.unit();
    }

    /** Rounded as shown: a whole percent, or one decimal. */
    public BigDecimal round(BigDecimal exact) {
        return exact.setScale(scale == Scale.PERCENT ? 0 : 1, RoundingMode.HALF_UP);
    }

    /** The type average's name in the JSON: "upheldPercent", "upheldPer100000", "compliancePercent". */
    public String averageField() {
        String camel = camel(code);
        return scale == Scale.PERCENT ? camel + "Percent" : camel;
    }

    /** The type average's column in the CSV: "type_upheld_percent", "type_upheld_per_100000". */
    public String averageColumn() {
        String snake = code.replace('-', '_');
        return "type_" + (scale == Scale.PERCENT ? snake + "_percent" : snake);
    }

    /** The type's average worked out over its councils, pooled or as the mean of the councils' own figures. */
    Optional<BigDecimal> averageOver(java.util.List<OrganisationFigures> councils, AverageMethod method) {
        return switch (method) {
            // per 100,000: the upheld of councils with an estimate over their residents
            case POOLED -> exact(councils.stream().filter(f -> outOf(f) > 0 || scale == Scale.PERCENT).mapToLong(this::count).sum(),
                    councils.stream().mapToLong(this::outOf).sum());
            case MEAN_OF_COUNCILS -> {
                var defined = councils.stream().map(this::exact).flatMap(Optional::stream).toList();
                yield defined.isEmpty() ? Optional.empty()
                        : Optional.of(defined.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(defined.size()), 10, RoundingMode.HALF_UP));
            }
        };
    }

    /**
     * Whether the statistic is published for the year: the Complaint Handling Code's from 2026-27, when the ombudsman began
     * to consider the Code in its casework; before it, no council's figure would mean anything (and 0% would mislead).
     */
    public boolean appliesTo(ReportingYear year) {
        return firstYear == null || year.compareTo(firstYear) >= 0;
    }

    /** The key statistics published for the year, in their order. */
    public static java.util.List<KeyStatistic> of(ReportingYear year) {
        return Arrays.stream(values()).filter(s -> s.appliesTo(year)).toList();
    }

    public static Optional<KeyStatistic> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    private static String camel(String code) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : code.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
