package org.annualreview.decisions;

import org.annualreview.shared.Term;

/**
 * How the ombudsman decided a complaint or enquiry, and where that places it in the ombudsman's
 * three-way split of what it dealt with.
 */
public enum Outcome implements Term {
    UPHELD("Upheld", Stage.INVESTIGATED),
    NOT_UPHELD("Not upheld", Stage.INVESTIGATED),
    CLOSED_AFTER_INITIAL_ENQUIRIES("Closed after initial enquiries", Stage.ASSESSED_AND_CLOSED),
    ADVICE_GIVEN("Advice given", Stage.NOT_FOR_US),
    INCOMPLETE_OR_INVALID("Incomplete or invalid", Stage.NOT_FOR_US),
    REFERRED_BACK_FOR_LOCAL_RESOLUTION("Referred back for local resolution", Stage.NOT_FOR_US);

    /** The ombudsman's split of complaints and enquiries dealt with. */
    public enum Stage { NOT_FOR_US, ASSESSED_AND_CLOSED, INVESTIGATED }

    private final String label;
    private final Stage stage;

    Outcome(String label, Stage stage) {
        this.label = label;
        this.stage = stage;
    }

    @Override
    public String code() {
        return Term.codeFromName(this);
    }

    @Override
    public String label() {
        return label;
    }

    public Stage stage() {
        return stage;
    }

    /** Only upheld and not upheld decisions end a detailed investigation. */
    public boolean endsDetailedInvestigation() {
        return stage == Stage.INVESTIGATED;
    }
}
