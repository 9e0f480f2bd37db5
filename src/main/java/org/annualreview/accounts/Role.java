package org.annualreview.accounts;

import org.annualreview.imports.RecordType;
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

    /**
     * Whether an account of this role may add, change, delete or import records of the type, by whatever path (a form,
     * an upload, a sheet of a workbook): the register (organisations and their populations) is the administrators';
     * every other record the analysts' too; council users change none.
     */
    public boolean mayChange(RecordType type) {
        return switch (this) {
            case ADMINISTRATOR -> true;
            case ANALYST -> type != RecordType.ORGANISATIONS && type != RecordType.POPULATIONS;
            case COUNCIL -> false;
        };
    }

    /** Whether an account of this role sets the day a year's figures and letters go public. */
    public boolean setsPublicationDates() {
        return this == ADMINISTRATOR;
    }

    /** The Spring Security authority of the role: ROLE_ADMINISTRATOR… */
    public String authority() {
        return "ROLE_" + name();
    }
}
