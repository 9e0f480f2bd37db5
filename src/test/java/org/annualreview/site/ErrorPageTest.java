package org.annualreview.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPageTest {

    @Test
    void eachStatusHasItsOwnWordsAndAProblemOfOursSaysSorry() {
        assertThat(ErrorPage.of(404).title()).isEqualTo("Page not found");
        assertThat(ErrorPage.of(403).title()).isEqualTo("You cannot see this page");
        assertThat(ErrorPage.of(405).title()).isEqualTo("The address could not be understood");
        assertThat(ErrorPage.of(500).title()).isEqualTo("Sorry, there is a problem with the service");
        assertThat(ErrorPage.of(503).render()).contains("<h1 class=\"govuk-heading-l\">Sorry, there is a problem with the service</h1>",
                "govuk-footer").doesNotContain("503");
    }
}
