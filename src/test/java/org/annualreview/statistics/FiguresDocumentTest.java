package org.annualreview.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.ReportingYear;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a year's figures (`stats --format json`, the API): its keys in the order docs/statistics.md lists them. */
class FiguresDocumentTest {

    static final List<String> RATE = List.of("count", "of", "percent", "shown");

    /** Each object of the document, by where it is, with its keys in the documented order. */
    static final Map<String, List<String>> KEYS = Map.ofEntries(
            Map.entry("", List.of("reportingYear", "firstDay", "lastDay", "computedAt", "syntheticDemoData", "typeAverageMethod",
                    "organisations", "typeAverages")),
            Map.entry("organisations[]", List.of("code", "name", "kind", "kindLabel", "population", "complaintsAndEnquiries", "outcomes",
                    "serviceAreas", "upheld", "compliance", "satisfactoryRemedy", "publicReports", "serviceImprovements", "lateEnquiries",
                    "training", "codeFailures", "complaintHandlingCode", "typeAverage")),
            Map.entry("organisations[].population", List.of("residents", "midYear")),
            Map.entry("organisations[].complaintsAndEnquiries", List.of("total", "notForUs", "assessedAndClosed", "investigated")),
            Map.entry("organisations[].outcomes", Arrays.stream(Outcome.values()).map(Outcome::code).toList()),
            Map.entry("organisations[].serviceAreas", Arrays.stream(ServiceArea.values()).map(ServiceArea::code).toList()),
            Map.entry("organisations[].upheld", with(RATE, "per100000", "per100000Shown")),
            Map.entry("organisations[].compliance", with(RATE, "compliedOnTime", "compliedLate", "notComplied", "pending", "unit",
                    "recommendations")),
            Map.entry("organisations[].compliance.recommendations", List.of("complied", "compliedLate", "notComplied", "pending")),
            Map.entry("organisations[].satisfactoryRemedy", RATE),
            Map.entry("organisations[].lateEnquiries", with(RATE, "extended", "lateAfterExtension", "incomplete")),
            Map.entry("organisations[].training", List.of("courses", "attendees")),
            Map.entry("organisations[].typeAverage", List.of("kind", "kindLabel", "method", "councils", "upheldPercent", "upheldPer100000",
                    "compliancePercent", "satisfactoryRemedyPercent", "codeFailuresPercent")),
            Map.entry("typeAverages[]", List.of("kind", "kindLabel", "method", "councils", "upheldPercent", "upheldPer100000",
                    "compliancePercent", "satisfactoryRemedyPercent", "codeFailuresPercent")));

    /** The Complaint Handling Code's objects, seen in a year of the Code only. */
    static final Map<String, List<String>> CODE_KEYS = Map.of(
            "organisations[].codeFailures", List.of("count", "of", "percent", "shown"),
            "organisations[].complaintHandlingCode", List.of("provisions", "selfAssessment", "failureNotices"),
            "organisations[].complaintHandlingCode.provisions[]", List.of("code", "label", "cases", "percent", "typePercent"),
            "organisations[].complaintHandlingCode.selfAssessment", List.of("selfAssessment", "annualReport", "governanceResponse"),
            "organisations[].complaintHandlingCode.selfAssessment.selfAssessment", List.of("found", "date", "address"),
            "organisations[].complaintHandlingCode.selfAssessment.annualReport", List.of("found", "date", "address"),
            "organisations[].complaintHandlingCode.selfAssessment.governanceResponse", List.of("found", "date", "address"),
            "organisations[].complaintHandlingCode.failureNotices[]", List.of("issued", "reason"));

