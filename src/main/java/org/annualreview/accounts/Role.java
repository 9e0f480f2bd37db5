package org.annualreview.accounts;

import org.annualreview.shared.Term;

/** What an account may do in the workspace. */
public enum Role implements Term {
    /** Users, organisations, years and publication dates. */
    ADMINISTRATOR("Administrator"),
    /** Records, imports, templates, letters and sending. */
    ANALYST("Analyst"),
    /** One council's own letter and figures, before publication too. */
    COUNCIL("Council user");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String code() {
        return Term.codeFromName(this);
    }

    @Override
    public String label() {
        return label;
    }

    /** The Spring Security authority of the role: ROLE_ADMINISTRATOR… */
    public String authority() {
        return "ROLE_" + name();
    }
}
