package org.annualreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditActionTest {

    @Test
    void aKnownActionReadsAsWords() {
        assertThat(AuditAction.of("approve-letter").inWords()).isEqualTo("Letter approved");
        assertThat(AuditAction.of("record-publication-exception").inWords()).isEqualTo("Publication exception recorded");
    }

    @Test
    void anActionNotListedReadsAsItsOwnWordsNotItsCode() {
        assertThat(AuditAction.of("set-training-total")).isEqualTo(new AuditAction("set-training-total", "Set training total"));
    }
}
