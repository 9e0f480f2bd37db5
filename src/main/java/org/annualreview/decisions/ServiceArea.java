package org.annualreview.decisions;

import org.annualreview.shared.Term;

/** The service a complaint was about, in the ombudsman's categories. */
public enum ServiceArea implements Term {
    ADULT_CARE_SERVICES("Adult care services"),
    BENEFITS_AND_TAX("Benefits and tax"),
    CORPORATE_AND_OTHER_SERVICES("Corporate and other services"),
    EDUCATION_AND_CHILDRENS_SERVICES("Education and children's services"),
    ENVIRONMENTAL_SERVICES("Environmental services"),
    HIGHWAYS_AND_TRANSPORT("Highways and transport"),
    HOUSING("Housing"),
    PLANNING_AND_DEVELOPMENT("Planning and development"),
    OTHER("Other");

    private final String label;

    ServiceArea(String label) {
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
