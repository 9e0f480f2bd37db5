package org.annualreview.organisations;

import org.annualreview.shared.Term;

/**
 * What kind of body an organisation is. The five council types have an average of similar authorities;
 * the other bodies the ombudsman investigates do not.
 */
public enum OrganisationKind implements Term {
    COUNTY_COUNCIL("County Council", "County Councils"),
    DISTRICT_COUNCIL("District Council", "District Councils"),
    METROPOLITAN_BOROUGH("Metropolitan Borough", "Metropolitan Boroughs"),
    UNITARY_COUNCIL("Unitary Council", "Unitary Councils"),
    LONDON_BOROUGH("London Borough", "London Boroughs"),
    CARE_PROVIDER("Care provider", null),
    FIRE_AND_RESCUE_AUTHORITY("Fire and rescue authority", null),
    NATIONAL_PARK_AUTHORITY("National park authority", null),
    TRANSPORT_AUTHORITY("Transport authority", null),
    COMBINED_AUTHORITY("Combined authority", null),
    POLICE_AND_CRIME_BODY("Police and crime body", null),
    PARISH_OR_TOWN_COUNCIL("Parish or town council", null),
    OTHER_BODY("Other body", null);

    private final String label;
    private final String pluralForAverages;

    OrganisationKind(String label, String pluralForAverages) {
        this.label = label;
        this.pluralForAverages = pluralForAverages;
    }

    @Override
    public String code() {
        return Term.codeFromName(this);
    }

    @Override
    public String label() {
        return label;
    }

    /** Councils of the five types are compared with the average of their type. */
    public boolean hasTypeAverage() {
        return pluralForAverages != null;
    }

    /** "Metropolitan Boroughs"; only for council types. */
    public String plural() {
        if (!hasTypeAverage()) {
            throw new IllegalStateException(label + " has no type average");
        }
        return pluralForAverages;
    }
}
