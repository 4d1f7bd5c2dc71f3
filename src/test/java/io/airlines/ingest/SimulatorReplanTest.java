package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import io.airlines.stream.ReferenceData.Airport;
import io.airlines.stream.ReferenceData.Scheduled;
import org.junit.jupiter.api.Test;

/**
 * A fleet with few aircraft to spare, replanned while it flies: through the day, when the read
 * window moves at midnight, and when the timetable arrives under a fleet of round trips. Each time
 * it flies every flight of the coming day it does not cancel, without moving an aircraft.
 */
class SimulatorReplanTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final long SEED = 42;
    static final long HOUR = 3_600_000L;
    static final List<Airport> AIRPORTS = List.of(new Airport("FRA", "Frankfurt", 50.0333, 8.5706),
            new Airport("MUC", "Munich", 48.3538, 11.7861), new Airport("BER", "Berlin", 52.3667, 13.5033),
            new Airport("HAM", "Hamburg", 53.6304, 9.9882));
    static final List<ReferenceData.Airline> AIRLINES = List.of(new ReferenceData.Airline("LH", "DLH", "Lufthansa"));

    /** Hourly shuttles from Frankfurt to the others and back, 06:00 to 22:00 UTC, the day before to the day after. */
    static ReferenceData shuttlesAround(LocalDate day) {
        List<Scheduled> legs = new ArrayList<>();
        for (LocalDate date = day.minusDays(1); !date.isAfter(day.plusDays(1)); date = date.plusDays(1)) {
            for (int hour = 6; hour <= 22; hour++) {
                long departure = date.atTime(hour, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
                for (int route = 1; route < AIRPORTS.size(); route++) {
                    String out = AIRPORTS.get(route).code();
                    legs.add(leg("LH" + (1000 + 100 * route + 2 * hour), "FRA", out, departure));
                    legs.add(leg("LH" + (1001 + 100 * route + 2 * hour), out, "FRA", departure));
                }
            }
        }
        return new ReferenceData(AIRLINES, AIRPORTS, legs);
    }

    private static Scheduled leg(String number, String from, String to, long departure) {
        return new Scheduled(number, "LH", from, to, departure, departure + 70 * 60_000L);
    }

    static long at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The aircraft the timetable needs from {@code start}: what a fleet far larger than that puts on it. */
    static int needed(ReferenceData world, long start) {
        return new Simulator(1_000, SEED, 1, world, start).timetableAircraft();
    }

    @Test
    void replans_through_the_day_fly_every_flight_of_the_coming_day() {
        ReferenceData world = shuttlesAround(DAY);
        long start = at(DAY, 9, 0);
        Simulator sim = new Simulator(needed(world, start), SEED, 1, world, start);
        assertThat(sim.coverage().unflown()).as("the first plan, %s", sim.coverage()).isZero();
        // Off the hour, so that some flights of the hour wait at the gate for a late inbound aircraft.
        for (long replan = start + 10 * 60_000L; replan < at(DAY, 21, 0); replan += 50 * 60_000L) {
            sim = sim.replanned(world, replan);
            DayCoverage coming = sim.coverage();
            assertThat(coming.legs()).isGreaterThan(90);
            assertThat(coming.unflown()).as("unflown after the replan at %s, of %s",
                    Instant.ofEpochMilli(replan), coming).isZero();
        }
    }

    @Test
    void the_default_fleet_replanned_at_midnight_flies_every_flight_of_the_new_coming_day() {
        long start = at(DAY, 21, 0);
        Simulator sim = new Simulator(DefaultFleetTest.DEFAULT_AIRCRAFT, SEED, 1, DemoWorld.around(DAY), start);
        assertThat(sim.coverage().unflown()).as("the first plan, %s", sim.coverage()).isZero();
        LocalDate next = DAY.plusDays(1);

        DayCoverage coming = sim.replanned(DemoWorld.around(next), at(next, 0, 5)).coverage();

        assertThat(coming.legs()).isGreaterThan(5000);
        assertThat(coming.unflown()).as("unflown after the replan at midnight, of %s", coming).isZero();
    }

    @Test
    void replans_at_midnight_day_after_day_fly_every_flight_of_each_coming_day() {
        long start = at(DAY, 21, 0);
        ReferenceData world = shuttlesAround(DAY);
        // As many aircraft as a first plan needs on the busiest of these days: each day's cancellations
        // leave aircraft where their flight did not take them, and replans must not pile those up.
        int cap = needed(world, start);
        for (int days = 1; days <= 5; days++) {
            LocalDate date = DAY.plusDays(days);
            cap = Math.max(cap, needed(shuttlesAround(date), at(date, 0, 5)));
        }
        Simulator sim = new Simulator(cap, SEED, 1, world, start);
        for (int days = 1; days <= 5; days++) {
            LocalDate date = DAY.plusDays(days);
            sim = sim.replanned(shuttlesAround(date), at(date, 0, 5));
            assertThat(sim.coverage().unflown()).as("unflown after the replan of %s with %s aircraft, of %s", date,
                            cap, sim.coverage())
                    .isZero();
        }
    }

    @Test
    void a_timetable_arriving_under_a_fleet_of_round_trips_flies_its_whole_coming_day() {
        ReferenceData world = shuttlesAround(DAY);
        long start = at(DAY, 4, 0);
        long arrives = at(DAY, 5, 0);
        ReferenceData none = new ReferenceData(AIRLINES, AIRPORTS, List.of());
        // What the timetable needs, and room for the round trips in the air to land.
        int needed = needed(world, arrives);
        Simulator roundTrips = new Simulator(needed, SEED, 1, none, start);
        while (roundTrips.size() < needed + inTheAir(roundTrips, arrives).size()) {
            roundTrips = new Simulator(needed + inTheAir(roundTrips, arrives).size(), SEED, 1, none, start);
        }

        DayCoverage coming = roundTrips.replanned(world, arrives).coverage();

        assertThat(coming.unflown()).as("unflown, of %s", coming).isZero();
    }

    @Test
    void a_replan_short_of_aircraft_lets_every_aircraft_in_the_air_fly_on() {
        ReferenceData world = shuttlesAround(DAY);
        long arrives = at(DAY, 10, 0);
        // Fewer aircraft than the timetable needs, so the cap leaves some of them out.
        int cap = needed(world, arrives) / 2;
        Simulator roundTrips = new Simulator(cap, SEED, 1, new ReferenceData(AIRLINES, AIRPORTS, List.of()),
                arrives - HOUR);
        Set<String> inTheAir = inTheAir(roundTrips, arrives);
        assertThat(inTheAir).as("round trips in the air at the replan").isNotEmpty();

        Simulator replanned = roundTrips.replanned(world, arrives);

        Set<String> reporting = new HashSet<>();
        replanned.positionsAt(arrives + 1_000, 0, 1, p -> reporting.add(p.key()));
        assertThat(reporting).as("aircraft reporting after the replan").containsAll(inTheAir);
    }

    @Test
    void replans_short_of_aircraft_let_every_aircraft_fly_the_flights_it_was_to_fly() {
        ReferenceData world = shuttlesAround(DAY);
        long start = at(DAY, 5, 0);
        // Fewer aircraft than the timetable needs: each replan has rotations of new aircraft that
        // fly more of the coming day than some aircraft of the fleet on the ground.
        int cap = needed(world, start) * 7 / 10;
        Simulator sim = new Simulator(cap, SEED, 1, world, start);
        for (long replan = start + 10 * 60_000L; replan < at(DAY.plusDays(1), 2, 0); replan += 50 * 60_000L) {
            Set<String> toFly = flightsOff(sim, replan);

            sim = sim.replanned(world, replan);

            assertThat(flightsOff(sim, Long.MIN_VALUE)).as("aircraft and the flights they fly after the replan at %s",
                    Instant.ofEpochMilli(replan)).containsAll(toFly);
        }
    }

    /** Each aircraft's flights pushing back after {@code after}, as its address and the flight's key. */
    private static Set<String> flightsOff(Simulator sim, long after) {
        Set<String> flights = new HashSet<>();
        for (Aircraft a : sim.fleet()) {
            a.flights().stream().filter(f -> f.offBlock() > after)
                    .forEach(f -> flights.add(a.identity().address() + " " + f.key()));
        }
        return flights;
    }

    private static Set<String> inTheAir(Simulator sim, long at) {
        Set<String> keys = new HashSet<>();
        sim.positionsAt(at, 0, 1, p -> {
            if (!p.onGround()) {
                keys.add(p.key());
            }
        });
        return keys;
    }

    @Test
    void across_replans_each_aircraft_keeps_its_identity_and_flies_on_from_where_it_is() {
        long start = at(DAY, 21, 0);
        Simulator sim = new Simulator(needed(shuttlesAround(DAY), start), SEED, 1, shuttlesAround(DAY), start);
        Map<String, Position> last = new HashMap<>();
        Set<String> timetable = new HashSet<>();
        long t = start;
        for (int days = 0; days <= 2; days++) {
            LocalDate date = DAY.plusDays(days);
            shuttlesAround(date).legs().forEach(l -> timetable.add(l.flightNumber() + " " + l.origin() + "-"
                    + l.destination()));
            if (days > 0) {
                sim = sim.replanned(shuttlesAround(date), t);
            }
            for (long end = at(date.plusDays(1), 0, 5); t < end; t += 60_000) {
                List<Position> now = new ArrayList<>();
                sim.positionsAt(t, 0, 1, now::add);
                for (Position p : now) {
                    assertThat(timetable).contains(p.flightNumber() + " " + p.origin() + "-" + p.destination());
                    assertThat(p.aircraftType()).isIn(AirlineFleets.shipped().of("LH", null).types(false));
                    Position previous = last.put(p.key(), p);
                    if (previous != null) {
                        assertThat(p.registration()).isEqualTo(previous.registration());
                        double km = Geo.distanceKm(previous.lat(), previous.lon(), p.lat(), p.lon());
                        double hours = (p.time() - previous.time()) / 3_600_000.0;
                        assertThat(km).as("move of %s from %s to %s", p.key(), previous, p)
                                .isLessThanOrEqualTo(Math.max(previous.speed(), p.speed()) * hours * 1.1 + 1);
                    }
                }
            }
        }
        Set<String> flown = new HashSet<>();
        for (Aircraft a : sim.fleet()) {
            for (int i = 0; i < a.flights().size(); i++) {
                Flight f = a.flights().get(i);
                assertThat(flown.add(f.key())).as("%s flown by one aircraft", f.key()).isTrue();
                if (i > 0) {
                    Flight before = a.flights().get(i - 1);
                    assertThat(f.from()).isEqualTo(before.to());
                    assertThat(f.offBlock()).isGreaterThanOrEqualTo(FlightMaker.readyAfter(before, a.longHaul()));
                }
            }
        }
    }
}
