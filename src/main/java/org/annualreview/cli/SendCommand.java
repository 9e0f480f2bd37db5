package org.annualreview.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.audit.AuditLog;
import org.annualreview.distribution.Delivery;
import org.annualreview.distribution.Distribution;
import org.annualreview.distribution.SendReport;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Emails the year's approved letters: to each chief executive, copied to the leader, the chair of scrutiny and the "
                + "monitoring officers, the PDF attached. A letter already sent, or whose fate is unknown, is not sent again without "
                + "--resend. Ends with a report: sent, failed, unknown, skipped. Exit code 0: nothing failed and nothing is unknown; "
                + "1: an unknown organisation; 3: the database failed; 4: a letter failed or its fate is unknown.")
final class SendCommand implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

    @Option(names = "--year", required = true, paramLabel = "YYYY-YY")
    ReportingYear year;

    @Option(names = "--organisation", paramLabel = "NAME-OR-CODE", description = "Only this council's letter")
    String organisation;

    @Option(names = "--dry-run", description = "List what would be sent, to whom, and send nothing")
    boolean dryRun;

    @Option(names = "--resend", description = "Send again letters already sent")
    boolean resend;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Distribution distribution;
    private final AuditLog audit;

    SendCommand(Distribution distribution, AuditLog audit) {
        this.distribution = distribution;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        List<Delivery> deliveries;
        try {
            deliveries = distribution.send(year, Optional.ofNullable(organisation), new Distribution.Options(dryRun, resend));
        } catch (Organisations.UnknownOrganisation e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.REFUSED;
        }
        var out = spec.commandLine().getOut();
        for (Delivery d : deliveries) {
            out.printf("%-45s %-28s %s%s%n", d.organisationName(), d.outcome().words(),
                    d.outcome() == Delivery.Outcome.SENT || d.outcome() == Delivery.Outcome.WOULD_SEND ? String.join(", ", d.recipients()) : d.reason(),
                    d.attempts() > 1 ? " (" + d.attempts() + " attempts)" : "");
        }
        SendReport report = new SendReport(deliveries);
        if (!dryRun) {
            audit.record(AuditLog.commandLine(), resend ? "resend-letters" : "send-letters", "letters of " + year
                    + (organisation == null ? "" : " for " + organisation), Optional.empty(), Optional.of(report.counts()));
        }
        out.println();
        if (dryRun) {
            out.printf("Dry run: nothing sent. %,d would be sent.%n", report.count(Delivery.Group.WOULD_SEND));
        }
        report.lines().forEach(out::println);
        return report.clean() ? ExitCodes.OK : ExitCodes.NOT_ALL_SENT;
    }
}
