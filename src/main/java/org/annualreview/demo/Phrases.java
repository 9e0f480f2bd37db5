package org.annualreview.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.annualreview.decisions.ServiceArea;

/**
 * The made-up wording of remedies, reports, courses and Complaint Handling Code findings and notices; each says it
 * is synthetic.
 */
final class Phrases {

    static final List<String> RECOMMENDATIONS = List.of(
            "Apologise to the complainant in writing (demo)",
            "Pay £150 to acknowledge the distress caused (demo)",
            "Pay £300 to acknowledge the time and trouble of complaining (demo)",
            "Reconsider the decision properly, with reasons (demo)",
            "Complete the outstanding assessment within four weeks (demo)",
            "Refund the charges found to be wrongly made (demo)",
            "Provide the missed provision or pay for its loss (demo)");

    static final List<String> SERVICE_IMPROVEMENTS = List.of(
            "Remind staff of the statutory timescales for this service (demo)",
            "Review the procedure so decisions are recorded with reasons (demo)",
            "Train staff on the duties the complaint showed were misunderstood (demo)",
            "Check other cases for the same fault and put them right (demo)",
            "Update the information given to the public on the website (demo)",
            "Report the findings to the relevant scrutiny committee (demo)");

    /** What the ombudsman found, in a decision's words, for each provision of the Complaint Handling Code failed. */
    private static final Map<String, String> CODE_FINDINGS = Map.of(
            CodeFailures.ACKNOWLEDGEMENT_LATE, "the complaint was not acknowledged within five working days",
            CodeFailures.STAGE_1_LATE, "the stage 1 response came later than the Code allows",
            CodeFailures.STAGE_2_LATE, "the stage 2 response came later than the Code allows",
            CodeFailures.STAGE_2_NOT_OFFERED, "the complainant was not offered stage 2 of the complaints procedure",
            CodeFailures.NOT_SIGNPOSTED, "the final response did not say how to bring the complaint to the ombudsman");

    /** Synthetic reasons for a Complaint Handling Code failure notice. */
    static final String NOTICE_NO_SELF_ASSESSMENT = "Synthetic notice: the council did not publish its self-assessment against the"
            + " Complaint Handling Code when asked (demo)";
    static final List<String> NOTICE_REASONS = List.of(
            "Synthetic notice: repeated stage 1 responses later than the Complaint Handling Code allows (demo)",
            "Synthetic notice: complainants repeatedly not offered stage 2 of the complaints procedure (demo)",
            "Synthetic notice: final responses repeatedly did not say how to come to the ombudsman (demo)");

    static final List<String> COURSES = List.of(
            "Effective complaint handling",
            "Effective complaint handling for managers",
            "Complaint handling for link officers");

    /** Only for councils with social care duties. */
    static final List<String> SOCIAL_CARE_COURSES = List.of(
            "Adult social care complaint handling",
            "Children's social care complaint handling");

    private static final Map<ServiceArea, String> REPORT_TITLES = new EnumMap<>(Map.of(
            ServiceArea.ADULT_CARE_SERVICES, "Synthetic report: care charges not explained (demo)",
            ServiceArea.BENEFITS_AND_TAX, "Synthetic report: delay in council tax reduction (demo)",
            ServiceArea.CORPORATE_AND_OTHER_SERVICES, "Synthetic report: complaint left unanswered (demo)",
            ServiceArea.EDUCATION_AND_CHILDRENS_SERVICES, "Synthetic report: delay in EHC plan (demo)",
            ServiceArea.ENVIRONMENTAL_SERVICES, "Synthetic report: repeated missed bin collections (demo)",
            ServiceArea.HIGHWAYS_AND_TRANSPORT, "Synthetic report: school transport wrongly refused (demo)",
            ServiceArea.HOUSING, "Synthetic report: homeless family left in unsuitable accommodation (demo)",
            ServiceArea.PLANNING_AND_DEVELOPMENT, "Synthetic report: objections to a planning application not considered (demo)",
            ServiceArea.OTHER, "Synthetic report: poor record keeping (demo)"));

    private Phrases() {
    }

    static String reportTitle(ServiceArea area) {
        return REPORT_TITLES.get(area);
    }

    /** A decision's Complaint Handling Code finding for the provisions failed, or null for none. */
    static String codeFinding(List<String> provisions) {
        if (provisions.isEmpty()) {
            return null;
        }
        return "Synthetic finding under the Complaint Handling Code: "
                + String.join("; ", provisions.stream().map(CODE_FINDINGS::get).toList()) + " (demo)";
    }
}
