package org.annualreview.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.audit.AuditLog;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.publication.Readiness;
import org.annualreview.publication.Release;
import org.annualreview.publication.Releases;
import org.annualreview.shared.ReportingYear;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes a year as the operator: freezes its figures, letters and the decisions counted as release 1, public from its"
                + " publication date; refused while a council's letter is unapproved or unsent, unless an exception is recorded for it.",
                "With --revision, issues a revision with its reason (the next release). With --status, only says where the year stands.",
                "Exit code 0: done; 1: refused (the reasons are printed); 3: the database failed."})
final class PublishCommand implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

    @Option(names = "--year", required = true, paramLabel = "YYYY-YY")
    ReportingYear year;

    @Option(names = "--revision", paramLabel = "REASON", description = "Issue a revision, with the reason every public page of the year shows")
    String revision;

    @Option(names = "--exception", paramLabel = "NAME-OR-CODE=REASON",
            description = "Record that a council may be published without an approved and sent letter, and why (repeatable)")
    java.util.Map<String, String> exceptions = new java.util.LinkedHashMap<>();

    @Option(names = "--status", description = "Say where the year stands and change nothing")
    boolean status;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Releases releases;
    private final Organisations organisations;
    private final Letters letters;
    private final AuditLog audit;

    PublishCommand(Releases releases, Organisations organisations, Letters letters, AuditLog audit) {
        this.releases = releases;
        this.organisations = organisations;
        this.letters = letters;
        this.audit = audit;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Letters.Actor operator = Letters.Actor.operator();
        try {
            for (var exception : exceptions.entrySet()) {
                Organisation council = organisations.find(exception.getKey());
                audit.inTransaction(() -> {
                    releases.recordException(year, council, exception.getValue(), operator);
                    audit.record(AuditLog.commandLine(), "record-publication-exception", council.name() + " in " + year, Optional.empty(),
                            Optional.of(exception.getValue().strip()));
                    return null;
                });
                out.printf("Exception recorded for %s: %s%n", council.name(), exception.getValue().strip());
            }
            if (status) {
                Readiness readiness = releases.readiness(year);
                out.printf("%s: %,d councils; publication date %s.%n", year, readiness.councils(),
                        letters.publicationDate(year).map(Object::toString).orElse("not set"));
                readiness.missing().forEach(line -> out.println("  " + line));
                releases.of(year).forEach(r -> out.printf("Release %d (%s) made on %s by %s%s%n", r.number(), r.kind(), r.madeOn(), r.madeBy(),
                        r.reason().map(why -> ": " + why).orElse("")));
                return ExitCodes.OK;
            }
            long started = System.nanoTime();
            Release release = audit.inTransaction(() -> {
                Release made = revision != null ? releases.revise(year, revision, operator) : releases.publish(year, operator);
                audit.record(AuditLog.commandLine(), made.isRevision() ? "revise-year" : "publish-year", "publication of " + year,
                        Optional.empty(), Optional.of("release " + made.number() + made.reason().map(why -> ": " + why).orElse("")));
                return made;
            });
            out.printf(release.isRevision() ? "%s revised: release %d, %s (frozen in %.1f s).%n"
                    : "%s published: release %d, public from %s (frozen in %.1f s).%n", year, release.number(),
                    release.isRevision() ? release.revisedLabel() : letters.publicationDate(year).orElseThrow(),
                    (System.nanoTime() - started) / 1e9);
            return ExitCodes.OK;
        } catch (Releases.Refused | Organisations.UnknownOrganisation refused) {
            err.println(refused.getMessage());
            return ExitCodes.REFUSED;
        }
    }
}
