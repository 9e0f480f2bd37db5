package org.annualreview.decisions;

import org.annualreview.shared.Term;

/** Whether the body did what the ombudsman recommended, once the recommendation fell due. */
public enum ComplianceOutcome implements Term {
    COMPLIED("Complied"),
    COMPLIED_LATE("Complied late"),
    NOT_COMPLIED("Not complied"),
    PENDING("Pending");

    private final String label;

    ComplianceOutcome(String label) {
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

    public boolean isRecorded() {
        return this != PENDING;
    }
}
