package org.annualreview.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.annualreview.organisations.ContactRole;

/**
 * Writes contacts.csv: made-up people at each organisation, with addresses under the reserved
 * {@code .invalid} top-level domain so no real mail can ever go out. A council gets a chief executive,
 * a leader, a chair of scrutiny and one to three monitoring officers; another body a chief executive.
 */
final class Contacts {

    static final String FILE = "contacts.csv";

    private static final List<String> MEN = List.of("James", "Oliver", "Mohammed", "David", "Daniel", "Thomas", "Richard",
            "Andrew", "Rajesh", "Kwame", "Peter", "Samuel", "Imran", "Gareth", "Stephen", "Tomasz", "Ian", "Neil");
    private static final List<String> WOMEN = List.of("Sarah", "Amelia", "Priya", "Fatima", "Helen", "Claire", "Joanne",
            "Rachel", "Aisha", "Catherine", "Emma", "Grace", "Nadia", "Louise", "Siobhan", "Bethan", "Ngozi", "Karen");
    private static final List<String> SURNAMES = List.of("Ashworth", "Bennett", "Chowdhury", "Davies", "Ellison",
            "Fairbairn", "Gallagher", "Hussain", "Iqbal", "Jenkins", "Kaur", "Lambert", "Mensah", "Naylor", "Okafor",
            "Pemberton", "Quinn", "Radcliffe", "Shah", "Thornton", "Underwood", "Varma", "Whitfield", "Yardley",
            "Zielinski", "Holloway", "Kowalski", "Osei", "Patel", "Sutcliffe", "O'Brien", "Nowak", "Ferreira", "Lindqvist");

    private final CsvFile file;
    private final Chance chance;

    private Contacts(CsvFile file, Chance chance) {
        this.file = file;
        this.chance = chance;
    }

    static long write(Path directory, List<Organisation> register, Chance chance) throws IOException {
        try (CsvFile file = CsvFile.create(directory, FILE, "organisation_code", "role", "title", "given_name", "surname",
                "job_title", "salutation", "email")) {
            Contacts contacts = new Contacts(file, chance);
            register.forEach(contacts::writeFor);
            return file.rows();
        }
    }

    private void writeFor(Organisation organisation) {
        String domain = domain(organisation);
        Set<String> used = new HashSet<>();
        String chiefExecutive = organisation.isCouncil() && chance.of(0.15) ? "Chief Executive and Place Based Lead" : "Chief Executive";
        person(organisation, ContactRole.CHIEF_EXECUTIVE, officerTitle(), chiefExecutive, domain, used);
        if (!organisation.isCouncil()) {
            return;
        }
        person(organisation, ContactRole.LEADER, "Councillor", "Leader of the Council", domain, used);
        person(organisation, ContactRole.SCRUTINY_CHAIR, "Councillor", "Chair of the Overview and Scrutiny Committee", domain, used);
        int officers = chance.between(1, 3);
        for (int i = 0; i < officers; i++) {
            String jobTitle = i > 0 ? "Deputy Monitoring Officer"
                    : chance.of(0.4) ? "Director of Law and Governance (Monitoring Officer)" : "Monitoring Officer";
            person(organisation, ContactRole.MONITORING_OFFICER, officerTitle(), jobTitle, domain, used);
        }
    }

    /** A title without a gender ("Councillor") takes any given name; Mr, Ms, Mrs and Dr are drawn first. */
    private void person(Organisation organisation, ContactRole role, String title, String jobTitle, String domain, Set<String> used) {
        boolean man = title.equals("Mr") || !title.equals("Ms") && !title.equals("Mrs") && chance.of(0.5);
        String givenName;
        String surname;
        do {
            givenName = chance.pick(man ? MEN : WOMEN);
            surname = chance.pick(SURNAMES);
        } while (!used.add(givenName + " " + surname));
        String email = slug(givenName).replace('-', '.') + "." + slug(surname).replace("-", "") + "@" + domain;
        file.row(organisation.code(), role.label(), title, givenName, surname, jobTitle, "Dear " + title + " " + surname, email);
    }

    private String officerTitle() {
        double draw = chance.uniform();
        return draw < 0.35 ? "Mr" : draw < 0.65 ? "Ms" : draw < 0.8 ? "Mrs" : "Dr";
    }

    /** The organisation's made-up internet domain, under the reserved {@code .invalid}: "knowsley.demo.invalid". */
    static String domain(Organisation organisation) {
        return slug(organisation.shortName() == null ? organisation.name() : organisation.shortName()) + ".demo.invalid";
    }

    /** "St. Helens" → "st-helens", "King's Lynn" → "kings-lynn". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
