package org.annualreview.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.pebbletemplates.pebble.extension.ExtensionRegistry;
import io.pebbletemplates.pebble.loader.MemoryLoader;
import io.pebbletemplates.pebble.node.ForNode;
import org.junit.jupiter.api.Test;

/**
 * The engine behind a letter template, the second wall after {@link FieldCheck}: whatever a template says, it has
 * no functions, no tags, filters or tests but a letter's, and calls no method but the fields of a letter.
 */
class TemplateLanguageTest {

    private final ExtensionRegistry engine = TemplateLanguage.engine("t.md", new MemoryLoader()).getExtensionRegistry();

    @Test
    void theEngineHasNoFunctionsAndOnlyTheTagsFiltersAndTestsOfALetter() {
        for (String function : List.of("range", "i18n", "max", "min", "block", "parent")) {
            assertThat(engine.getFunction(function)).as(function).isNull();
        }
        assertThat(engine.getTokenParsers()).containsOnlyKeys("if", "for", "set");
        assertThat(engine.getTokenParsers().get("for")).isInstanceOf(RepeatLimit.ForTag.class);
        for (String filter : List.of("lower", "upper", "words", "join", "length", "withArticle")) {
            assertThat(engine.getFilter(filter)).as(filter).isNotNull();
        }
        for (String filter : List.of("first", "capitalize", "escape", "raw", "merge", "split", "base64decode", "date", "slice")) {
            assertThat(engine.getFilter(filter)).as(filter).isNull();
        }
        assertThat(engine.getTest("empty")).isNotNull();
        assertThat(engine.getTest("defined")).isNull();
        assertThat(engine.getGlobalVariables()).isEmpty();
    }

    @Test
    void onlyTheFieldsOfALetterAreMethodsItMayCall() throws Exception {
        LetterFields.Organisation organisation = new LetterFields.Organisation("Knowsley", "E08000011", "Metropolitan Borough",
                "Metropolitan Boroughs", true);

        assertThat(TemplateLanguage.isFieldOfALetter(organisation, LetterFields.Organisation.class.getMethod("name"))).isTrue();
        assertThat(TemplateLanguage.isFieldOfALetter(organisation, LetterFields.Organisation.class.getMethod("hasTypeAverage"))).isTrue();
        assertThat(TemplateLanguage.isFieldOfALetter(organisation, Object.class.getMethod("getClass"))).isFalse();
        assertThat(TemplateLanguage.isFieldOfALetter(organisation, LetterFields.Organisation.class.getMethod("toString"))).isFalse();
        assertThat(TemplateLanguage.isFieldOfALetter(1L, Long.class.getMethod("getLong", String.class))).isFalse();
        assertThat(TemplateLanguage.isFieldOfALetter("x", String.class.getMethod("getBytes"))).isFalse();
        assertThat(TemplateLanguage.isFieldOfALetter(new ForNode.LoopVariables(), ForNode.LoopVariables.class.getMethod("getIndex"))).isTrue();
        assertThat(TemplateLanguage.isFieldOfALetter(new ForNode.LoopVariables(), Object.class.getMethod("getClass"))).isFalse();
    }
}
