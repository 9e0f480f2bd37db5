package org.annualreview.demo;

import java.util.List;
import java.util.Map;

import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;

/** How many decisions each year has, and how a year's decisions are shared among the organisations. */
final class Volumes {

    /** A body that serves no area of its own counts as this many residents' worth of complaints. */
    private static final double RESIDENTS_OF_A_BODY = 25_000;

    private Volumes() {
    }

    /**
     * Decisions per year, first year first: the published volumes, or, when {@code total} is above 0,
     * exactly {@code total} shared among the years in the same proportions.
     */
    static long[] perYear(List<ReportingYear> years, long total) {
        double[] published = years.stream().mapToDouble(y -> YearProfile.of(y).decisions()).toArray();
        if (total <= 0) {
            long[] counts = new long[years.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = (long) published[i];
            }
            return counts;
        }
        return share(total, published);
    }

    /**
     * A year's decisions per organisation (in the order given): in proportion to residents, weighted by
     * the kind of council (a county or district hears about only its own services), the organisation's
     * {@link Traits#volume()}, a little noise for the year, and the part of the year it existed for.
     */
    static long[] perOrganisation(long total, List<Organisation> organisations, ReportingYear year, Map<String, Traits> traits,
            Chance chance) {
        double[] weights = new double[organisations.size()];
        for (int i = 0; i < weights.length; i++) {
            Organisation o = organisations.get(i);
            double residents = o.residents() > 0 ? o.residents() * perResident(o.kind()) : RESIDENTS_OF_A_BODY;
            double noise = 1 + 0.08 * chance.normal();
            weights[i] = residents * traits.get(o.code()).volume() * noise * o.shareOf(year);
        }
        return share(total, weights);
    }

    private static double perResident(OrganisationKind kind) {
        return switch (kind) {
            case COUNTY_COUNCIL -> 0.5;
            case DISTRICT_COUNCIL -> 0.42;
            default -> 1.0;
        };
    }

    /** Splits {@code total} in proportion to the weights, exactly (largest remainders get the leftovers). */
    static long[] share(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] counts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum > 0 ? total * weights[i] / sum : 0;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; given < total && weights.length > 0; k = (k + 1) % weights.length) {
            counts[order[k]]++;
            given++;
        }
        return counts;
    }
}

