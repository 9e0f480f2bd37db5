package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LetterTemplateTest {

    private static final String SETTINGS = """
            ---
            letter-date: 22 July
            publication-date: 2020-07-29
            signatory: Michael King
            signatory-titles:
              - Local Government and Social Care Ombudsman
            ---
            """;

    @Test
    void fieldsAreFilledInAndConditionalParagraphsFollowTheData() {
        LetterTemplate template = LetterTemplate.compile("2019-20.md", SETTINGS + """
                {{ chiefExecutive.greeting }}

                {% if enquiries.lateAboveThreshold %}
                Late in {{ enquiries.lateProportion }} of cases ({{ enquiries.lateAfterExtension | words }} despite an extension).

                {% endif %}
                {% for course in training.courses %}
                We delivered a {{ course | lower }} course.
                {% endfor %}
                """);

        String late = template.render(SampleFields.liverpool(SampleFields.lateInAlmostHalf(), List.of("Children's social care complaint handling")));
        String onTime = template.render(SampleFields.liverpool(SampleFields.allOnTime(), List.of()));

        assertThat(late).contains("Dear Mr Reeves", "Late in almost half of cases (two despite an extension).",
                "We delivered a children's social care complaint handling course.");
        assertThat(onTime).contains("Dear Mr Reeves").doesNotContain("Late in", "We delivered");
        assertThat(template.settings().signatoryTitles()).containsExactly("Local Government and Social Care Ombudsman");
        assertThat(template.settings().letterDate().in(org.annualreview.shared.ReportingYear.parse("2019-20")))
                .isEqualTo(java.time.LocalDate.of(2020, 7, 22));
    }

    @Test
    void anUnknownFieldFailsWithItsLineEvenInABranchTheDataWouldSkip() {
        assertThatThrownBy(() -> LetterTemplate.compile("2019-20.md", SETTINGS + """
                Dear {{ chiefExecutive.shortName }}

                {% if false %}
                {{ organisation.nmae }}
                {% endif %}
                """))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("2019-20.md, line 11: unknown field 'organisation.nmae'")
                .hasMessageContaining("'organisation' has name, code, kind");
    }

    @Test
    void anUnknownTopLevelFieldFailsWithItsLine() {
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS + "\n\n{{ counsil }}\n"))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line 10: unknown field 'counsil'");
    }

    @Test
    void aFieldOfAPlainValueFails() {
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS + "{{ organisation.name.first }}\n"))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line 8: 'organisation.name' is a value and has no field 'first'");
    }

    @Test
    void loopAndSetVariablesAreKnownInTheirScope() {
        LetterTemplate template = LetterTemplate.compile("t.md", SETTINGS
                + "{% set n = training.courses | length %}{% for c in training.courses %}{{ loop.index }} {{ c }} of {{ n }}{% endfor %}\n");
        assertThat(template.render(SampleFields.liverpool(SampleFields.allOnTime(), List.of("A", "B")))).contains("0 A of 2", "1 B of 2");
    }

    @Test
    void aSyntaxErrorFailsWithItsLine() {
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS + "Fine.\n\n{% if upheld.defined %}\nNever closed.\n"))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line ");
    }

    @Test
    void badSettingsFailWithTheirLine() {
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS.replace("signatory: Michael King", "signatry: Michael King")))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line 4: unknown setting 'signatry'");
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS.replace("22 July", "July the 22nd")))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line 2: 'July the 22nd' is not a date");
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", "Dear {{ chiefExecutive.shortName }}\n"))
                .isInstanceOf(BadTemplate.class)
                .hasMessageStartingWith("t.md, line 1: a template starts with its settings");
    }
}
