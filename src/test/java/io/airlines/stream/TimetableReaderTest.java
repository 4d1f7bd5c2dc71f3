package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class TimetableReaderTest {

    @Test
    void a_nonstop_journey_of_the_batch_side_becomes_a_scheduled_leg() {
        Document journey = new Document("flight_numbers", List.of("LH400")).append("carriers", List.of("LH"))
                .append("origin", "FRA").append("destination", "JFK")
                .append("departure_utc", "2026-12-01T09:30:00Z").append("arrival_utc", "2026-12-01T18:05:00Z");
        ReferenceData.Scheduled leg = TimetableReader.leg(journey);
        assertThat(leg).isEqualTo(new ReferenceData.Scheduled("LH400", "LH", "FRA", "JFK",
                Instant.parse("2026-12-01T09:30:00Z").toEpochMilli(), Instant.parse("2026-12-01T18:05:00Z").toEpochMilli()));
        assertThat(TimetableReader.leg(new Document("flight_numbers", List.of("LH400")))).isNull();
        assertThat(TimetableReader.leg(new Document(journey).append("departure_utc", "soon"))).isNull();
    }

    @Test
    void the_simulator_flies_the_legs_airborne_now_under_their_flight_numbers() {
        long now = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();
        ReferenceData ref = new ReferenceData(BuiltIns.AIRLINES, BuiltIns.AIRPORTS, List.of(
                new ReferenceData.Scheduled("LH400", "LH", "FRA", "JFK", now - 3_600_000, now + 5 * 3_600_000)));
        assertThat(ref.hubs()).extracting(ReferenceData.Airport::code).containsExactly("FRA", "JFK");
        List<Position> out = new java.util.ArrayList<>();
        new io.airlines.ingest.Simulator(3, 1, 1, ref, now).positionsAt(now, 0, 1, out::add);
        assertThat(out).hasSize(3);
        Position lh400 = out.get(0);
        assertThat(lh400.flightNumber()).isEqualTo("LH400");
        assertThat(lh400.callsign()).isEqualTo("DLH400");
        assertThat(lh400.origin()).isEqualTo("FRA");
        assertThat(lh400.destination()).isEqualTo("JFK");
        assertThat(lh400.onGround()).isFalse();
        assertThat(lh400.lon()).isLessThan(8.5);
        assertThat(out.subList(1, 3)).allSatisfy(p -> assertThat(List.of("FRA", "JFK")).contains(p.origin()));
    }
}
