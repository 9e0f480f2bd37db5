package org.annualreview.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.shared.Rate;

/**
 * A year's figures as a tree of plain values, in the field names documented in docs/statistics.md
 * ("JSON fields"). Those names are a published interface: add fields, never rename them. Every object's keys
 * come in the documented order, the same on every run: each map is a {@link LinkedHashMap} filled in that order
 * (never {@code Map.of}, whose order changes from run to run, nor a {@code HashMap}, whose order no one chose), and outcomes, service areas
 * and type averages follow their enums' order.
 */
public final class FiguresDocument {

    private FiguresDocument() {
    }

    public static Map<String, Object> of(YearFigures year, List<OrganisationFigures> organisations, AverageMethod method, boolean synthetic) {
        return of(year, organisations, method, synthetic, java.util.Optional.empty());
    }

    /**
     * The same, with each organisation's Complaint Handling Code records under {@code complaintHandlingCode} when they are
     * given and the Code is reported for the year (null otherwise).
     */
    public static Map<String, Object> of(YearFigures year, List<OrganisationFigures> organisations, AverageMethod method, boolean synthetic,
            java.util.Optional<CodeFindings> code) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("reportingYear", year.year().toString());
        doc.put("firstDay", year.year().firstDay().toString());
        doc.put("lastDay", year.year().lastDay().toString());
        doc.put("computedAt", year.computedAt().toString());
        doc.put("syntheticDemoData", synthetic);
        doc.put("typeAverageMethod", method.code());
        var averages = year.averages(method);
        List<Object> list = new ArrayList<>();
        for (OrganisationFigures f : organisations) {
            Map<String, Object> o = organisation(f);
            o.put("codeFailures", KeyStatistic.CODE_FAILURES.appliesTo(year.year()) ? rate(new Rate(KeyStatistic.CODE_FAILURES.count(f),
                    KeyStatistic.CODE_FAILURES.outOf(f)), KeyStatistic.CODE_FAILURES.shown(f)) : null);
            o.put("complaintHandlingCode", KeyStatistic.CODE_FAILURES.appliesTo(year.year())
                    ? code.map(c -> code(c, f, year)).orElse(null) : null);
            o.put("typeAverage", f.kind().hasTypeAverage() && averages.containsKey(f.kind()) ? average(averages.get(f.kind()), year) : null);
            list.add(o);
        }
        doc.put("organisations", list);
        List<Object> types = new ArrayList<>();
        averages.values().forEach(a -> types.add(average(a, year)));
        doc.put("typeAverages", types);
        return doc;
    }

    static Map<String, Object> organisation(OrganisationFigures f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("code", f.code());
        o.put("name", f.name());
        o.put("kind", f.kind().code());
        o.put("kindLabel", f.kind().label());
        o.put("population", f.population().map(p -> (Object) ordered("residents", p.residents(), "midYear", p.midYear())).orElse(null));
        o.put("complaintsAndEnquiries", ordered("total", f.complaintsAndEnquiries(), "notForUs", f.notForUs(),
                "assessedAndClosed", f.assessedAndClosed(), "investigated", f.investigated()));
        Map<String, Object> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome.code(), f.outcomes().get(outcome));
        }
        o.put("outcomes", outcomes);
        Map<String, Object> areas = new LinkedHashMap<>();
        for (ServiceArea area : ServiceArea.values()) {
            areas.put(area.code(), f.serviceAreas().get(area));
        }
        o.put("serviceAreas", areas);
        Map<String, Object> upheld = rate(f.upheld(), Shown.upheld(f.upheld()));
        upheld.put("per100000", f.upheldPerHundredThousand().oneDecimal().orElse(null));
        upheld.put("per100000Shown", Shown.perHundredThousand(f.upheldPerHundredThousand()));
        o.put("upheld", upheld);
        Map<String, Object> compliance = rate(f.compliance(), Shown.compliance(f.compliance()));
        compliance.put("compliedOnTime", f.compliedOnTime());
        compliance.put("compliedLate", f.compliedLate());
        compliance.put("notComplied", f.notComplied());
        compliance.put("pending", f.compliancePending());
        compliance.put("unit", f.complianceUnit());
        compliance.put("recommendations", ordered("complied", f.recommendationsComplied(), "compliedLate", f.recommendationsCompliedLate(),
                "notComplied", f.recommendationsNotComplied(), "pending", f.recommendationsPending()));
        o.put("compliance", compliance);
        o.put("satisfactoryRemedy", rate(f.satisfactoryRemedy(), Shown.satisfactoryRemedy(f.satisfactoryRemedy())));
        o.put("publicReports", f.publicReports());
        o.put("serviceImprovements", f.serviceImprovements());
        Map<String, Object> enquiries = rate(f.lateEnquiries(), Shown.lateEnquiries(f.lateEnquiries()));
        enquiries.put("extended", f.extendedEnquiries());
        enquiries.put("lateAfterExtension", f.lateAfterExtension());
        enquiries.put("incomplete", f.incompleteEnquiries());
        o.put("lateEnquiries", enquiries);
        o.put("training", ordered("courses", f.trainingCourses(), "attendees", f.trainingAttendees()));
        return o;
    }

    /**
     * An organisation's Code records: every provision of the year's vocabulary with the detailed investigations that failed
     * it (and, for a council, the pooled share of its type's), what was found of its self-assessment, annual report and
     * governance response (null when no search was recorded), and its failure notices.
     */
    static Map<String, Object> code(CodeFindings findings, OrganisationFigures f, YearFigures year) {
        CodeFindings.Council council = findings.of(f.code());
        List<Object> provisions = new ArrayList<>();
        for (CodeFindings.Provision p : findings.provisions()) {
            Rate share = new Rate(council.cases(p.code()), f.investigated());
            Map<String, Object> provision = ordered("code", p.code(), "label", p.label(), "cases", share.numerator(),
                    "percent", share.wholePercent().orElse(null));
            provision.put("typePercent", f.kind().hasTypeAverage()
                    ? findings.typeShare(p.code(), f.kind(), year).wholePercent().orElse(null) : null);
            provisions.add(provision);
        }
        Map<String, Object> code = new LinkedHashMap<>();
        code.put("provisions", provisions);
        code.put("selfAssessment", council.selfAssessment().map(a -> (Object) ordered("selfAssessment", document(a.selfAssessment()),
                "annualReport", document(a.annualReport()), "governanceResponse", document(a.governanceResponse()))).orElse(null));
        code.put("failureNotices", council.notices().stream().map(n -> ordered("issued", n.issuedOn().toString(), "reason", n.reason())).toList());
        return code;
    }

    private static Map<String, Object> document(CodeFindings.Document d) {
        return ordered("found", d.found(), "date", d.on().map(Object::toString).orElse(null), "address", d.address().orElse(null));
    }

    private static Map<String, Object> rate(Rate rate, String shown) {
        return ordered("count", rate.numerator(), "of", rate.denominator(), "percent", rate.wholePercent().orElse(null), "shown", shown);
    }

    /** A type's averages; null for a key statistic not published for the year (the Complaint Handling Code's before 2026-27). */
    static Map<String, Object> average(TypeAverage a, YearFigures year) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().code());
        m.put("kindLabel", a.kind().plural());
        m.put("method", a.method().code());
        m.put("councils", a.councils());
        for (KeyStatistic statistic : KeyStatistic.values()) {   // "upheldPercent": 67, "upheldPer100000": 2.6, …
            m.put(statistic.averageField(), statistic.appliesTo(year.year()) ? statistic.average(a).map(v -> number(statistic, v)).orElse(null) : null);
        }
        return m;
    }

    /** A whole percent as a whole number, a figure per 100,000 with its one decimal. */
    private static Object number(KeyStatistic statistic, BigDecimal exact) {
        BigDecimal rounded = statistic.round(exact);
        return statistic.scale() == KeyStatistic.Scale.PERCENT ? (Object) rounded.intValueExact() : rounded;
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
