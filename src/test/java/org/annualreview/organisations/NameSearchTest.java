package org.annualreview.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSearchTest {

    @Test
    void apostrophesAreIgnoredEitherWay() {
        assertThat(NameSearch.matches("King's Lynn and West Norfolk Borough Council", "Kings Lynn")).isTrue();
        assertThat(NameSearch.matches("Kings Lynn and West Norfolk Borough Council", "King's Lynn")).isTrue();
        assertThat(NameSearch.matches("King\u2019s Lynn and West Norfolk Borough Council", "king's lynn")).isTrue();
    }

    @Test
    void saintWithOrWithoutAFullStopAndAmpersandOrAnd() {
        assertThat(NameSearch.matches("St. Albans City and District Council", "St Albans")).isTrue();
        assertThat(NameSearch.matches("St Albans City and District Council", "st. albans")).isTrue();
        assertThat(NameSearch.matches("Brighton & Hove City Council", "Brighton and Hove")).isTrue();
        assertThat(NameSearch.matches("Brighton and Hove City Council", "brighton & hove")).isTrue();
    }

    @Test
    void hyphensCommasAndSpacesAreOneSpaceAndAccentsDrop() {
        assertThat(NameSearch.matches("Stockton-on-Tees Borough Council", "stockton on tees")).isTrue();
        assertThat(NameSearch.matches("Bristol, City of", "bristol city")).isTrue();
        assertThat(NameSearch.matches("Cyngor Gwynedd Council", "  gwynedd  ")).isTrue();
        assertThat(NameSearch.matches("Ynys Môn", "ynys mon")).isTrue();
    }

    @Test
    void otherWordsAndBlankWordsFindNothing() {
        assertThat(NameSearch.matches("Knowsley Metropolitan Borough Council", "Liverpool")).isFalse();
        assertThat(NameSearch.matches("Knowsley Metropolitan Borough Council", " '. ")).isFalse();
        assertThat(NameSearch.matches("Knowsley Metropolitan Borough Council", "")).isFalse();
    }
}
