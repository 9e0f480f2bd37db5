package org.annualreview.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.annualreview.decisions.ComplianceOutcome;
import org.annualreview.decisions.ImprovementStatus;
import org.annualreview.decisions.Outcome;
import org.annualreview.decisions.ServiceArea;
import org.annualreview.organisations.ContactRole;
import org.annualreview.organisations.OrganisationKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How one cell is read: the rules docs/formats.md gives ombudsman staff, one table each. */
class CellTypeTest {

    static Object parse(CellType type, String text) {
        try {
            return type.parse(text);
        } catch (CellType.BadCell e) {
            throw new AssertionError("'" + text + "' was refused: " + e.getMessage(), e);
        }
    }

    static String refusal(CellType type, String text) {
        try {
            Object value = type.parse(text);
            throw new AssertionError("'" + text + "' was read as " + value + ", but should have been refused");
        } catch (CellType.BadCell e) {
            return e.getMessage();
        }
    }

    @Nested
    class Dates {

        final CellType date = new CellType.Date();

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "2024-03-31, 2024-03-31",
                "31/03/2024, 2024-03-31",
                "1/4/2023,   2023-04-01",
                "01/04/2023, 2023-04-01",
                "1/04/2023,  2023-04-01",
                "29/02/2024, 2024-02-29",
                "2024-02-29, 2024-02-29",
                "31/12/1999, 1999-12-31"})
        void isoAndUkDatesAreRead(String text, LocalDate expected) {
            assertThat(parse(date, text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is refused")
        @ValueSource(strings = {
                "29/02/2023",          // 2023 is not a leap year
                "31/04/2024",          // April has 30 days
                "2024-02-30",
                "00/01/2024",
                "31/03/24",            // two-digit years are ambiguous
                "03/31/2024",          // American order: there is no month 31
                "2024-3-31",           // ISO needs two-digit months and days
                "2024/03/31",
                "31-03-2024",
                "31.03.2024",
                "31 March 2024",
                "yesterday",
                "45382"})              // an Excel serial number that reached a CSV file as a number
        void anythingElseIsRefusedSayingHowToWriteADate(String text) {
            assertThat(refusal(date, text)).isEqualTo("'" + text + "' is not a date: write 2024-03-31 or 31/03/2024");
        }
    }

    @Nested
    class WholeNumbers {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "154517,      154517",
                "'154,517',   154517",
                "'1,000,000', 1000000",
                "1,           1",
                "100000000,   100000000",
                "+42,         42"})
        void digitsWithOrWithoutThousandsSeparatorsAreRead(String text, int expected) {
            assertThat(parse(new CellType.WholeNumber(1, 100_000_000), text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is refused")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "0          | 0 is out of range: expected 1 to 100000000",
                "-5         | -5 is out of range: expected 1 to 100000000",
                "100000001  | 100000001 is out of range: expected 1 to 100000000",
                "99999999999| 99999999999 is out of range: expected 1 to 100000000",
                "1.5        | '1.5' is not a whole number",
                "154517.0   | '154517.0' is not a whole number",
                "1e5        | '1e5' is not a whole number",
                "12 345     | '12 345' is not a whole number",
                "about 150k | 'about 150k' is not a whole number"})
        void fractionsWordsAndNumbersOutOfRangeAreRefused(String text, String reason) {
            assertThat(refusal(new CellType.WholeNumber(1, 100_000_000), text)).isEqualTo(reason);
        }

        @Test
        void aMidYearBeforeTheFirstEstimatesIsOutOfRange() {
            assertThat(refusal(new CellType.WholeNumber(1971, 2999), "1970")).isEqualTo("1970 is out of range: expected 1971 to 2999");
        }
    }

    @Nested
    class Decimals {

        final CellType latitude = new CellType.Decimal(BigDecimal.valueOf(-90), BigDecimal.valueOf(90));

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"53.43, 53.43", "-2.84, -2.84", "90, 90", "-90, -90", "0, 0"})
        void decimalNumbersInRangeAreRead(String text, BigDecimal expected) {
            assertThat(parse(latitude, text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is refused")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "90.5  | 90.5 is out of range: expected -90 to 90",
                "-91   | -91 is out of range: expected -90 to 90",
                "north | 'north' is not a number",
                "53,43 | '53,43' is not a number"})
        void anythingElseIsRefused(String text, String reason) {
            assertThat(refusal(latitude, text)).isEqualTo(reason);
        }
    }

    @Nested
    class YesOrNo {

        final CellType yesNo = new CellType.YesNo();

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
                "yes, true", "Yes, true", "YES, true", "y, true", "Y, true", "true, true", "TRUE, true", "1, true",
                "no, false", "No, false", "NO, false", "n, false", "N, false", "false, false", "FALSE, false", "0, false"})
        void yesAndNoInAnyOfTheirFormsAreRead(String text, boolean expected) {
            assertThat(parse(yesNo, text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is refused")
        @ValueSource(strings = {"maybe", "2", "yes please", "ja", "x"})
        void anythingElseIsRefused(String text) {
            assertThat(refusal(yesNo, text)).isEqualTo("'" + text + "' is not yes or no");
        }
    }

    @Nested
    class Vocabularies {

        static CellType vocabulary(String which) {
            return switch (which) {
                case "outcome" -> new CellType.Vocabulary<>(Outcome.class, "outcome");
                case "service area" -> new CellType.Vocabulary<>(ServiceArea.class, "service area");
                case "kind" -> new CellType.Vocabulary<>(OrganisationKind.class, "kind");
                case "role" -> new CellType.Vocabulary<>(ContactRole.class, "role");
                case "compliance outcome" -> new CellType.Vocabulary<>(ComplianceOutcome.class, "compliance outcome");
                case "status" -> new CellType.Vocabulary<>(ImprovementStatus.class, "status");
                default -> throw new IllegalArgumentException(which);
            };
        }

        @ParameterizedTest(name = "{0} ''{1}'' is {2}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "outcome            | Upheld                                  | upheld",
                "outcome            | upheld                                  | upheld",
                "outcome            | UPHELD                                  | upheld",
                "outcome            | Not upheld                              | not-upheld",
                "outcome            | NOT UPHELD                              | not-upheld",
                "outcome            | not-upheld                              | not-upheld",
                "outcome            | not_upheld                              | not-upheld",
                "outcome            | NOT_UPHELD                              | not-upheld",
                "outcome            | Not  upheld                             | not-upheld",
                "outcome            | Referred back for local resolution      | referred-back-for-local-resolution",
                "service area       | Education and children's services       | education-and-childrens-services",
                "service area       | Education & children’s services         | education-and-childrens-services",
                "service area       | education_and_childrens_services        | education-and-childrens-services",
                "service area       | HOUSING                                 | housing",
                "kind               | Metropolitan Borough                    | metropolitan-borough",
                "kind               | metropolitan_borough                    | metropolitan-borough",
                "kind               | district council                        | district-council",
                "role               | chair of scrutiny                       | scrutiny-chair",
                "role               | SCRUTINY_CHAIR                          | scrutiny-chair",
                "role               | Monitoring Officer                      | monitoring-officer",
                "compliance outcome | complied late                           | complied-late",
                "compliance outcome | Complied_Late                           | complied-late",
                "status             | In progress                             | in-progress"})
        void aWordIsReadByItsLabelOrCodeInAnyCaseWithSpacesHyphensOrUnderscores(String which, String text, String code) {
            assertThat(parse(vocabulary(which), text)).isEqualTo(code);
        }

        @ParameterizedTest(name = "{0} ''{1}'' is refused")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "outcome            | partly upheld | unknown outcome 'partly upheld': expected one of Upheld, Not upheld, Closed after initial enquiries, "
                        + "Advice given, Incomplete or invalid, Referred back for local resolution",
                "compliance outcome | done          | unknown compliance outcome 'done': expected one of Complied, Complied late, Not complied, Pending",
                "role               | mayor         | unknown role 'mayor': expected one of Chief executive, Leader, Chair of scrutiny, Monitoring officer",
                "status             | finished      | unknown status 'finished': expected one of Agreed, In progress, Completed, Not completed"})
        void anUnknownWordIsRefusedListingTheWordsAllowed(String which, String text, String reason) {
            assertThat(refusal(vocabulary(which), text)).isEqualTo(reason);
        }
    }

    @Nested
    class TextsAndCodes {

        @Test
        void textUpToItsLengthIsKeptAsWritten() {
            assertThat(parse(new CellType.Text(5), "Ab, c")).isEqualTo("Ab, c");
        }

        @Test
        void textLongerThanItsColumnIsRefusedWithItsLength() {
            assertThat(refusal(new CellType.Text(5), "abcdef")).isEqualTo("is 6 characters long; at most 5 fit");
        }

        @ParameterizedTest(name = "{0} is a code")
        @ValueSource(strings = {"E08000011", "SAMPLE-23-0001", "SAMPLE-CP-0001", "22 001 234", "AB/12.3_4"})
        void codesHoldLettersDigitsSpacesAndSomePunctuation(String text) {
            assertThat(parse(new CellType.Code(20), text)).isEqualTo(text);
        }

        @ParameterizedTest(name = "{0} is refused")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "E0800;0011            | 'E0800;0011' may hold only letters, digits, spaces and . / _ -",
                "E08000011,E08000012   | 'E08000011,E08000012' may hold only letters, digits, spaces and . / _ -",
                "ABCDEFGHIJKLMNOPQRSTU | 'ABCDEFGHIJKLMNOPQRSTU' is longer than 20 characters"})
        void otherCodesAreRefused(String text, String reason) {
            assertThat(refusal(new CellType.Code(20), text)).isEqualTo(reason);
        }
    }

    @Nested
    class ReportingYears {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"2023-24, 2023-24", "1999-00, 1999-00", "' 2024-25 ', 2024-25"})
        void aReportingYearIsReadByItsName(String text, String expected) {
            assertThat(parse(new CellType.Year(), text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is refused")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "2023       | reporting year must look like 2023-24, not '2023'",
                "2023/24    | reporting year must look like 2023-24, not '2023/24'",
                "2023-2024  | reporting year must look like 2023-24, not '2023-2024'",
                "2023-25    | reporting year '2023-25' must name two consecutive years, like 2023-24"})
        void anythingElseIsRefused(String text, String reason) {
            assertThat(refusal(new CellType.Year(), text)).isEqualTo(reason);
        }
    }
}
