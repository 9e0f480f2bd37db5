package org.annualreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"mo@x.example", "chief.executive@knowsley.gov.uk", "First.Last+letters@sub.council-name.gov.uk", "o'neill@x.example"})
    void oneAddressAloneIsAccepted(String address) {
        assertThat(EmailAddress.problem(address)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "mo@x.example,x                | 'mo@x.example,x' is not one email address: it is a list",
            "mo@x.example; leader@x.example | is not one email address: it is a list",
            "Mo Officer <mo@x.example>     | 'Mo Officer <mo@x.example>' is not an email address alone: write only the address",
            "mo@x                          | 'mo@x' is not an email address",
            "mo @x.example                 | 'mo @x.example' is not an email address",
            "mo@x..example                 | is not an email address",
            "a@b.example@c.example         | is not an email address",
            "mo@x.example (officer)        | is not an email address",
            "mo(officer)@x.example         | is not an email address",
            "müller@x.example              | is not an email address",
            "group: mo@x.example;          | is not one email address",
            "mo@-x.example                 | is not an email address",
            "mo@[192.0.2.1]                | is not an email address"})
    void anythingButOneAddressAloneIsRefusedWithTheReason(String text, String reason) {
        assertThat(EmailAddress.problem(text)).hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }
}
