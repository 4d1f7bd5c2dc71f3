package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.airlines.aircraft.AircraftDatabase;
import io.airlines.aircraft.AircraftIdentities;
import io.airlines.aircraft.AircraftRecord;
import io.airlines.aircraft.IcaoAddresses;
import org.junit.jupiter.api.Test;

class EnrichmentTest {

    static final long T = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
    final ReferenceData ref = new ReferenceData(
            List.of(new ReferenceData.Airline("LH", "DLH", "Lufthansa")),
            List.of(new ReferenceData.Airport("FRA", "Frankfurt Airport", 50.0379, 8.5622),
                    new ReferenceData.Airport("JFK", "John F. Kennedy International Airport", 40.6413, -73.7781)),
            List.of(new ReferenceData.Scheduled("LH400", "LH", "FRA", "JFK", T - 3_600_000, T + 6 * 3_600_000)));

    static Position position(String callsign, String flightNumber, double lat, double lon, Double alt, Double speed,
                             Double vr, Boolean onGround) {
        return new Position("3c6444", callsign, flightNumber, null, null, null, null, lat, lon, alt, speed, 285.0, vr,
                "1000", onGround, null, null, null, null, "sbs", T, T, null, null, null, null);
    }

    @Test
    void the_callsign_prefix_names_the_airline_and_the_timetable_gives_the_route_eta_and_delay() {
        // Over the Atlantic, 1,000 km from JFK at 800 km/h: 75 minutes to go.
        double[] p = Geo.intermediate(40.6413, -73.7781, 50.0379, 8.5622, 1000 / Geo.distanceKm(40.6413, -73.7781, 50.0379, 8.5622));
        Position e = Enrichment.enrich(position("DLH400", null, p[0], p[1], 11000.0, 800.0, 0.0, false), null, ref);
        assertThat(e.airline()).isEqualTo("DLH");
        assertThat(e.airlineName()).isEqualTo("Lufthansa");
        assertThat(e.flightNumber()).isEqualTo("LH400");
        assertThat(e.origin()).isEqualTo("FRA");
        assertThat(e.destination()).isEqualTo("JFK");
        assertThat(e.phase()).isEqualTo("cruise");
        assertThat(e.distanceToDestinationKm()).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Instant.parse(e.eta())).isEqualTo(Instant.ofEpochMilli(T + 75 * 60_000));
        // scheduled at T + 6 h, predicted at T + 1 h 15: 285 minutes early
        assertThat(e.delayMinutes()).isEqualTo(-285);
    }

    @Test
    void a_flight_number_gives_the_callsign_and_airport_names_become_codes() {
        Position seed = new Position("LH102", null, "LH102", null, "Lufthansa", "Frankfurt Airport", "Heathrow Airport",
                50.0, 8.0, 9000.0, 700.0, null, null, null, null, null, null, null, null, "seed", T, T, null, null, null, null);
        Position e = Enrichment.enrich(seed, null, ref);
        assertThat(e.callsign()).isEqualTo("DLH102");
        assertThat(e.origin()).isEqualTo("FRA");
        assertThat(e.destination()).isEqualTo("Heathrow Airport");
        assertThat(e.delayMinutes()).isNull();
    }

    @Test
    void the_phase_follows_ground_state_and_vertical_rate_or_the_altitude_trend() {
        assertThat(Enrichment.phase(position("X", null, 0, 0, 0.0, 20.0, 0.0, true), null)).isEqualTo("ground");
        assertThat(Enrichment.phase(position("X", null, 0, 0, 10.0, 40.0, null, null), null)).isEqualTo("ground");
        assertThat(Enrichment.phase(position("X", null, 0, 0, 3000.0, 500.0, 10.0, false), null)).isEqualTo("climb");
        assertThat(Enrichment.phase(position("X", null, 0, 0, 3000.0, 500.0, -7.0, false), null)).isEqualTo("descent");
        assertThat(Enrichment.phase(position("X", null, 0, 0, 11000.0, 850.0, 0.0, false), null)).isEqualTo("cruise");
        Position earlier = new Position("k", null, null, null, null, null, null, 0.0, 0.0, 5000.0, 600.0, null, null,
                null, null, null, null, null, null, "seed", T - 10_000, T, null, null, null, null);
        assertThat(Enrichment.phase(position("X", null, 0, 0, 5100.0, 600.0, null, false), earlier)).isEqualTo("climb");
        assertThat(Enrichment.phase(position("X", null, 0, 0, 4900.0, 600.0, null, false), earlier)).isEqualTo("descent");
    }

    @Test
    void no_eta_on_the_ground_or_without_speed() {
        assertThat(Enrichment.eta(position("X", null, 0, 0, 0.0, 20.0, 0.0, true), "ground", 100.0)).isNull();
        assertThat(Enrichment.eta(position("X", null, 0, 0, 9000.0, null, 0.0, false), "cruise", 100.0)).isNull();
        assertThat(Enrichment.eta(position("X", null, 0, 0, 9000.0, 600.0, 0.0, false), "cruise", null)).isNull();
        assertThat(Enrichment.eta(position("X", null, 0, 0, 9000.0, 600.0, 0.0, false), "cruise", 100.0)).isEqualTo(T + 600_000);
    }

    @Test
    void the_aircraft_database_then_the_address_rules_give_registration_type_and_country_to_addresses_only() {
        AircraftDatabase database = new AircraftDatabase.Builder()
                .add(0x3C6444, new AircraftRecord("D-ABYA", "B748", "Boeing 747-830", "Lufthansa")).build();
        ReferenceData withDatabase = new ReferenceData(List.of(), List.of(), List.of(),
                new AircraftIdentities(database, IcaoAddresses.shipped()));
        Position known = Enrichment.enrich(position("DLH400", null, 50, 8, 11000.0, 800.0, 0.0, false), null, withDatabase);
        assertThat(known).extracting(Position::registration, Position::aircraftType, Position::country)
                .containsExactly("D-ABYA", "B748", "DE");

        Position american = new Position("a061d9", "N12345", null, null, null, null, null, 40.0, -74.0, 900.0, 200.0,
                null, null, null, false, null, null, null, null, "sbs", T, T, null, null, "C172", null);
        assertThat(Enrichment.enrich(american, null, withDatabase))
                .extracting(Position::registration, Position::aircraftType, Position::country)
                .containsExactly("N12345", "C172", "US");

        // The original producer's format keys by flight id: nothing to derive from.
        Position seed = new Position("LH102", null, "LH102", null, null, null, null, 50.0, 8.0, 9000.0, 700.0, null,
                null, null, null, null, null, null, null, "seed", T, T, null, null, null, null);
        assertThat(Enrichment.enrich(seed, null, withDatabase))
                .extracting(Position::registration, Position::aircraftType, Position::country)
                .containsExactly(null, null, null);
    }
}