    @Test
    void aYearOfTheCodeCarriesEachOrganisationsCodeRecordsInTheDocumentedOrder() {
        YearFigures year = new YearFigures(ReportingYear.parse("2026-27"), Instant.parse("2027-07-01T09:00:00Z"), aYear().organisations());
        CodeFindings.Provision late = new CodeFindings.Provision("stage-1-late", "Stage 1 late", null);
        CodeFindings.Document found = new CodeFindings.Document(true, Optional.of(java.time.LocalDate.of(2026, 6, 30)),
                Optional.of("https://example.gov.uk/sa"));
        CodeFindings.Document missing = new CodeFindings.Document(false, Optional.empty(), Optional.empty());
        CodeFindings findings = new CodeFindings(year.year(), List.of(late), Map.of("E08000011", new CodeFindings.Council(
                List.of(new CodeFindings.Failure(late, 1)), Optional.of(new CodeFindings.SelfAssessment(found, missing, missing)),
                List.of(new CodeFindings.Notice(java.time.LocalDate.of(2026, 9, 1), "why")))));
        String json = JsonMapper.builder().build().writeValueAsString(FiguresDocument.of(year, year.organisations(), AverageMethod.POOLED,
                false, Optional.of(findings)));

        List<String> checked = new ArrayList<>();
        keysInOrder(JsonMapper.builder().build().readTree(json), "", checked);

        assertThat(checked).containsAll(CODE_KEYS.keySet());
        assertThat(json).contains("{\"code\":\"stage-1-late\",\"label\":\"Stage 1 late\",\"cases\":1,\"percent\":33,\"typePercent\":33}",
                "\"failureNotices\":[{\"issued\":\"2026-09-01\",\"reason\":\"why\"}]",
                "{\"code\":\"stage-1-late\",\"label\":\"Stage 1 late\",\"cases\":0,\"percent\":null,\"typePercent\":null}");
    }

    static List<String> with(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all;
    }

    static YearFigures aYear() {
        OrganisationFigures knowsley = new OrganisationFigures("E08000011", "Knowsley Metropolitan Borough Council",
                OrganisationKind.METROPOLITAN_BOROUGH, Optional.of(new OrganisationFigures.Population(2022, 154_517)),
                Map.of(Tally.INVESTIGATED, 3L, Tally.UPHELD, 2L), Map.of(Outcome.UPHELD, 2L), Map.of(ServiceArea.HOUSING, 3L));
        OrganisationFigures fire = new OrganisationFigures("E31000046", "Merseyside Fire and Rescue Authority",
                OrganisationKind.FIRE_AND_RESCUE_AUTHORITY, Optional.empty(), Map.of(), Map.of(), Map.of());
        return new YearFigures(ReportingYear.parse("2023-24"), Instant.parse("2024-07-01T09:00:00Z"), List.of(knowsley, fire));
    }

    @Test
    void everyObjectsKeysComeInTheDocumentedOrder() {
        String json = JsonMapper.builder().build().writeValueAsString(FiguresDocument.of(aYear(), aYear().organisations(), AverageMethod.POOLED, false));

        List<String> checked = new ArrayList<>();
        keysInOrder(JsonMapper.builder().build().readTree(json), "", checked);

        assertThat(checked).as("every kind of object was seen, population included").containsAll(KEYS.keySet());
    }

    static void keysInOrder(JsonNode node, String path, List<String> checked) {
        if (node.isArray()) {
            node.forEach(item -> keysInOrder(item, path + "[]", checked));
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>(node.propertyNames());
            assertThat(keys).as("the keys of %s", path.isEmpty() ? "the document" : path)
                    .containsExactlyElementsOf(KEYS.containsKey(path) ? KEYS.get(path) : CODE_KEYS.get(path));
            checked.add(path);
            for (String key : keys) {
                keysInOrder(node.get(key), path.isEmpty() ? key : path + "." + key, checked);
            }
        }
    }

    /**
     * A Map.of's order changes from one run of the program to the next (and a HashMap's is no one's choice): every map
     * of the document is one whose order was set by filling it, so that two runs print the same bytes.
     */
    @Test
    void everyMapOfTheDocumentKeepsTheOrderItWasFilledIn() {
        List<String> maps = new ArrayList<>();
        mapsIn(FiguresDocument.of(aYear(), aYear().organisations(), AverageMethod.POOLED, false), "", maps);

        assertThat(maps).as("maps found").hasSizeGreaterThan(10).allSatisfy(where -> assertThat(where).endsWith(LinkedHashMap.class.getSimpleName()));
    }

    static void mapsIn(Object value, String path, List<String> maps) {
        if (value instanceof Map<?, ?> map) {
            maps.add(path + ": " + map.getClass().getSimpleName());
            map.forEach((key, v) -> mapsIn(v, path + "." + key, maps));
        } else if (value instanceof List<?> list) {
            for (Iterator<?> i = list.iterator(); i.hasNext();) {
                mapsIn(i.next(), path + "[]", maps);
            }
        }
    }
}
