package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PositionCodecTest {

    final PositionCodec codec = PositionCodec.standalone();

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_original_producers_json_is_read_unchanged_with_its_naive_timestamp_taken_as_utc() {
        PositionCodec.Decoded d = codec.decodeRaw(bytes("""
                {"flight_id": "LH102", "airline_name": "Lufthansa", "timestamp": "2024-06-25T11:26:42.676072",
                 "departure_country": "Germany", "arrival_country": "UK", "departure_airport": "Frankfurt Airport",
                 "arrival_airport": "Heathrow Airport", "location": {"latitude": 50.038348589099726, "longitude": 8.562091778215667},
                 "speed": 704.3377539420189, "altitude": 9278.041430660965}"""), Position.HTTP);
        assertThat(d.ok()).isTrue();
        Position p = d.position();
        assertThat(p.key()).isEqualTo("LH102");
        assertThat(p.flightNumber()).isEqualTo("LH102");
        assertThat(p.airlineName()).isEqualTo("Lufthansa");
        assertThat(p.origin()).isEqualTo("Frankfurt Airport");
        assertThat(p.destination()).isEqualTo("Heathrow Airport");
        assertThat(p.lat()).isEqualTo(50.038348589099726);
        assertThat(p.lon()).isEqualTo(8.562091778215667);
        assertThat(p.speed()).isEqualTo(704.3377539420189);
        assertThat(p.altitude()).isEqualTo(9278.041430660965);
        assertThat(p.source()).isEqualTo(Position.SEED);
        assertThat(p.time()).isEqualTo(Instant.parse("2024-06-25T11:26:42.676Z").toEpochMilli());
    }

    @Test
    void the_canonical_json_round_trips_and_accepts_epoch_or_iso_times() {
        Position p = Position.observed("3c6444", "DLH400", 50.1, 8.6, 10668.0, 850.0, 285.5, 0.0, "1000", false,
                Position.SBS, 1764581000000L);
        PositionCodec.Decoded again = codec.decodeRaw(codec.encode(p), Position.HTTP);
        assertThat(again.position()).isEqualTo(p);
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a1\",\"lat\":1,\"lon\":2,\"time\":\"2026-12-01T10:00:00Z\"}"), Position.HTTP)
                .position().time()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a1\",\"lat\":1,\"lon\":2,\"time\":\"2026-12-01T11:00:00+01:00\"}"), Position.HTTP)
                .position().time()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a1\",\"lat\":1,\"lon\":2,\"time\":1}"), Position.HTTP).position().source())
                .isEqualTo(Position.HTTP);
    }

    @Test
    void bad_input_is_rejected_with_a_reason_naming_the_problem() {
        assertThat(codec.decodeRaw(bytes("[1,2]"), "http").reason()).isEqualTo("not a JSON object");
        assertThat(codec.decodeRaw(bytes("{\"key\":"), "http").reason()).startsWith("malformed JSON");
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a\",\"lat\":\"north\",\"lon\":2,\"time\":1}"), "http").reason())
                .isEqualTo("field 'lat' has the wrong type");
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a\",\"lat\":1,\"time\":1}"), "http").reason()).isEqualTo("field 'lon' is missing");
        assertThat(codec.decodeRaw(bytes("{\"lat\":1,\"lon\":1,\"time\":1}"), "http").reason()).isEqualTo("field 'key' is missing");
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a\",\"lat\":1,\"lon\":1,\"time\":\"yesterday\"}"), "http").reason())
                .contains("'time'");
        assertThat(codec.decodeRaw(bytes("{\"flight_id\":\"X1\",\"timestamp\":\"2024-06-25T11:26:42\"}"), "http").reason())
                .isEqualTo("field 'location.latitude' is missing");
        byte[] huge = new byte[PositionCodec.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        assertThat(codec.decodeRaw(huge, "http").reason()).contains("exceeds 65536");
        assertThat(codec.decodeRaw(new byte[0], "http").reason()).isEqualTo("empty record");
    }

    @Test
    void the_hand_written_wire_format_is_exactly_what_data_binding_writes_and_reads() {
        Position full = new Position("3c6444", "DLH\"400", "LH400", "DLH", "Lufthansa \\ Cargo", "FRA", "JFK", 50.1, -8.6e-5,
                10668.0, 850.25, 285.5, -0.5, "1000", false, "cruise", 5210.3, "2026-12-01T18:05:00Z", -12, "simulator",
                1764581000000L, 1764581000123L, "jump", "D-AIXD", "A359", "Germany");
        Position sparse = Position.observed("k", null, 1, 2, null, null, null, null, null, null, "sbs", 5);
        for (Position p : java.util.List.of(full, sparse)) {
            assertThat(new String(codec.encode(p), StandardCharsets.UTF_8))
                    .isEqualTo(new String(codec.mapper().writeValueAsBytes(p), StandardCharsets.UTF_8));
            assertThat(codec.decode(codec.encode(p))).isEqualTo(p);
        }
        // Another shape or type falls back to data binding, which explains the problem.
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a\",\"lat\":\"1\",\"lon\":2,\"time\":1}"), "http").position().lat())
                .isEqualTo(1.0);
        assertThat(codec.decodeRaw(bytes("{\"key\":\"a\",\"lat\":1,\"lon\":2,\"time\":1,\"phase\":\"x\",\"received\":9}"), "http")
                .position()).satisfies(p -> {
                    assertThat(p.phase()).isNull();
                    assertThat(p.received()).isNull();
                });
    }
}
