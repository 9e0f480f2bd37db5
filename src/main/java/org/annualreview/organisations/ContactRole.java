package org.annualreview.organisations;

import org.annualreview.shared.Term;

/** Who at an organisation hears from the ombudsman about its annual review. */
public enum ContactRole implements Term {
    CHIEF_EXECUTIVE("Chief executive"),
    LEADER("Leader"),
    SCRUTINY_CHAIR("Chair of scrutiny"),
    MONITORING_OFFICER("Monitoring officer");

    private final String label;

    ContactRole(String label) {
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
}
