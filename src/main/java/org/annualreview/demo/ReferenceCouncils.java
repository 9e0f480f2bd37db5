package org.annualreview.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.annualreview.organisations.OrganisationKind;
import org.annualreview.shared.Term;

/**
 * Every English principal council since 2019, from the bundled {@code reference/english-councils.csv}
 * (Council names and codes: mySociety, uk_local_authority_names_and_codes, CC BY 4.0).
 *
 * <p>Two things are normalised on the way in. End dates become the last day a council existed: the file
 * gives some as the abolition day (1 April), which becomes 31 March. Councils abolished before mid-2020
 * have no population in the file: a district gets an equal share of its successor's, a county the sum
 * of its districts'.
 */
final class ReferenceCouncils {

    static final String RESOURCE = "/reference/english-councils.csv";

    private ReferenceCouncils() {
    }

    static List<Organisation> load() {
        List<NamedCsvRecord> records = read();
        Map<String, Long> residents = new HashMap<>();
        records.forEach(r -> residents.put(r.getField("gss_code"), number(r.getField("population_2020"))));
        estimateDistricts(records, residents);
        estimateCounties(records, residents);
        List<Organisation> councils = new ArrayList<>();
        for (NamedCsvRecord r : records) {
            String code = r.getField("gss_code");
            councils.add(new Organisation(code, r.getField("name"), r.getField("short_name"),
                    Term.find(OrganisationKind.class, r.getField("kind"))
                            .orElseThrow(() -> new IllegalStateException("unknown kind " + r.getField("kind") + " of " + code)),
                    blankToNull(r.getField("county_gss_code")), blankToNull(r.getField("region")),
                    date(r.getField("start_date")), lastDay(date(r.getField("end_date"))),
                    blankToNull(r.getField("replaced_by_gss_codes")),
                    blankToNull(r.getField("latitude")), blankToNull(r.getField("longitude")),
                    residents.get(code)));
        }
        return councils;
    }

    /** 1 April is the day a reorganisation took effect, so the old council's last day was 31 March. */
    static LocalDate lastDay(LocalDate endDate) {
        if (endDate != null && endDate.getMonth() == Month.APRIL && endDate.getDayOfMonth() == 1) {
            return endDate.minusDays(1);
        }
        return endDate;
    }

    private static void estimateDistricts(List<NamedCsvRecord> records, Map<String, Long> residents) {
        Map<String, Integer> predecessors = new HashMap<>();
        for (NamedCsvRecord r : records) {
            if (!r.getField("kind").equals("County Council")) {
                for (String successor : successors(r)) {
                    predecessors.merge(successor + "|" + r.getField("kind"), 1, Integer::sum);
                }
            }
        }
        for (NamedCsvRecord r : records) {
            String code = r.getField("gss_code");
            List<String> successors = successors(r);
            if (residents.get(code) == 0 && successors.size() == 1 && !r.getField("kind").equals("County Council")) {
                String successor = successors.get(0);
                residents.put(code, residents.getOrDefault(successor, 0L) / predecessors.get(successor + "|" + r.getField("kind")));
            }
        }
    }

    private static void estimateCounties(List<NamedCsvRecord> records, Map<String, Long> residents) {
        for (NamedCsvRecord county : records) {
            String code = county.getField("gss_code");
            if (residents.get(code) == 0 && county.getField("kind").equals("County Council")) {
                residents.put(code, records.stream()
                        .filter(r -> r.getField("county_gss_code").equals(code))
                        .mapToLong(r -> residents.get(r.getField("gss_code")))
                        .sum());
            }
        }
    }

    private static List<String> successors(NamedCsvRecord r) {
        String codes = r.getField("replaced_by_gss_codes").trim();
        return codes.isEmpty() ? List.of() : List.of(codes.split("\\s+"));
    }

    private static List<NamedCsvRecord> read() {
        try (InputStream in = ReferenceCouncils.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo needs " + RESOURCE + " on the classpath");
            }
            try (CsvReader<NamedCsvRecord> csv = CsvReader.builder()
                    .ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return csv.stream().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
    }

    private static long number(String text) {
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.trim());
    }
}
