package org.annualreview.shared;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One email address as a letter is sent to it: a single RFC 5322 addr-spec ({@code name@council.gov.uk}), with no
 * display name, comment, group, list (commas, semicolons) or spaces, in ASCII, its domain made of dotted names.
 * Checked when contacts are imported or saved and again before a letter is sent.
 */
public final class EmailAddress {

    private static final Pattern DOMAIN = Pattern.compile("(?i)([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private EmailAddress() {
    }

    /** Why the text is not one email address, or empty if it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is empty: write one email address, such as name@council.gov.uk");
        }
        String quoted = "'" + text + "'";
        if (text.contains(",") || text.contains(";")) {
            return Optional.of(quoted + " is not one email address: it is a list (a comma or semicolon); write one address, one contact a row");
        }
        if (text.matches(".*<.*@.*>.*")) {
            return Optional.of(quoted + " is not an email address alone: write only the address, without the name");
        }
        if (!isOneAddress(text)) {
            return Optional.of(quoted + " is not an email address");
        }
        return Optional.empty();
    }

    /** A strict RFC 5322 addr-spec, exactly the text (no name, comment or group), ASCII, with a domain of dotted names. */
    private static boolean isOneAddress(String text) {
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f) || text.contains("(")) {
            return false;
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            return !address.isGroup() && address.getPersonal() == null && text.equals(address.getAddress())
                    && DOMAIN.matcher(text.substring(text.lastIndexOf('@') + 1)).matches();
        } catch (AddressException e) {
            return false;
        }
    }

    /** True for one address as {@link #problem} accepts it. */
    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }
}
