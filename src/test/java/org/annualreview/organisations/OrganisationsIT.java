package org.annualreview.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.annualreview.imports.Imports;
import org.annualreview.testing.RecordFiles;
import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding an organisation by what staff type: a code, a name, or part of a name. Decoys share parts of the names. */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class OrganisationsIT {

    @Parameter
    String databaseKind;

    @TempDir
    Path directory;

    TestDatabase database;
    Organisations organisations;

    @BeforeEach
    void register() {
        database = TestDatabase.start(databaseKind);
        organisations = new Organisations(database.dataSource());
        new RecordFiles(directory)
                .row("organisations", RecordFiles.cells("code", "E08000011", "name", "Knowsley Metropolitan Borough Council",
                        "short_name", "Knowsley", "kind", "Metropolitan Borough"))
                .row("organisations", RecordFiles.cells("code", "E06000063", "name", "Cumberland Council", "short_name", "Cumberland",
                        "kind", "Unitary Council", "start_date", "2023-04-01"))
                .row("organisations", RecordFiles.cells("code", "E10000006", "name", "Cumbria County Council", "short_name", "Cumbria",
                        "kind", "County Council", "end_date", "2023-03-31"))
                .row("organisations", RecordFiles.cells("code", "E06000064", "name", "Westmorland and Furness Council",
                        "short_name", "Westmorland and Furness", "kind", "Unitary Council"))
                .importInto(new Imports(database.dataSource(), event -> { }));
    }

    @AfterEach
    void stop() {
        if (database != null) {   // null when the database was not reachable and the test was skipped
            database.close();
        }
    }

    @Test
    void findsByCodeInAnyCase() {
        assertThat(organisations.find("e06000063").name()).isEqualTo("Cumberland Council");
    }

    @Test
    void findsByFullOrShortNameInAnyCase() {
        assertThat(organisations.find("cumbria county council").code()).isEqualTo("E10000006");
        assertThat(organisations.find("CUMBERLAND").code()).isEqualTo("E06000063");
    }

    @Test
    void findsByAPartOfTheNameOnlyOneOrganisationHas() {
        assertThat(organisations.find("Furness").code()).isEqualTo("E06000064");
        assertThat(organisations.find("knowsley metro").code()).isEqualTo("E08000011");
    }

    @Test
    void anExactNameWinsOverLongerNamesContainingIt() {
        // "Cumberland" is also part of no other name, but "Council" is part of all four
        assertThat(organisations.find("Cumberland Council").code()).isEqualTo("E06000063");
    }

    @Test
    void aPartSharedBySeveralListsThemAndAsksForACode() {
        assertThatThrownBy(() -> organisations.find("Cumb")).isInstanceOf(Organisations.UnknownOrganisation.class)
                .hasMessageContaining("'Cumb' matches 2 organisations")
                .hasMessageContaining("E06000063  Cumberland Council")
                .hasMessageContaining("E10000006  Cumbria County Council")
                .message().doesNotContain("Knowsley").doesNotContain("Westmorland");
    }

    @Test
    void anUnknownNameSaysSo() {
        assertThatThrownBy(() -> organisations.find("Atlantis")).hasMessage("no organisation has the code or name 'Atlantis'");
    }

    @Test
    void keepsTheYearsAnOrganisationExisted() {
        Organisation cumbria = organisations.find("E10000006");
        assertThat(cumbria.endedOn()).contains(java.time.LocalDate.of(2023, 3, 31));
        assertThat(cumbria.startedOn()).isEmpty();
        assertThat(organisations.find("E06000063").startedOn()).contains(java.time.LocalDate.of(2023, 4, 1));
        assertThat(cumbria.kind()).isEqualTo(OrganisationKind.COUNTY_COUNCIL);
    }
}
