package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventRulesTest {

    static final ReferenceData REF = ReferenceData.builtIn();

    static Position state(String phase, String squawk, Integer delay, long time) {
        return new Position("k1", "DLH1", null, null, null, "FRA", "JFK", 50.0, 8.0, 1000.0, 300.0, 90.0, 0.0, squawk,
                "ground".equals(phase), phase, null, null, delay, "sbs", time, time, null, null, null, null);
    }

    @Test
    void leaving_the_ground_is_a_takeoff_and_reaching_it_a_landing() {
        assertThat(EventRules.detect(state("ground", "1000", null, 1), state("climb", "1000", null, 2), REF))
                .extracting(FlightEvent::type).containsExactly("takeoff");
        assertThat(EventRules.detect(state("descent", "1000", null, 1), state("ground", "1000", null, 2), REF))
                .extracting(FlightEvent::type).containsExactly("landing");
        assertThat(EventRules.detect(state("cruise", "1000", null, 1), state("descent", "1000", null, 2), REF)).isEmpty();
    }

    @Test
    void a_takeoff_or_landing_names_the_airport_where_it_happened_not_the_planned_one() {
        Position atMadrid = at(state("ground", "1000", null, 1), 40.49, -3.58);
        Position climbingOutOfMadrid = at(state("climb", "1000", null, 2), 40.55, -3.50);
        assertThat(EventRules.detect(atMadrid, climbingOutOfMadrid, REF)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("from MAD"));
        Position descendingIntoHeathrow = at(state("descent", "1000", null, 3), 51.47, -0.30);
        Position atHeathrow = at(state("ground", "1000", null, 4), 51.4705, -0.46);
        assertThat(EventRules.detect(descendingIntoHeathrow, atHeathrow, REF)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("at LHR"));
        Position midAtlantic = at(state("ground", "1000", null, 5), 45.0, -30.0);
        assertThat(EventRules.detect(descendingIntoHeathrow, midAtlantic, REF)).singleElement()
                .satisfies(e -> assertThat(e.detail()).isNull());
    }

    private static Position at(Position p, double lat, double lon) {
        return new Position(p.key(), p.callsign(), null, null, null, p.origin(), p.destination(), lat, lon,
                p.altitude(), p.speed(), p.track(), p.verticalRate(), p.squawk(), p.onGround(), p.phase(), null, null,
                p.delayMinutes(), p.source(), p.time(), p.received(), null, null, null, null);
    }

    @Test
    void an_emergency_squawk_is_reported_once_when_it_appears() {
        assertThat(EventRules.detect(state("cruise", "1000", null, 1), state("cruise", "7700", null, 2), REF))
                .singleElement().satisfies(e -> {
                    assertThat(e.type()).isEqualTo("emergency");
                    assertThat(e.squawk()).isEqualTo("7700");
                    assertThat(e.id()).isEqualTo("k1-emergency-2");
                });
        assertThat(EventRules.detect(state("cruise", "7700", null, 2), state("cruise", "7700", null, 3), REF)).isEmpty();
        assertThat(EventRules.detect(null, state("cruise", "7500", null, 3), REF)).extracting(FlightEvent::detail)
                .containsExactly("squawk 7500 (hijack)");
        assertThat(EventRules.detect(null, state("cruise", "7600", null, 3), REF)).extracting(FlightEvent::detail)
                .containsExactly("squawk 7600 (radio failure)");
    }

    @Test
    void a_predicted_delay_crossing_15_minutes_is_reported_once() {
        assertThat(EventRules.detect(state("cruise", "1000", 10, 1), state("cruise", "1000", 16, 2), REF))
                .extracting(FlightEvent::type).containsExactly("delay");
        assertThat(EventRules.detect(state("cruise", "1000", 16, 1), state("cruise", "1000", 20, 2), REF)).isEmpty();
        assertThat(EventRules.detect(state("cruise", "1000", 10, 1), state("cruise", "1000", 15, 2), REF)).isEmpty();
    }
}
