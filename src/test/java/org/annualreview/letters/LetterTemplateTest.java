package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void withArticlePutsAOrAnBeforeAFieldAsItsFirstWordSounds() {
        LetterTemplate template = LetterTemplate.compile("t.md", SETTINGS + """
                {% for course in training.courses %}
                We delivered {{ course | lower | withArticle }} course.
                {% endfor %}
                """);

        assertThat(template.render(SampleFields.liverpool(SampleFields.allOnTime(), List.of("Effective complaint handling",
                "Children's social care complaint handling", "Unique remedies"))).strip()).isEqualTo("""
                We delivered an effective complaint handling course.
                We delivered a children's social care complaint handling course.
                We delivered a unique remedies course.""");
    }

    @Test
    void theCheckKnowsTheFirstLineNamingAFieldOnAnyBranchAndUnderAnyName() {
        LetterTemplate template = LetterTemplate.compile("t.md", SETTINGS + """
                Dear {{ chiefExecutive.shortName }}

                {% if false %}
                {{ scheme.moreOrFewer }}
                {% endif %}
                {% set s = scheme %}{% set banner = "none" %}
                {{ s.workshopsLastYear }} {{ banner }}
                {{ scheme.moreOrFewer }}
                """);

        assertThat(template.lineNaming("scheme.moreOrFewer")).hasValue(11);
        assertThat(template.lineNaming("scheme.workshopsLastYear")).as("through a set").hasValue(14);
        assertThat(template.lineNaming("chiefExecutive.shortName")).hasValue(8);
        assertThat(template.lineNaming("scheme.workshopsChange")).isEmpty();
        assertThat(template.lineNaming("letter.banner")).as("a set's name is not the field").isEmpty();
    }

    @Test
    void aMisspeltFilterFailsWithItsLine() {
        assertThatThrownBy(() -> LetterTemplate.compile("t.md", SETTINGS + "Dear {{ chiefExecutive.shortName }}\n\n"
                + "{% if true %}{{ organisation.kind | withArtcle }}{% endif %}\n"))
                .isInstanceOf(BadTemplate.class)
                .hasMessage("t.md, line 10: the filter 'withArtcle' is not one a letter may use: the filters are join, length, lower, upper,"
                        + " withArticle, words");
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

    /**
     * A template may use only its fields, the documented filters and tests, and {@code if}, {@code for} and
     * {@code set}: anything else (the whole context, methods of values, functions, other templates) is refused when
     * it is loaded, naming the line.
     */
    @Nested
    class ATemplateSeesOnlyItsFieldsAndFilters {

        /** The payload on line 10 of a template that is otherwise fine. */
        private static String withLine10(String payload) {
            return SETTINGS + "Dear {{ chiefExecutive.shortName }}\n\n" + payload + "\n\nYours sincerely\n";
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
                {% set a=[_context] %}{{ a|first }} => '_context' is not a field
                {{ _context }} => '_context' is not a field
                {{ (1).getLong("sun.arch.data.model") }} => calls the method 'getLong'
                {{ "x".getClass().forName("java.lang.Runtime") }} => calls the method 'getClass'
                {{ organisation.name.getBytes() }} => calls the method 'getBytes'
                {{ organisation.class }} => unknown field 'organisation.class'
                {{ organisation.name.class }} => 'organisation.name' is a value and has no field 'class'
                {{ training.courses.size }} => 'training.courses' is a list and has no field 'size'
                {{ training.courses[0] }} => fields are named
                {{ i18n("messages", "greeting") }} => 'i18n(…)' is not something a letter may use
                {{ range(1, 100000000) | length }} => 'range(…)' is not something a letter may use
                {% for i in range(1,2000000) %}x{% endfor %} => 'range(…)' is not something a letter may use
                {{ max(1, 2) }} => 'max(…)' is not something a letter may use
                {{ block("letter") }} => 'block(…)' is not something a letter may use
                {{ (1..2000000) | length }} => '..' is not something a letter may use
                {{ organisation.name ~ organisation.code }} => '~' is not something a letter may use
                {{ counts.upheld + 1 }} => '+' is not something a letter may use
                {{ upheld.defined ? "a" : "b" }} => 'a ? b : c' is not something a letter may use
                {% set m = {"a": organisation} %} => lists and maps cannot be written
                {{ organisation.name | capitalize }} => the filter 'capitalize' is not one a letter may use
                {% if note is null %}x{% endif %} => the test 'null' is not one a letter may use
                {{ template }} => unknown field 'template'
                {{ locale }} => unknown field 'locale'
                {% include "/etc/passwd" %} => the tag 'include' is not one a letter may use
                {% import "other.md" %} => the tag 'import' is not one a letter may use
                {% from "other.md" import signature %} => the tag 'from' is not one a letter may use
                {% extends "other.md" %} => the tag 'extends' is not one a letter may use
                {% embed "other.md" %}{% endembed %} => the tag 'embed' is not one a letter may use
                {% macro m() %}x{% endmacro %} => the tag 'macro' is not one a letter may use
                {% block b %}x{% endblock %} => the tag 'block' is not one a letter may use
                {% cache "k" %}x{% endcache %} => the tag 'cache' is not one a letter may use
                {% parallel %}x{% endparallel %} => the tag 'parallel' is not one a letter may use
                {% flush %} => the tag 'flush' is not one a letter may use
                {% filter upper %}x{% endfilter %} => the tag 'filter' is not one a letter may use
                {% autoescape "html" %}x{% endautoescape %} => the tag 'autoescape' is not one a letter may use
                {% verbatim %}{{ _context }}{% endverbatim %} => the tag 'verbatim' is not one a letter may use
                {% for a in training.courses %}{% for b in training.courses %}{% for c in training.courses %}x{% endfor %}{% endfor %}{% endfor %} => a repeat inside a repeat inside a repeat
                {% for c in organisation.name %}x{% endfor %} => 'organisation.name' is not a list
                """)
        void isRefusedWhenLoadedNamingItsLine(String payload, String reason) {
            assertThatThrownBy(() -> LetterTemplate.compile("t.md", withLine10(payload)))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessageStartingWith("t.md, line 10: ")
                    .hasMessageContaining(reason);
        }

        @Test
        void aLetterThatWouldRepeatTooMuchStopsNamingTheLineOfTheRepeat() {
            LetterTemplate template = LetterTemplate.compile("t.md", SETTINGS.replace("signatory-titles:\n",
                    "signatory-titles:\n" + "  - A title\n".repeat(40)) + """
                    Dear {{ chiefExecutive.shortName }}

                    {% for a in signatory.titles %}
                    {% for b in signatory.titles %}.{% endfor %}
                    {% endfor %}
                    """);
            LetterFields fields = SampleFields.liverpool(SampleFields.allOnTime(), List.of());
            LetterFields forty = new LetterFields(fields.organisation(), fields.chiefExecutive(), fields.letter(), fields.year(),
                    fields.upheld(), fields.upheldPerHundredThousand(), fields.compliance(), fields.satisfactoryRemedy(), fields.codeFailures(), fields.counts(),
                    fields.enquiries(), fields.training(), fields.code(), fields.scheme(), new LetterFields.Signatory("Michael King",
                            template.settings().signatoryTitles(), ""), "");

            long started = System.nanoTime();
            assertThatThrownBy(() -> template.render(forty))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessage("t.md, line 51: this letter would repeat more than 1,000 times in all (each {% for %} counts each time"
                            + " round): a letter repeats for its courses or the signatory's titles, which are a few");
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
        }

        @Test
        void aLetterWhoseRepeatsWouldTakeTooManyStepsStopsNamingTheLineOfTheRepeat() {
            String conditions = "{% if upheld.count > 1 and organisation.name is empty %}x{% endif %}".repeat(500);
            LetterTemplate template = LetterTemplate.compile("t.md", withLine10("{% for title in signatory.titles %}" + conditions
                    + "{% endfor %}"));
            LetterFields fields = SampleFields.liverpool(SampleFields.allOnTime(), List.of());
            LetterFields forty = new LetterFields(fields.organisation(), fields.chiefExecutive(), fields.letter(), fields.year(),
                    fields.upheld(), fields.upheldPerHundredThousand(), fields.compliance(), fields.satisfactoryRemedy(), fields.codeFailures(), fields.counts(),
                    fields.enquiries(), fields.training(), fields.code(), fields.scheme(), new LetterFields.Signatory("Michael King",
                            java.util.Collections.nCopies(40, "A title"), ""), "");

            assertThat(template.render(fields)).as("two titles: a few thousand steps").contains("Dear Mr Reeves");
            assertThatThrownBy(() -> template.render(forty))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessageStartingWith("t.md, line 10: this letter would take more than 100,000 steps to write");
        }

        @Test
        void aLetterThatWouldBeTooLongStops() {
            LetterTemplate template = LetterTemplate.compile("t.md", withLine10("{% for title in signatory.titles %}{{ title }}{% endfor %}"));
            LetterFields fields = SampleFields.liverpool(SampleFields.allOnTime(), List.of());
            LetterFields longTitles = new LetterFields(fields.organisation(), fields.chiefExecutive(), fields.letter(), fields.year(),
                    fields.upheld(), fields.upheldPerHundredThousand(), fields.compliance(), fields.satisfactoryRemedy(), fields.codeFailures(), fields.counts(),
                    fields.enquiries(), fields.training(), fields.code(), fields.scheme(), new LetterFields.Signatory("Michael King",
                            java.util.Collections.nCopies(40, "x".repeat(3_000)), ""), "");

            assertThatThrownBy(() -> template.render(longTitles))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessage("t.md: this letter would be longer than 100,000 characters, so it was stopped: a letter is a few thousand");
        }

        @Test
        void aLetterStillRepeatingAfterItsTimeStops() throws InterruptedException {
            RepeatLimit limit = new RepeatLimit("t.md", java.time.Duration.ZERO);
            Thread.sleep(1);

            assertThatThrownBy(() -> limit.turn(12, 1))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessage("t.md, line 12: this letter was still repeating after 0 seconds, so it was stopped: repeat less");
        }

        @Test
        void aTemplateTooLongToBeALetterIsRefused() {
            assertThatThrownBy(() -> LetterTemplate.compile("t.md", withLine10("x".repeat(100_001))))
                    .isInstanceOf(BadTemplate.class)
                    .hasMessageStartingWith("t.md: the template is longer than 100,000 characters");
        }

        @Test
        void whatTheDocumentedLanguageAllowsStillWorks() {
            LetterTemplate template = LetterTemplate.compile("t.md", withLine10("""
                    {% if upheld.defined and not (counts.upheld < 2) or upheld.count >= 1 %}Upheld {{ upheld.shown }}.{% endif %}
                    {% if note is empty %}No note.{% elseif note is not empty %}{{ note }}{% else %}never{% endif %}
                    {{ counts.publicReports | words }} {{ organisation.name | upper }} {{ organisation.kind | lower }}
                    {{ signatory.titles | join(", ") }} ({{ signatory.titles | length }})
                    {% for course in training.courses %}{% for title in signatory.titles %}{{ loop.index }}{% endfor %}{{ course }}{% if loop.last %}.{% endif %}{% endfor %}
                    {% set n = training.courses | length %}{% if n != 0 and enquiries.lateShare > -1 %}{{ n }} courses{% endif %}"""));

            assertThat(template.render(SampleFields.liverpool(SampleFields.allOnTime(), List.of("A", "B"))))
                    .contains("Upheld 65%.", "No note.", "no LIVERPOOL CITY COUNCIL metropolitan borough",
                            "Local Government and Social Care Ombudsman, Chair, Commission for Local Administration in England (2)",
                            "01A01B.", "2 courses");
        }
    }
}
