package org.annualreview.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.annualreview.shared.Dates;
import org.annualreview.shared.Rate;
import org.annualreview.statistics.CodeFindings;
import org.annualreview.statistics.KeyStatistic;
import org.annualreview.statistics.OrganisationFigures;
import org.annualreview.statistics.YearFigures;

/**
 * A council's year under the Complaint Handling Code as the site shows it (from 2026-27, as its release froze it): the
 * provisions failed with their cases, their share of the council's detailed investigations and of its type's, what the
 * ombudsman found of the self-assessment, annual report and governance response, and the failure notices. The workspace
 * shows the same from the working records.
 */
public final class CodeSection {

    private CodeSection() {
    }

    /** Whether the year's pages have a Code section: the Code is reported from 2026-27. */
    public static boolean appliesTo(YearFigures figures) {
        return KeyStatistic.CODE_FAILURES.appliesTo(figures.year());
    }

    /** The section's model: the provisions failed, whether a search was recorded, the documents found and the notices. */
    public static Map<String, Object> of(CodeFindings findings, OrganisationFigures f, YearFigures figures) {
        CodeFindings.Council council = findings.of(f.code());
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("investigated", f.investigated());
        section.put("failureCases", KeyStatistic.CODE_FAILURES.count(f));
        List<Map<String, Object>> failures = new ArrayList<>();
        for (CodeFindings.Failure failure : council.failures()) {
            Rate share = new Rate(failure.cases(), f.investigated());
            Rate type = findings.typeShare(failure.provision().code(), f.kind(), figures);
            failures.add(Map.of("code", failure.provision().code(), "label", failure.provision().label(),
                    "cases", failure.cases(),
                    "shown", share.describeOr("no investigations"), "fewCases", CouncilRow.fewCases(f.investigated()),
                    "average", f.kind().hasTypeAverage() ? type.describeOr("none") : ""));
        }
        section.put("failures", failures);
        section.put("assessed", council.selfAssessment().isPresent());
        section.put("documents", council.selfAssessment().map(CodeSection::documents).orElse(List.of()));
        section.put("notices", council.notices().stream().map(n -> Map.of("date", Dates.inWords(n.issuedOn()), "reason", n.reason())).toList());
        return section;
    }

    /** The three documents looked for, each found or not, with its date and address when recorded. */
    private static List<Map<String, String>> documents(CodeFindings.SelfAssessment a) {
        return List.of(document("Self-assessment against the Code", a.selfAssessment(), "published"),
                document("Annual complaints performance and service improvement report", a.annualReport(), "published"),
                document("Response of the council's governance body to the report", a.governanceResponse(), "given"));
    }

    private static Map<String, String> document(String label, CodeFindings.Document d, String verb) {
        String found = d.found() ? "Found" + d.on().map(on -> ", " + verb + " " + Dates.inWords(on)).orElse("") : "Not found";
        return Map.of("label", label, "found", found, "address", d.found() ? d.address().filter(CodeSection::isWebAddress).orElse("") : "");
    }

    /** Only an http(s) address becomes a link: anything else recorded is not followed. */
    private static boolean isWebAddress(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
