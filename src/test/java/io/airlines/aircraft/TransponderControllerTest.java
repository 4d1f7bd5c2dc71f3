package io.airlines.aircraft;

import static io.airlines.support.Problems.badRequestOn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.airlines.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

/** A transponder address answered by the real address rules, without the aircraft database file. */
@WebSlice(TransponderController.class)
class TransponderControllerTest {

    @TestConfiguration
    static class AddressRules {
        @Bean
        AircraftIdentities identities() {
            return AircraftIdentities.withoutDatabase();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void an_american_address_has_its_n_number_and_country_each_with_its_source() throws Exception {
        mvc.perform(get("/api/v1/transponders/A061D9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registration.value").value("N12345"))
                .andExpect(jsonPath("$.registration.source").value(AircraftFacts.ALGORITHM))
                .andExpect(jsonPath("$.country.iso").value("US"))
                .andExpect(jsonPath("$.model").isEmpty());
    }

    @ParameterizedTest(name = "{0} → 400 on hex")
    @ValueSource(strings = {"zzzzzz", "a0000", "1000000"})
    void what_is_not_a_24_bit_address_is_a_400_problem(String hex) throws Exception {
        mvc.perform(get("/api/v1/transponders/" + hex)).andExpect(badRequestOn("hex"));
    }
}
