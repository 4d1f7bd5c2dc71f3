package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.PositionRules;
import io.airlines.stream.ReferenceData;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    static final long START = 1_764_581_000_000L;

    static List<Position> all(Simulator s, long at) {
        List<Position> out = new ArrayList<>();
        s.positionsAt(at, 0, 1, out::add);
        return out;
    }

    @Test
    void the_same_seed_flies_the_same_fleet() {
        Simulator a = new Simulator(200, 5, 1, ReferenceData.builtIn(), START);
        Simulator b = new Simulator(200, 5, 1, ReferenceData.builtIn(), START);
        assertThat(all(a, START + 60_000)).isEqualTo(all(b, START + 60_000));
        assertThat(all(new Simulator(200, 6, 1, ReferenceData.builtIn(), START), START + 60_000))
                .isNotEqualTo(all(a, START + 60_000));
    }

    @Test
    void every_position_is_valid_and_no_aircraft_jumps_between_seconds() {
        Simulator sim = new Simulator(500, 1, 1, ReferenceData.builtIn(), START);
        Map<String, Position> previous = new HashMap<>();
        int airborne = 0;
        for (long t = START; t < START + 120_000; t += 1000) {
            for (Position p : all(sim, t)) {
                PositionRules.Verdict v = PositionRules.check(p, previous.get(p.key()), t);
                assertThat(v.outcome()).as(p.toString()).isEqualTo(PositionRules.Outcome.ACCEPT);
                assertThat(p.speed()).isBetween(0.0, 1000.0);
                assertThat(p.altitude()).isBetween(0.0, 13000.0);
                previous.put(p.key(), p);
            }
        }
        for (Position p : previous.values()) {
            airborne += Boolean.FALSE.equals(p.onGround()) ? 1 : 0;
        }
        // A few turn around with the transponder off after a long delay; most are in the air.
        assertThat(previous.size()).isGreaterThan(475);
        assertThat(airborne).isGreaterThan(300);
    }

    @Test
    void a_leg_takes_off_climbs_cruises_descends_and_lands_along_the_great_circle() {
        ReferenceData.Airport fra = new ReferenceData.Airport("FRA", "Frankfurt", 50.0379, 8.5622);
        ReferenceData.Airport jfk = new ReferenceData.Airport("JFK", "JFK", 40.6413, -73.7781);
        FlightPlan plan = FlightPlan.between(fra, jfk, 11000, 850, 300_000);
        assertThat(plan.at(0).onGround()).isTrue();
        FlightPlan.State climbing = plan.at(300_000 + plan.climbMs() / 2);
        assertThat(climbing.verticalRate()).isPositive();
        assertThat(climbing.altitude()).isCloseTo(5500, org.assertj.core.data.Offset.offset(10.0));
        assertThat(climbing.track()).isBetween(280.0, 310.0);
        FlightPlan.State cruising = plan.at(300_000 + plan.climbMs() + plan.cruiseMs() / 2);
        assertThat(cruising.altitude()).isEqualTo(11000);
        assertThat(cruising.speed()).isEqualTo(850);
        FlightPlan.State descending = plan.at(300_000 + plan.climbMs() + plan.cruiseMs() + plan.descentMs() / 2);
        assertThat(descending.verticalRate()).isNegative();
        FlightPlan.State arrived = plan.at(plan.totalMs() - 1);
        assertThat(arrived.onGround()).isTrue();
        assertThat(Geo.distanceKm(arrived.lat(), arrived.lon(), jfk.lat(), jfk.lon())).isLessThan(0.1);
        // About 8 hours gate to gate, like the real LH400
        assertThat(plan.totalMs() / 3_600_000.0).isBetween(7.0, 9.0);
    }

    @Test
    void a_short_leg_cruises_lower_so_climb_and_descent_fit() {
        ReferenceData.Airport fra = new ReferenceData.Airport("FRA", "Frankfurt", 50.0379, 8.5622);
        ReferenceData.Airport muc = new ReferenceData.Airport("MUC", "Munich", 48.3538, 11.7861);
        FlightPlan plan = FlightPlan.between(fra, muc, 11000, 800, 300_000);
        assertThat(plan.cruiseAltitude()).isLessThan(8000);
        assertThat(plan.cruiseMs()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void speedup_flies_faster_while_timestamps_stay_real() {
        Simulator fast = new Simulator(10, 1, 10, ReferenceData.builtIn(), START);
        assertThat(fast.simulatedTime(START + 1000)).isEqualTo(START + 10_000);
        assertThat(all(fast, START + 1000)).allSatisfy(p -> assertThat(p.time()).isEqualTo(START + 1000));
    }
}
