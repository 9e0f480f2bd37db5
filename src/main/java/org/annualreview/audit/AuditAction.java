package org.annualreview.audit;

import java.util.Locale;
import java.util.Map;

/**
 * An audited action as the audit log stores it (a stable code, such as {@code approve-letter}, that filters and
 * scripts rely on) and as people read it ("Letter approved"). A code this list does not know yet reads as its words.
 */
public record AuditAction(String code, String inWords) {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("add-account", "Account added"),
            Map.entry("replace-account", "Account replaced"),
            Map.entry("enable-account", "Account enabled"),
            Map.entry("disable-account", "Account disabled"),
            Map.entry("approve-registration", "Registration approved"),
            Map.entry("refuse-registration", "Registration refused"),
            Map.entry("import", "Records imported"),
            Map.entry("add-record", "Record added"),
            Map.entry("change-record", "Record changed"),
            Map.entry("delete-record", "Record deleted"),
            Map.entry("load-template", "Letter template loaded"),
            Map.entry("set-publication-date", "Publication date set"),
            Map.entry("set-note", "Letter paragraph written"),
            Map.entry("choose-population-estimate", "Population estimate chosen"),
            Map.entry("write-letters", "Letters written"),
            Map.entry("approve-letter", "Letter approved"),
            Map.entry("approve-letters", "Letters approved"),
            Map.entry("send-letters", "Letters sent"),
            Map.entry("resend-letters", "Letter sent again"),
            Map.entry("publish-year", "Year published"),
            Map.entry("revise-year", "Published year revised"),
            Map.entry("withdraw-year", "Publication withdrawn"),
            Map.entry("record-publication-exception", "Publication exception recorded"),
            Map.entry("remove-publication-exception", "Publication exception removed"),
            Map.entry("change-password", "Password changed"),
            Map.entry("send-password-reset", "Password reset link sent"),
            Map.entry("reset-password", "Password reset"));

    public static AuditAction of(String code) {
        String words = WORDS.get(code);
        if (words == null) {
            String spaced = code.replace('-', ' ').replace('_', ' ').strip();
            words = spaced.isEmpty() ? code : spaced.substring(0, 1).toUpperCase(Locale.UK) + spaced.substring(1);
        }
        return new AuditAction(code, words);
    }
}
