package org.annualreview.organisations;

import java.time.LocalDate;
import java.util.Optional;

/** A body in the register: a council (with its ONS GSS code) or another body the ombudsman investigates. */
public record Organisation(String code, String name, String shortName, OrganisationKind kind,
        Optional<LocalDate> startedOn, Optional<LocalDate> endedOn) {
}
