package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventRulesTest {

    static Position state(String phase, String squawk, Integer delay, long time) {
        return new Position("k1", "DLH1", null, null, null, "FRA", "JFK", 50.0, 8.0, 1000.0, 300.0, 90.0, 0.0, squawk,
                "ground".equals(phase), phase, null, null, delay, "sbs", time, time, null, null, null, null);
    }

    @Test
    void leaving_the_ground_is_a_takeoff_and_reaching_it_a_landing() {
        assertThat(EventRules.detect(state("ground", "1000", null, 1), state("climb", "1000", null, 2)))
                .extracting(FlightEvent::type).containsExactly("takeoff");
        assertThat(EventRules.detect(state("descent", "1000", null, 1), state("ground", "1000", null, 2)))
                .extracting(FlightEvent::type).containsExactly("landing");
        assertThat(EventRules.detect(state("cruise", "1000", null, 1), state("descent", "1000", null, 2))).isEmpty();
    }

    @Test
    void an_emergency_squawk_is_reported_once_when_it_appears() {
        assertThat(EventRules.detect(state("cruise", "1000", null, 1), state("cruise", "7700", null, 2)))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo("emergency");
                    assertThat(e.squawk()).isEqualTo("7700");
                    assertThat(e.id()).isEqualTo("k1-emergency-2");
                });
        assertThat(EventRules.detect(state("cruise", "7700", null, 2), state("cruise", "7700", null, 3))).isEmpty();
        assertThat(EventRules.detect(null, state("cruise", "7500", null, 3))).extracting(FlightEvent::detail)
                .containsExactly("squawk 7500 (hijack)");
        assertThat(EventRules.detect(null, state("cruise", "7600", null, 3))).extracting(FlightEvent::detail)
                .containsExactly("squawk 7600 (radio failure)");
    }

    @Test
    void a_predicted_delay_crossing_15_minutes_is_reported_once() {
        assertThat(EventRules.detect(state("cruise", "1000", 10, 1), state("cruise", "1000", 16, 2)))
                .extracting(FlightEvent::type).containsExactly("delay");
        assertThat(EventRules.detect(state("cruise", "1000", 16, 1), state("cruise", "1000", 20, 2))).isEmpty();
        assertThat(EventRules.detect(state("cruise", "1000", 10, 1), state("cruise", "1000", 15, 2))).isEmpty();
    }
}
