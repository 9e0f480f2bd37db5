package org.annualreview.organisations;

import java.util.Optional;

/**
 * Someone at an organisation who receives its letter: the chief executive it is addressed to, or the leader,
 * the chair of scrutiny and monitoring officers it is shared with.
 */
public record Contact(String organisationCode, ContactRole role, String email, Optional<String> title,
        Optional<String> givenName, Optional<String> surname, Optional<String> jobTitle, Optional<String> salutation) {

    /** "Mr Reeves": title and surname (the given name if there is no surname). */
    public String shortName() {
        return String.join(" ", java.util.stream.Stream.of(title, surname.or(() -> givenName)).flatMap(Optional::stream).toList());
    }

    /** "Dear Mr Reeves": the salutation recorded, or else "Dear" and the short name. */
    public String greeting() {
        return salutation.orElseGet(() -> "Dear " + shortName());
    }

    /** "Mr Tony Reeves", as far as it is known. */
    public String fullName() {
        return String.join(" ", java.util.stream.Stream.of(title, givenName, surname).flatMap(Optional::stream).toList());
    }
}
