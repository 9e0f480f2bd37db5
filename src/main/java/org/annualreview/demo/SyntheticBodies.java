package org.annualreview.demo;

import java.util.List;

import org.annualreview.organisations.OrganisationKind;

/** A handful of bodies other than councils, plainly made up, so the demo shows how they are handled. */
final class SyntheticBodies {

    private SyntheticBodies() {
    }

    static List<Organisation> all() {
        return List.of(
                body("DEMO-CP-0001", "Example Care Homes Ltd (synthetic)", "Example Care Homes", OrganisationKind.CARE_PROVIDER),
                body("DEMO-CP-0002", "Sample Home Care Services Ltd (synthetic)", "Sample Home Care", OrganisationKind.CARE_PROVIDER),
                body("DEMO-CP-0003", "Illustrative Residential Care Ltd (synthetic)", "Illustrative Residential Care", OrganisationKind.CARE_PROVIDER),
                body("DEMO-FR-0001", "Example Fire and Rescue Authority (synthetic)", "Example Fire and Rescue", OrganisationKind.FIRE_AND_RESCUE_AUTHORITY),
                body("DEMO-NP-0001", "Example National Park Authority (synthetic)", "Example National Park", OrganisationKind.NATIONAL_PARK_AUTHORITY));
    }

    private static Organisation body(String code, String name, String shortName, OrganisationKind kind) {
        return new Organisation(code, name, shortName, kind, null, null, null, null, null, null, null, 0);
    }
}
