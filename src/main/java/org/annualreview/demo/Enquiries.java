package org.annualreview.demo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Writes enquiries.csv: the ombudsman's enquiries to the organisation during most detailed
 * investigations, sent after the complaint was received and before the decision, due 28 days later.
 * Most are answered on time; a handful of councils ({@link Traits#lateAnswers()}) answer late in almost
 * half of cases, some after an extension they asked for.
 */
final class Enquiries implements Closeable {

    static final String FILE = "enquiries.csv";

    private static final int DAYS_TO_ANSWER = 28;
    private static final double ENQUIRED = 0.85;
    private static final double LATE = 0.14;
    private static final double LATE_FOR_LATE_ANSWERERS = 0.47;
    private static final double INCOMPLETE = 0.05;
    private static final double UNANSWERED = 0.01;

    private final CsvFile file;
    private final Map<String, Traits> traits;
    private final Chance chance;

    private Enquiries(CsvFile file, Map<String, Traits> traits, Chance chance) {
        this.file = file;
        this.traits = traits;
        this.chance = chance;
    }

    static Enquiries open(Path directory, Map<String, Traits> traits, Chance chance) throws IOException {
        return new Enquiries(CsvFile.create(directory, FILE, "case_reference", "number", "organisation_code", "sent_date",
                "due_date", "extended_to", "answered_date", "complete"), traits, chance);
    }

    void follow(Decision decision) {
        if (!decision.investigated() || !chance.of(ENQUIRED)) {
            return;
        }
        Organisation organisation = decision.organisation();
        LocalDate earliest = decision.receivedOn();
        if (organisation.startedOn() != null && organisation.startedOn().isAfter(earliest)) {
            earliest = organisation.startedOn();
        }
        LocalDate latest = decision.decidedOn().minusDays(1);
        if (latest.isBefore(earliest)) {
            return;
        }
        // leave time for an answer before the decision where the investigation allows it
        LocalDate lastSent = latest.minusDays(60).isBefore(earliest) ? latest : latest.minusDays(60);
        LocalDate first = chance.dayBetween(earliest, lastSent);
        boolean lateAnswerer = traits.get(organisation.code()).lateAnswers();
        write(decision, 1, first, lateAnswerer);
        if (chance.of(0.3)) {
            write(decision, 2, chance.dayBetween(first, lastSent), lateAnswerer);
        }
    }

    private void write(Decision decision, int number, LocalDate sent, boolean lateAnswerer) {
        LocalDate due = sent.plusDays(DAYS_TO_ANSWER);
        LocalDate extendedTo = chance.of(lateAnswerer ? 0.25 : 0.1) ? due.plusDays(chance.between(7, 28)) : null;
        LocalDate deadline = extendedTo != null ? extendedTo : due;
        LocalDate answered = null;
        String complete = null;
        if (!chance.of(UNANSWERED)) {
            boolean late = chance.of(lateAnswerer ? LATE_FOR_LATE_ANSWERERS : LATE);
            // an organisation that asked for more time used it
            LocalDate onTimeFrom = extendedTo != null ? due : sent.plusDays(5);
            answered = late ? deadline.plusDays(chance.between(1, 35)) : chance.dayBetween(onTimeFrom, deadline);
            answered = min(answered, decision.decidedOn());
            complete = CsvFile.yesNo(!chance.of(INCOMPLETE));
        }
        file.row(decision.caseReference(), Integer.toString(number), decision.organisation().code(), CsvFile.date(sent),
                CsvFile.date(due), CsvFile.date(extendedTo), CsvFile.date(answered), complete);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    long rows() {
        return file.rows();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
