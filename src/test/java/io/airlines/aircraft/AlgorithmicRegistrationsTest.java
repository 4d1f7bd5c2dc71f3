package io.airlines.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlgorithmicRegistrationsTest {

    /** Canadian pairs published with an independent implementation, the US one of NNumbersTest, and the series' ends. */
    @ParameterizedTest
    @CsvSource({"C00BCF, C-FEMG", "C07BED, C-GUYE", "C00001, C-FAAA", "C044A8, C-FZZZ", "C044A9, C-GAAA",
            "C08950, C-GZZZ", "A061D9, N12345"})
    void addressesOfRuleBasedRegistriesHaveTheirRegistration(String hex, String registration) {
        assertThat(AlgorithmicRegistrations.registrationOf(Integer.parseInt(hex, 16))).contains(registration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C00000", "C08951", "3C6444", "ADF7C8"})
    void otherAddressesHaveNone(String hex) {
        assertThat(AlgorithmicRegistrations.registrationOf(Integer.parseInt(hex, 16))).isEmpty();
    }
}
