package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.airlines.aircraft.IcaoAddresses;
import io.airlines.aircraft.NNumbers;
import io.airlines.stream.Geo;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import org.junit.jupiter.api.Test;

class SimulatorRotationTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final ReferenceData WORLD = DemoWorld.around(DAY);
    static final long START = DAY.atTime(3, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    static final long STEP_MS = 60_000;
    static final long HOURS = 26;

    /** The positions of one aircraft under one flight number, in time order. */
    record Segment(String address, List<Position> positions) {
    }

    @Test
    void a_day_of_the_demo_timetable_flies_without_a_jump_on_stable_identities_from_origin_to_destination() {
        Simulator sim = new Simulator(800, 42, 1, WORLD, START);
        assertThat(sim.timetableAircraft()).as("the timetable needs more aircraft than the cap").isEqualTo(800);
        Set<String> timetable = new HashSet<>();
        WORLD.legs().forEach(l -> timetable.add(l.flightNumber() + " " + l.origin() + "-" + l.destination()));
        Map<String, Position> last = new HashMap<>();
        Map<String, String> registrationOf = new HashMap<>();
        Map<String, String> addressOf = new HashMap<>();
        Map<String, List<Position>> open = new HashMap<>();
        List<Segment> segments = new ArrayList<>();
        long end = START + HOURS * 3_600_000;
        for (long t = START; t <= end; t += STEP_MS) {
            List<Position> now = new ArrayList<>();
            sim.positionsAt(t, 0, 1, now::add);
            for (Position p : now) {
                // A hash lookup: AssertJ's contains walks the whole set, a million times over.
                String leg = p.flightNumber() + " " + p.origin() + "-" + p.destination();
                assertThat(timetable.contains(leg)).as("%s a leg of the timetable", leg).isTrue();
                assertThat(registrationOf.computeIfAbsent(p.key(), k -> p.registration())).isEqualTo(p.registration());
                assertThat(addressOf.computeIfAbsent(p.registration(), k -> p.key())).isEqualTo(p.key());
                Position previous = last.put(p.key(), p);
                if (previous != null) {
                    double km = Geo.distanceKm(previous.lat(), previous.lon(), p.lat(), p.lon());
                    double hours = (p.time() - previous.time()) / 3_600_000.0;
                    double fastest = Math.max(previous.speed(), p.speed());
                    // A tenth more for speed changing between the two reports.
                    assertThat(km).as("move of %s from %s to %s", p.key(), previous, p)
                            .isLessThanOrEqualTo(fastest * hours * 1.1 + 1);
                }
                List<Position> segment = open.get(p.key());
                if (segment == null || !segment.get(0).flightNumber().equals(p.flightNumber())) {
                    if (segment != null) {
                        segments.add(new Segment(p.key(), segment));
                    }
                    segment = new ArrayList<>();
                    open.put(p.key(), segment);
                }
                segment.add(p);
            }
        }
        assertThat(last).hasSizeGreaterThan(700);
        int complete = 0;
        for (Segment s : segments) {
            Position first = s.positions().get(0);
            Position lastSeen = s.positions().get(s.positions().size() - 1);
            if (first.time() == START) {
                continue; // in progress at the start: placed mid-leg
            }
            complete++;
            ReferenceData.Airport origin = WORLD.airport(first.origin());
            ReferenceData.Airport destination = WORLD.airport(first.destination());
            assertThat(Geo.distanceKm(first.lat(), first.lon(), origin.lat(), origin.lon())).as("starts at its origin")
                    .isLessThan(1.0);
            assertThat(Geo.distanceKm(lastSeen.lat(), lastSeen.lon(), destination.lat(), destination.lon()))
                    .as("ends at its destination").isLessThan(1.0);
            assertThat(takeoffsAndLandings(s.positions())).as("one takeoff then one landing").containsExactly("takeoff",
                    "landing");
        }
        assertThat(complete).isGreaterThan(600);
    }

    @Test
    void a_fleet_replanned_on_a_timetable_that_arrives_keeps_every_aircraft_where_it_is() {
        Simulator before = new Simulator(600, 42, 1, ReferenceData.builtIn(), START);
        Map<String, Position> last = new HashMap<>();
        long replanAt = START + 10 * 60_000;
        for (long t = START; t < replanAt; t += STEP_MS) {
            before.positionsAt(t, 0, 1, p -> last.put(p.key(), p));
        }
        Simulator after = before.replanned(WORLD, replanAt);
        assertThat(after.size()).isEqualTo(600);
        Set<String> timetable = new HashSet<>();
        WORLD.legs().forEach(l -> timetable.add(l.flightNumber() + "@" + l.origin()));
        Set<String> carriedOntoTheTimetable = new HashSet<>();
        for (long t = replanAt; t < replanAt + 8 * 3_600_000L; t += STEP_MS) {
            List<Position> now = new ArrayList<>();
            after.positionsAt(t, 0, 1, now::add);
            for (Position p : now) {
                Position previous = last.put(p.key(), p);
                if (previous == null) {
                    continue;
                }
                assertThat(p.registration()).isEqualTo(previous.registration());
                double km = Geo.distanceKm(previous.lat(), previous.lon(), p.lat(), p.lon());
                double hours = (p.time() - previous.time()) / 3_600_000.0;
                assertThat(km).as("move of %s from %s to %s", p.key(), previous, p)
                        .isLessThanOrEqualTo(Math.max(previous.speed(), p.speed()) * hours * 1.1 + 1);
                if (timetable.contains(p.flightNumber() + "@" + p.origin())) {
                    carriedOntoTheTimetable.add(p.key());
                }
            }
        }
        assertThat(carriedOntoTheTimetable).as("aircraft of the first plan flying timetable legs").isNotEmpty();
    }

    @Test
    void addresses_lie_in_the_block_of_the_country_of_registration_and_registrations_look_like_it() {
        Simulator sim = new Simulator(3000, 7, 1, WORLD, START);
        IcaoAddresses blocks = IcaoAddresses.shipped();
        Set<String> countries = new HashSet<>();
        for (Aircraft a : sim.fleet()) {
            AircraftIdentity id = a.identity();
            assertThat(blocks.countryOf(id.address()).orElseThrow().name()).isEqualTo(id.country());
            countries.add(id.country());
            switch (id.country()) {
                case "United States" -> assertThat(NNumbers.registrationOf(id.address())).contains(id.registration());
                case "Germany" -> assertThat(id.registration()).matches("D-A[A-Z]{3}");
                case "France" -> assertThat(id.registration()).matches("F-G[A-Z]{3}");
                case "Spain" -> assertThat(id.registration()).matches("EC-[A-Z]{3}");
                default -> assertThat(id.registration()).matches("[A-Z0-9]{1,2}-?[A-Z0-9]{3,5}");
            }
        }
        assertThat(countries).contains("United States", "Germany", "France", "United Kingdom");
    }

    @Test
    void airlines_fly_their_own_short_and_long_haul_types() {
        Simulator sim = new Simulator(3000, 7, 1, WORLD, START);
        AirlineFleets fleets = AirlineFleets.shipped();
        for (Aircraft a : sim.fleet()) {
            AirlineFleets.AirlineFleet fleet = fleets.of(a.carrier(), null);
            assertThat(fleet.types(a.longHaul())).contains(a.identity().type());
            assertThat(a.flights()).allSatisfy(f -> assertThat(f.flightNumber()).startsWith(a.carrier()));
            for (int i = 1; i < a.flights().size(); i++) {
                Flight before = a.flights().get(i - 1);
                Flight after = a.flights().get(i);
                assertThat(after.from().code()).as("departs where it landed").isEqualTo(before.to().code());
                assertThat(after.offBlock()).as("after a turnaround").isGreaterThanOrEqualTo(
                        FlightMaker.readyAfter(before, a.longHaul()));
            }
        }
    }

    /** The stream's rule for the ground phase (Enrichment.phase), which its takeoff and landing events follow. */
    static boolean grounded(Position p) {
        return Boolean.TRUE.equals(p.onGround()) || p.altitude() < 30 && p.speed() < 150;
    }

    static List<String> takeoffsAndLandings(List<Position> positions) {
        List<String> events = new ArrayList<>();
        Position previous = null;
        for (Position p : positions) {
            if (previous != null) {
                boolean wasGround = grounded(previous);
                boolean isGround = grounded(p);
                if (wasGround && !isGround) {
                    events.add("takeoff");
                } else if (!wasGround && isGround) {
                    events.add("landing");
                }
            }
            previous = p;
        }
        return events;
    }
}
