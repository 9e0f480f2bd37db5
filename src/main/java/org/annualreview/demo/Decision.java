package org.annualreview.demo;

import java.time.LocalDate;

import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;

/** One synthetic decision, passed on to what follows from it (recommendations, improvements, enquiries). */
record Decision(String caseReference, Organisation organisation, ServiceArea serviceArea, LocalDate receivedOn,
        LocalDate decidedOn, Outcome outcome, boolean satisfactoryRemedy) {

    boolean investigated() {
        return outcome.endsDetailedInvestigation();
    }
}
