package io.airlines.aircraft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class NNumbersTest {

    /** Pairs published with independent implementations of the FAA sequence, and its two ends. */
    @ParameterizedTest
    @CsvSource({
            "A00001, N1",
            "ADF7C7, N99999",
            "A061D9, N12345",
            "ABCDEF, N86QU",
            "AAB1CF, N78888",
    })
    void knownPairsMapBothWays(String hex, String registration) {
        assertThat(NNumbers.registrationOf(hex)).contains(registration);
        assertThat(NNumbers.addressOf(registration)).hasValue(Integer.parseInt(hex, 16));
    }

    @Test
    void theSequenceRunsThroughSuffixesBeforeLongerNumbers() {
        assertThat(NNumbers.registrationOf(0xA00002)).contains("N1A");
        assertThat(NNumbers.registrationOf(0xA00003)).contains("N1AA");
        assertThat(NNumbers.registrationOf(0xA0001B)).contains("N1B");
        assertThat(NNumbers.registrationOf(0xA00001 + 600)).contains("N1ZZ");
        assertThat(NNumbers.registrationOf(0xA00001 + 601)).contains("N10");
    }

    @Test
    void everyAddressOfTheSequenceRoundTrips() {
        for (int address = NNumbers.FIRST; address <= NNumbers.LAST; address++) {
            String registration = NNumbers.registrationOf(address).orElseThrow();
            assertThat(NNumbers.addressOf(registration)).as(registration).hasValue(address);
        }
    }

    @Test
    void addressesOutsideTheSequenceHaveNoNNumber() {
        assertThat(NNumbers.registrationOf(0xA00000)).isEmpty();
        assertThat(NNumbers.registrationOf(0xADF7C8)).isEmpty();
        assertThat(NNumbers.registrationOf(0x3C6444)).isEmpty();
        assertThat(NNumbers.registrationOf("not-hex")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N", "N0", "N01", "N1I", "N1O", "N12ABC", "N123456", "N1234AB", "D-AIMA", "N1-A"})
    void malformedNNumbersHaveNoAddress(String registration) {
        assertThat(NNumbers.addressOf(registration)).isEqualTo(OptionalInt.empty());
    }
}
