package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.airlines.stream.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server's default simulator (2,000 aircraft, seed 42) on the demo timetable of its first start. */
class DefaultFleetTest {

    static final int DEFAULT_AIRCRAFT = 2000;
    static final long DEFAULT_SEED = 42;
    static final int WORLD_SCALE = 25_000;

    @ParameterizedTest(name = "{0} from {1}:00 UTC")
    @CsvSource({"2026-12-01, 3", "2026-12-01, 21", "2026-07-01, 12"})
    void the_default_fleet_flies_every_flight_of_the_coming_day_it_does_not_cancel(LocalDate day, int hour) {
        ReferenceData world = DemoWorld.around(day);
        long start = day.atTime(hour, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        DayCoverage coming = new Simulator(DEFAULT_AIRCRAFT, DEFAULT_SEED, 1, world, start).coverage();
        assertThat(coming.legs()).as("a busy sky: timetable flights in the coming day").isGreaterThan(5000);
        assertThat(coming.cancelled()).as("a few cancellations").isLessThan(coming.legs() / 20);
        assertThat(coming.unflown()).as("flights neither flown nor cancelled, of %s", coming).isZero();
    }

    @Test
    void a_larger_fleet_flies_the_whole_timetable_and_round_trips_on_the_aircraft_left() {
        ReferenceData world = DemoWorld.around(SimulatorRotationTest.DAY);
        Simulator sim = new Simulator(WORLD_SCALE, DEFAULT_SEED, 1, world, SimulatorRotationTest.START);
        assertThat(sim.size()).isEqualTo(WORLD_SCALE);
        assertThat(sim.timetableAircraft()).isBetween(1, DEFAULT_AIRCRAFT);
        assertThat(sim.coverage().unflown()).isZero();
    }

    @ParameterizedTest(name = "{0} aircraft")
    @CsvSource({"500", "1000"})
    void a_smaller_fleet_flies_the_rotations_with_most_flights_and_says_how_many_are_left(int aircraft) {
        ReferenceData world = DemoWorld.around(SimulatorRotationTest.DAY);
        Simulator sim = new Simulator(aircraft, DEFAULT_SEED, 1, world, SimulatorRotationTest.START);
        DayCoverage coming = sim.coverage();
        Simulator all = new Simulator(WORLD_SCALE, DEFAULT_SEED, 1, world, SimulatorRotationTest.START);
        double share = (double) aircraft / all.timetableAircraft();
        assertThat(sim.timetableAircraft()).isEqualTo(aircraft);
        assertThat(coming.unflown()).isPositive();
        assertThat(coming.flown() + coming.cancelled() + coming.unflown()).isEqualTo(coming.legs());
        assertThat(coming.flown()).as("flights flown by the busiest rotations, of %s", coming)
                .isGreaterThan((int) (share * (coming.legs() - coming.cancelled()) * 1.2));
    }
}
