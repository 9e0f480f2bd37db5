package org.annualreview.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingYearTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            "2023-04-01, 2023-24",
            "2024-03-31, 2023-24",
            "2024-04-01, 2024-25",
            "2024-01-01, 2023-24",
            "1999-12-31, 1999-00",
            "2000-03-31, 1999-00"
    })
    void aYearRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch(String date, String year) {
        assertThat(ReportingYear.containing(LocalDate.parse(date))).hasToString(year);
        assertThat(ReportingYear.parse(year).contains(LocalDate.parse(date))).isTrue();
    }

    @Test
    void itIsWrittenAsTheLettersAndTheAnnexWriteIt() {
        ReportingYear year = ReportingYear.parse("2023-24");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(year.endingPhrase()).isEqualTo("the year ending 31 March 2024");
        assertThat(year.periodEnding()).isEqualTo("31/03/24");
        assertThat(year.next()).hasToString("2024-25");
        assertThat(year.previous()).hasToString("2022-23");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-25", "2023/24", "23-24", "2023", "", "2023-2024", "1899-00"})
    void aMalformedYearIsRefusedWithTheFormToUse(String name) {
        assertThatThrownBy(() -> ReportingYear.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reporting year");
    }

    @Test
    void theMessageShowsTheRightSecondHalf() {
        assertThatThrownBy(() -> ReportingYear.parse("2023-25")).hasMessageContaining("like 2023-24");
    }
}
