package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which record type a file or sheet holds, told by its name, and the shape every record type must have. */
class RecordTypeTest {

    @ParameterizedTest(name = "{0} holds {1}")
    @CsvSource({
            "decisions,                     DECISIONS",
            "Decisions,                     DECISIONS",
            "DECISIONS,                     DECISIONS",
            "decisions-2023-24,             DECISIONS",
            "decisions_march,               DECISIONS",
            "decisions 2023-24,             DECISIONS",
            "decisions2024,                 DECISIONS",
            "training-totals,               TRAINING_TOTALS",
            "training-totals-2024,          TRAINING_TOTALS",
            "Training Totals,               TRAINING_TOTALS",
            "training_totals_2023-24,       TRAINING_TOTALS",
            "training,                      TRAINING",
            "training_2023,                 TRAINING",
            "training-2023-24,              TRAINING",
            "organisations,                 ORGANISATIONS",
            "populations-mid-2023,          POPULATIONS",
            "contacts,                      CONTACTS",
            "recommendations-q4,            RECOMMENDATIONS",
            "service-improvements,          SERVICE_IMPROVEMENTS",
            "Service improvements 2023-24,  SERVICE_IMPROVEMENTS",
            "service_improvements,          SERVICE_IMPROVEMENTS",
            "enquiries,                     ENQUIRIES"})
    void aNameStartingWithARecordTypeHoldsThatType(String name, RecordType expected) {
        assertThat(RecordType.named(name)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}'' holds nothing known")
    @ValueSource(strings = {
            "notes",
            "decision",             // the singular is not a record type's name
            "decisionsx",
            "trainingcourses",      // a letter after the name makes another word
            "my-decisions",         // the name must come first
            "service",
            ""})
    void anyOtherNameHoldsNothingKnown(String name) {
        assertThat(RecordType.named(name)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyRecordTypeIsNamedByItsOwnFileName(RecordType type) {
        assertThat(RecordType.named(type.fileName())).contains(type);
        assertThat(RecordType.named(type.fileName() + "-2023-24")).contains(type);
    }

    @Test
    void recordTypesAreImportedInDependencyOrder() {
        assertThat(List.of(RecordType.values())).containsExactly(RecordType.ORGANISATIONS, RecordType.POPULATIONS,
                RecordType.CONTACTS, RecordType.CODE_PROVISIONS, RecordType.DECISIONS, RecordType.RECOMMENDATIONS,
                RecordType.SERVICE_IMPROVEMENTS, RecordType.CODE_FAILURES, RecordType.ENQUIRIES, RecordType.TRAINING,
                RecordType.TRAINING_TOTALS, RecordType.CODE_SELF_ASSESSMENTS, RecordType.CODE_FAILURE_NOTICES);
        assertThat(RecordType.allNames()).isEqualTo("organisations, populations, contacts, code-provisions, decisions, recommendations, "
                + "service-improvements, code-failures, enquiries, training, training-totals, code-self-assessments, code-failure-notices");
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everyColumnOfTheNaturalKeyIsRequired(RecordType type) {
        assertThat(type.keys()).isNotEmpty();
        for (String key : type.keys()) {
            assertThat(type.columns().get(type.indexOf(key)).required()).as("%s key column %s", type, key).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void headingsAreLowercaseWordsJoinedByUnderscoresAndUnique(RecordType type) {
        // derived columns (the reporting year of a date) have no heading: files never hold them
        List<String> headings = type.columns().stream().filter(c -> !c.isDerived()).map(Column::heading).toList();
        assertThat(headings).doesNotHaveDuplicates().allMatch(h -> h.matches("[a-z]+(_[a-z]+)*"));
    }
}
