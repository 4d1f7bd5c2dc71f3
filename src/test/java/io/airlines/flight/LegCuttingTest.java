package io.airlines.flight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import io.airlines.stream.Position;
import io.airlines.stream.ReferenceData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LegCuttingTest {

    static final long T0 = Instant.parse("2026-12-05T08:00:00Z").toEpochMilli();
    static final ReferenceData REF = ReferenceData.builtIn();
    static final double[] HAMBURG = {53.6304, 9.9882};

    private final LegCutter cutter = new LegCutter();
    /** Every leg as last written, by id: what the store would hold. */
    private final Map<String, FlightLeg> stored = new LinkedHashMap<>();
    /** Every index key deleted as stale. */
    private final List<String> deletedKeys = new ArrayList<>();

    /** The built-in airports and one timetable flight, LH100 from Frankfurt to Munich, an hour long. */
    private static ReferenceData frankfurtToMunich(long departure) {
        return new ReferenceData(List.of(new ReferenceData.Airline("LH", "DLH", "Lufthansa")), REF.airports(),
                List.of(new ReferenceData.Scheduled("LH100", "LH", "FRA", "MUC", departure, departure + 3_600_000)));
    }

    private List<FlightLeg> run(List<Position> positions, ReferenceData ref) {
        positions.forEach(p -> cutter.apply(p, ref));
        return write();
    }

    private List<FlightLeg> write() {
        for (TransponderTrack t : cutter.changed()) {
            t.unsaved().forEach(l -> stored.put(l.id(), l));
            deletedKeys.addAll(t.staleKeys());
            t.dropped().forEach(stored::remove);
            t.saved();
        }
        return new ArrayList<>(stored.values());
    }

    @Test
    void a_landing_then_a_stop_at_the_gate_then_a_new_callsign_makes_two_legs() {
        List<Position> day = new Flights("3c6444", "DLH100", "LH100", T0, Flights.FRA, Position.SIMULATOR)
                .stand(120, 30).taxi(6).flyTo(Flights.MUC).taxi(4).stand(300, 30)
                .callsign("DLH101", "LH101").stand(120, 30).taxi(3).positions();

        List<FlightLeg> legs = run(day, REF);

        assertThat(legs).hasSize(2);
        FlightLeg first = legs.get(0);
        assertThat(first.callsign()).isEqualTo("DLH100");
        assertThat(first.status()).isEqualTo(LegStatus.ARRIVED);
        assertThat(first.origin()).isEqualTo("FRA");
        assertThat(first.destination()).isEqualTo("MUC");
        assertThat(first.routeSource()).isEqualTo(RouteSource.OBSERVED);
        assertThat(first.offBlock()).isEqualTo(Instant.ofEpochMilli(T0 + 120_000 + 10_000));
        assertThat(first.takeoff()).isAfter(first.offBlock());
        assertThat(first.landing()).isAfter(first.takeoff());
        assertThat(first.onBlock()).isAfter(first.landing());
        assertThat(first.registration()).isEqualTo("D-AIXD");
        assertThat(first.aircraftType()).isEqualTo("A359");
        assertThat(first.country()).isEqualTo("Germany");
        assertThat(first.maxAltitude()).isEqualTo(10_000.0);
        assertThat(first.distanceKm()).isCloseTo(300, within(15.0));
        FlightLeg second = legs.get(1);
        assertThat(second.callsign()).isEqualTo("DLH101");
        assertThat(second.flightNumber()).isEqualTo("LH101");
        assertThat(second.status()).isEqualTo(LegStatus.TAXI_OUT);
        assertThat(second.points()).isEqualTo(3);
        assertThat(second.firstSeen()).isEqualTo(second.offBlock());
    }

    @Test
    void an_aircraft_first_seen_taxiing_in_at_its_destination_opens_no_leg_until_it_leaves_again() {
        List<Position> day = new Flights("3c6444", "DLH100", "LH100", T0, Flights.MUC, Position.SIMULATOR)
                .route("FRA", "MUC").taxi(4).stand(300, 30)
                .callsign("DLH101", "LH101").route("MUC", "FRA").stand(60, 30).taxi(3).positions();

        List<FlightLeg> legs = run(day, REF);

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(leg.callsign()).isEqualTo("DLH101");
            assertThat(leg.status()).isEqualTo(LegStatus.TAXI_OUT);
            assertThat(leg.origin()).isEqualTo("MUC");
        });
    }

    @Test
    void a_leg_that_stands_twenty_minutes_before_any_takeoff_was_no_flight_and_is_deleted_with_its_keys() {
        // Pushed back, then back to the gate (or towed): stored while it taxied, gone once it stood.
        run(new Flights("3c6444", "DLH100", "LH100", T0, Flights.FRA, Position.SBS).stand(120, 30).taxi(6)
                .positions(), REF);
        FlightLeg taxiing = stored.values().iterator().next();
        assertThat(taxiing.status()).isEqualTo(LegStatus.TAXI_OUT);
        List<Position> back = new Flights("3c6444", "DLH100", "LH100", T0 + 200_000, new double[] {50.0409, 8.5622},
                Position.SBS).stand(19 * 60, 30).positions();
        run(back, REF);
        assertThat(stored).containsOnlyKeys(taxiing.id());

        run(new Flights("3c6444", "DLH100", "LH100", back.get(back.size() - 1).time(), new double[] {50.0409, 8.5622},
                Position.SBS).stand(120, 30).positions(), REF);

        assertThat(stored).isEmpty();
        assertThat(deletedKeys).containsExactlyInAnyOrderElementsOf(LegStore.keysOf(taxiing));
    }

    @Test
    void a_hold_before_the_runway_keeps_the_leg_and_its_off_block() {
        List<Position> day = new Flights("3c6444", "DLH100", "LH100", T0, Flights.FRA, Position.SIMULATOR)
                .taxi(3).stand(15 * 60, 30).taxi(2).flyTo(Flights.MUC).positions();

        assertThat(run(day, REF)).singleElement().satisfies(leg -> {
            assertThat(leg.status()).isEqualTo(LegStatus.LANDED);
            assertThat(leg.offBlock()).isEqualTo(Instant.ofEpochMilli(day.get(0).time()));
        });
    }

    @Test
    void an_aircraft_without_a_route_first_seen_taxiing_in_leaves_no_leg_once_it_stands_or_changes_callsign() {
        // SBS-1 records name no destination: the taxi in looks like a taxi out until it stands.
        run(new Flights("3c6444", "DLH100", null, T0, Flights.MUC, Position.SBS).taxi(4).stand(25 * 60, 30)
                .positions(), REF);
        assertThat(stored).isEmpty();

        List<FlightLeg> legs = run(new Flights("3c6444", "DLH100", null, T0 + 3_600_000, Flights.MUC, Position.SBS)
                .taxi(4).callsign("DLH101", null).taxi(3).positions(), REF);

        assertThat(legs).singleElement().satisfies(leg -> {
            assertThat(leg.callsign()).isEqualTo("DLH101");
            assertThat(leg.status()).isEqualTo(LegStatus.TAXI_OUT);
        });
    }

    @Test
    void a_taxiing_aircraft_that_goes_silent_leaves_no_leg() {
        List<Position> taxi = new Flights("3c6444", "DLH100", "LH100", T0, Flights.FRA, Position.OPENSKY).taxi(4)
                .positions();
        run(taxi, REF);
        assertThat(stored).hasSize(1);

        cutter.sweep(taxi.get(taxi.size() - 1).time() + TransponderTrack.GAP_MS + 1);
        write();

        assertThat(stored).isEmpty();
    }

    @Test
    void a_new_callsign_right_after_landing_ends_the_leg_as_arrived() {
        List<Position> day = new Flights("3c6445", "DLH100", "LH100", T0, Flights.FRA, Position.SBS)
                .taxi(3).flyTo(Flights.MUC).callsign("DLH101", "LH101").taxi(2).positions();

        List<FlightLeg> legs = run(day, REF);

        assertThat(legs).extracting(FlightLeg::callsign, FlightLeg::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DLH100", LegStatus.ARRIVED),
                        org.assertj.core.groups.Tuple.tuple("DLH101", LegStatus.TAXI_OUT));
    }

    @Test
    void a_silence_of_more_than_twenty_minutes_ends_the_leg_and_the_next_point_starts_another() {
        List<Position> day = new Flights("3c6446", "DLH100", "LH100", T0, Flights.FRA, Position.OPENSKY)
                .taxi(2).jumpTo(new double[] {50.06, 8.6}).glitch(new double[] {50.2, 8.8}, 60).silent(21)
                .jumpTo(new double[] {50.3, 8.9}).positions();

        List<FlightLeg> legs = run(day, REF);

        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).status()).isEqualTo(LegStatus.LOST);
        assertThat(legs.get(0).origin()).isEqualTo("FRA");
        assertThat(legs.get(1).status()).isEqualTo(LegStatus.AIRBORNE);
        assertThat(legs.get(1).firstSeen()).isEqualTo(Instant.ofEpochMilli(day.get(day.size() - 1).time()));
    }

    @Test
    void one_glitch_of_a_receiver_is_dropped_and_the_leg_goes_on() {
        Flights flight = new Flights("3c6447", "DLH100", "LH100", T0, Flights.FRA, Position.SBS).taxi(3);
        List<Position> day = new ArrayList<>(flight.positions());
        List<Position> clean = new ArrayList<>(new Flights("3c6447", "DLH100", "LH100", T0, Flights.FRA,
                Position.SBS).taxi(3).flyTo(Flights.MUC).positions());
        // The same flight, with one point 600 km off between two of its points a minute apart.
        day.addAll(clean.subList(3, 10));
        Position before = day.get(day.size() - 1);
        day.add(new Position(before.key(), before.callsign(), before.flightNumber(), before.airline(),
                before.airlineName(), null, null, 45.0, 2.0, 10_000.0, 800.0, 90.0, 0.0, "1000", false, "cruise", null,
                null, null, Position.SBS, before.time() + 20_000, null, null, null, null, null));
        List<Position> after = clean.subList(10, clean.size());
        day.addAll(after);

        List<FlightLeg> legs = run(day, REF);
        List<FlightLeg> reference = new LegCuttingTest().run(clean, REF);

        assertThat(legs).hasSize(1);
        assertThat(legs.get(0).points()).isEqualTo(clean.size());
        assertThat(legs.get(0).distanceKm()).isEqualTo(reference.get(0).distanceKm());
        assertThat(legs.get(0).destination()).isEqualTo("MUC");
    }

    @Test
    void a_transponder_that_goes_on_from_far_away_starts_a_new_leg_where_it_reappeared() {
        double[] atlantic = {40.0, -40.0};
        List<Position> day = new Flights("3c6448", "IBE100", "IB100", T0, Flights.FRA, Position.SIMULATOR)
                .taxi(3).flyTo(Flights.MUC).positions().subList(0, 8);
        List<Position> all = new ArrayList<>(day);
        Position last = day.get(day.size() - 1);
        all.addAll(new Flights("3c6448", "IBE100", "IB100", last.time(), atlantic, Position.SIMULATOR)
                .jumpTo(atlantic).jumpTo(new double[] {40.0, -39.8}).positions());

        List<FlightLeg> legs = run(all, REF);

        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).status()).isEqualTo(LegStatus.LOST);
        assertThat(legs.get(0).distanceKm()).isLessThan(200);
        assertThat(legs.get(1).firstSeen()).isEqualTo(Instant.ofEpochMilli(last.time() + 60_000));
        assertThat(legs.get(1).points()).isEqualTo(2);
    }

    @Test
    void records_read_again_change_nothing_and_a_track_read_back_from_its_cursor_goes_on_with_the_same_leg() {
        List<Position> day = new Flights("3c6449", "DLH100", "LH100", T0, Flights.FRA, Position.SIMULATOR)
                .taxi(3).flyTo(Flights.MUC).taxi(3).positions();
        List<FlightLeg> once = new LegCuttingTest().run(day, REF);

        List<Position> firstHalf = day.subList(0, 12);
        firstHalf.forEach(p -> cutter.apply(p, REF));
        TransponderTrack track = cutter.changed().get(0);
        TransponderTrack reread = LegCursors.fromDocument(LegCursors.toDocument(track));
        write();
        LegCutter restarted = new LegCutter();
        restarted.resume(reread);
        // A restart reads again from the last committed offset: a few records it already applied.
        day.subList(8, day.size()).forEach(p -> restarted.apply(p, REF));
        restarted.changed().forEach(t -> t.unsaved().forEach(l -> stored.put(l.id(), l)));

        assertThat(new ArrayList<>(stored.values())).isEqualTo(once);
    }

    @Test
    void the_timetable_gives_scheduled_times_and_the_delay_and_its_route_until_one_is_observed() {
        long departure = T0 + 5 * 60_000;
        ReferenceData ref = frankfurtToMunich(departure);
        Flights flight = new Flights("3c644a", "DLH100", "LH100", T0 + 12 * 60_000, new double[] {49.5, 9.5},
                Position.SEED).jumpTo(new double[] {49.5, 9.6});

        List<FlightLeg> legs = run(flight.positions(), ref);

        FlightLeg leg = legs.get(0);
        assertThat(leg.routeSource()).isEqualTo(RouteSource.TIMETABLE);
        assertThat(leg.origin()).isEqualTo("FRA");
        assertThat(leg.destination()).isEqualTo("MUC");
        assertThat(leg.scheduledDeparture()).isEqualTo(Instant.ofEpochMilli(departure));
        assertThat(leg.delayMinutes()).isNull();

        List<FlightLeg> observed = new LegCuttingTest().run(new Flights("3c644b", "DLH100", "LH100",
                T0 + 10 * 60_000, Flights.FRA, Position.SEED).taxi(2).flyTo(Flights.MUC).positions(), ref);
        assertThat(observed.get(0).routeSource()).isEqualTo(RouteSource.OBSERVED);
        assertThat(observed.get(0).delayMinutes()).isEqualTo(5);
    }

    @Test
    void a_key_the_leg_no_longer_has_is_stale_once_it_lands_elsewhere_than_its_timetable_said() {
        long departure = T0 + 5 * 60_000;
        ReferenceData ref = frankfurtToMunich(departure);
        List<Position> flight = new Flights("3c644c", "DLH100", "LH100", T0 + 10 * 60_000, Flights.FRA,
                Position.SEED).taxi(2).flyTo(HAMBURG).taxi(2).positions();
        flight.subList(0, 4).forEach(p -> cutter.apply(p, ref));
        TransponderTrack track = cutter.changed().get(0);
        assertThat(track.unsaved().get(0).destination()).isEqualTo("MUC");
        assertThat(track.staleKeys()).isEmpty();
        track.saved();

        flight.subList(4, flight.size()).forEach(p -> cutter.apply(p, ref));

        FlightLeg landed = track.unsaved().get(0);
        assertThat(landed.destination()).isEqualTo("HAM");
        assertThat(track.staleKeys()).containsExactly("airport|MUC|20261205|" + landed.id());
    }

    @Test
    void a_silent_aircraft_is_lost_in_the_air_and_arrived_on_the_ground_and_then_forgotten() {
        run(new Flights("3c644c", "DLH100", "LH100", T0, Flights.FRA, Position.SBS).taxi(2).flyTo(Flights.MUC)
                .positions().subList(0, 6), REF);
        List<Position> landed = new Flights("3c644d", "DLH200", "LH200", T0, Flights.FRA, Position.SBS).taxi(2)
                .flyTo(Flights.MUC).positions();
        run(landed, REF);
        long clock = landed.get(landed.size() - 1).time() + TransponderTrack.GAP_MS + 1;

        cutter.sweep(clock);
        List<FlightLeg> legs = write();

        assertThat(legs).extracting(FlightLeg::transponder, FlightLeg::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("3c644c", LegStatus.LOST),
                org.assertj.core.groups.Tuple.tuple("3c644d", LegStatus.ARRIVED));
        cutter.sweep(clock);
        assertThat(cutter.size()).isZero();
    }
}
