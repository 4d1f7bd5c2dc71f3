package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The frame format read back by the rules the live map's decoder follows (js/live/frame.js). */
class MapFrameTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Position position(String key, String callsign, double lat, double lon, Double altitude, String squawk, boolean ground) {
        return new Position(key, callsign, "LH400", "DLH", "Lufthansa", "FRA", "JFK", lat, lon, altitude, 850.6, 285.54, -3.26,
                squawk, ground, "cruise", null, null, null, "simulator", 1L, 1L, null, "D-AIMA", "A388", "DE");
    }

    @Test
    void a_map_that_applies_the_snapshot_and_every_delta_holds_what_was_sent_with_the_row_formats_precision() {
        MapSlots slots = new MapSlots();
        DecodedMap map = new DecodedMap();
        Position a = position("3c6444", "DLH\"400", 50.123456789, -8.6, 10668.4, "1000", false);
        Position b = position("4ca123", "RYR12", -33.000004, 151.2, null, "7700", true);
        map.apply(read(slots.advance(1, List.of(a, b), List.of()).text()));
        assertThat(map.byKey()).containsOnlyKeys("3c6444", "4ca123");
        assertThat(map.byKey().get("3c6444")).containsEntry("lat", 50.12346).containsEntry("lon", -8.6).containsEntry("altitude", 10668.0)
                .containsEntry("track", 285.5).containsEntry("speed", 851.0).containsEntry("verticalRate", -3.3)
                .containsEntry("onGround", false).containsEntry("callsign", "DLH\"400").containsEntry("squawk", "1000")
                .containsEntry("airline", "DLH").containsEntry("origin", "FRA").containsEntry("destination", "JFK")
                .containsEntry("source", "simulator").containsEntry("registration", "D-AIMA").containsEntry("aircraftType", "A388");
        assertThat(map.byKey().get("4ca123")).containsEntry("lat", -33.0).containsEntry("altitude", null).containsEntry("onGround", true);

        // a moves (texts unchanged: not repeated), b leaves, c arrives and takes b's slot
        Position moved = position("3c6444", "DLH\"400", 50.2, -8.5, 10700.0, "1000", false);
        Position c = position("aa0001", null, 1e-6, 179.999995, 0.0, null, false);
        JsonNode delta = read(slots.advance(2, List.of(moved, c), List.of("4ca123")).text());
        assertThat(delta.get("named")).hasSize(1);
        assertThat(delta.get("named").get(0).get(1).asString()).isEqualTo("aa0001");
        map.apply(delta);
        assertThat(map.byKey()).containsOnlyKeys("3c6444", "aa0001");
        assertThat(map.byKey().get("3c6444")).containsEntry("lat", 50.2).containsEntry("altitude", 10700.0).containsEntry("callsign", "DLH\"400");
        assertThat(map.byKey().get("aa0001")).containsEntry("lat", 0.0).containsEntry("lon", 180.0).containsEntry("callsign", null);

        // a renamed squawk is sent again; a new map starting from the snapshot holds the same
        map.apply(read(slots.advance(3, List.of(position("3c6444", "DLH\"400", 50.2, -8.5, 10700.0, "7600", false)), List.of()).text()));
        assertThat(map.byKey().get("3c6444")).containsEntry("squawk", "7600");
        DecodedMap fresh = new DecodedMap();
        fresh.apply(read(slots.snapshot(4).text()));
        assertThat(fresh.byKey()).isEqualTo(map.byKey());
        assertThat(read(slots.snapshot(4).text()).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void the_columns_are_little_endian_4_then_2_byte_integers_column_after_column_then_a_byte_a_row() {
        Position p = position("k", "C", 1.5, -2.25, null, "1000", true);
        byte[] bytes = new MapFrame(1, 1, new int[0], List.of(), List.of(new MapFrame.Row(7, p))).columns();
        assertThat(bytes).hasSize(MapFrame.BYTES_PER_ROW);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List.of(b.getInt(), b.getInt(), b.getInt(), b.getInt())).containsExactly(7, 150_000, -225_000, MapFrame.UNKNOWN);
        assertThat(List.of(b.getShort(), b.getShort(), b.getShort())).containsExactly((short) 2855, (short) 851, (short) -33);
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(bytes).hasSize(23);
    }

    private static JsonNode read(String text) {
        return JSON.readTree(text);
    }
}
