package org.annualreview.decisions;

import org.annualreview.shared.Term;

/** Where a service improvement the body agreed to make has got to. */
public enum ImprovementStatus implements Term {
    AGREED("Agreed"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed"),
    NOT_COMPLETED("Not completed");

    private final String label;

    ImprovementStatus(String label) {
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
