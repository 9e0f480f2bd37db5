package org.annualreview.distribution;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The end of a run of sending, as the command line and the workspace report it: how many letters were sent, failed,
 * are of unknown fate or were skipped, and which councils are in each group but the sent; and whether the run went
 * well (nothing failed and nothing is unknown: anything else needs staff).
 */
public record SendReport(List<Delivery> deliveries) {

    public SendReport {
        deliveries = List.copyOf(deliveries);
    }

    public long count(Delivery.Group group) {
        return deliveries.stream().filter(d -> d.outcome().group() == group).count();
    }

    /** The councils of a group, by name, in the order they were tried. */
    public List<String> councils(Delivery.Group group) {
        return deliveries.stream().filter(d -> d.outcome().group() == group).map(Delivery::organisationName).toList();
    }

    /** The skipped councils by why they were skipped ("already sent": […]), in the order of the outcomes. */
    public Map<Delivery.Outcome, List<String>> skipped() {
        return deliveries.stream().filter(d -> d.outcome().group() == Delivery.Group.SKIPPED).collect(Collectors.groupingBy(Delivery::outcome,
                () -> new java.util.EnumMap<>(Delivery.Outcome.class), Collectors.mapping(Delivery::organisationName, Collectors.toList())));
    }

    /** True when nothing failed and no letter's fate is unknown. */
    public boolean clean() {
        return count(Delivery.Group.FAILED) == 0 && count(Delivery.Group.UNKNOWN) == 0;
    }

    /** "3 sent, 1 failed, 0 unknown, 2 skipped": for the audit log and the first line of the report. */
    public String counts() {
        return String.format("%,d sent, %,d failed, %,d unknown, %,d skipped", count(Delivery.Group.SENT), count(Delivery.Group.FAILED),
                count(Delivery.Group.UNKNOWN), count(Delivery.Group.SKIPPED));
    }

    /** The report's lines: the counts, then each group but the sent with its councils. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(counts() + ".");
        Function<List<String>, String> names = list -> String.join("; ", list);
        if (count(Delivery.Group.FAILED) > 0) {
            lines.add("Failed (" + count(Delivery.Group.FAILED) + "): " + names.apply(councils(Delivery.Group.FAILED)));
        }
        if (count(Delivery.Group.UNKNOWN) > 0) {
            lines.add("Unknown, may have been delivered, not sent again without --resend (" + count(Delivery.Group.UNKNOWN) + "): "
                    + names.apply(councils(Delivery.Group.UNKNOWN)));
        }
        skipped().forEach((outcome, councils) -> lines.add("Skipped, " + outcome.words() + " (" + councils.size() + "): " + names.apply(councils)));
        return lines;
    }
}
