package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;

class SkyFrameRowsTest {

    private static final long BASE = 1_764_000_000_000L;

    private static List<TrackPoint> roundTrip(List<Position> positions, List<String> keys) {
        List<TrackPoint> points = new ArrayList<>();
        SkyFrameRows.decode(SkyFrameRows.encode(BASE, positions), BASE, (key, point) -> {
            keys.add(key);
            points.add(point);
        });
        return points;
    }

    @Test
    void rows_come_back_with_their_keys_times_and_values_to_their_precision() {
        Position cruising = Position.observed("3c6444", "DLH400", 50.0333331, -179.9999996, 11277.6, 842.4,
                359.996, -2.54, "7700", false, "sbs", BASE + 59_000);
        Position parked = Position.observed("a1b2c3", null, -33.9, 151.17, null, null, null, null, null, true, "sbs",
                BASE - 1_500);
        List<String> keys = new ArrayList<>();

        List<TrackPoint> points = roundTrip(List.of(cruising, parked), keys);

        assertThat(keys).containsExactly("3c6444", "a1b2c3");
        TrackPoint a = points.get(0);
        assertThat(a.time()).isEqualTo(BASE + 59_000);
        assertThat(a.lat()).isCloseTo(50.033333, within(1e-6));
        assertThat(a.lon()).isCloseTo(-180.0, within(1e-6));
        assertThat(a.altitude()).isEqualTo(11278.0);
        assertThat(a.speed()).isEqualTo(842.0);
        assertThat(a.track()).isCloseTo(360.0, within(0.01));
        assertThat(a.verticalRate()).isCloseTo(-2.5, within(0.05));
        assertThat(a.squawk()).isEqualTo("7700");
        assertThat(a.onGround()).isFalse();
        TrackPoint b = points.get(1);
        assertThat(b.time()).isEqualTo(BASE - 1_500);
        assertThat(b.altitude()).isNull();
        assertThat(b.speed()).isNull();
        assertThat(b.track()).isNull();
        assertThat(b.verticalRate()).isNull();
        assertThat(b.squawk()).isNull();
        assertThat(b.onGround()).isTrue();
    }

    @Test
    void values_beyond_a_row_s_range_are_clamped_and_odd_squawks_and_keys_left_out() {
        Position odd = Position.observed("abc123", null, 1.0, 2.0, 99_999.0, -40_000.0, -90.0, 1e9, "12A4", null,
                "http", BASE);
        Position longKey = Position.observed("k".repeat(300), null, 1.0, 2.0, null, null, null, null, null, null,
                "http", BASE);
        List<String> keys = new ArrayList<>();

        List<TrackPoint> points = roundTrip(List.of(odd, longKey), keys);

        assertThat(keys).containsExactly("abc123");
        assertThat(points.get(0).altitude()).isEqualTo(Short.MAX_VALUE);
        assertThat(points.get(0).speed()).isEqualTo(Short.MIN_VALUE + 1.0);
        assertThat(points.get(0).track()).isCloseTo(270.0, within(0.01));
        assertThat(points.get(0).verticalRate()).isCloseTo(Short.MAX_VALUE / 10.0, within(0.1));
        assertThat(points.get(0).squawk()).isNull();
    }

    @Test
    void thousands_of_rows_take_thirty_bytes_each_with_a_transponder_key_and_more_with_longer_keys() {
        List<Position> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(Position.observed(String.format("%06x", i), null, i / 100.0, -i / 100.0, 1000.0 + i, 800.0, 90.0,
                    0.0, "1000", false, "simulator", BASE + i));
        }
        byte[] rows = SkyFrameRows.encode(BASE, many);
        String longKey = "flight_" + "x".repeat(33);
        List<Position> longKeys = many.stream().map(p -> Position.observed(longKey, null, p.lat(), p.lon(), null, null,
                null, null, null, null, "seed", p.time())).toList();
        List<String> keys = new ArrayList<>();

        List<TrackPoint> points = roundTrip(many, keys);

        assertThat(rows.length).isEqualTo(5_000 * 30);
        assertThat(SkyFrameRows.encode(BASE, longKeys)).hasSize(5_000 * (1 + longKey.length() + 23));
        assertThat(keys).hasSize(5_000).startsWith("000000").endsWith(String.format("%06x", 4_999));
        assertThat(points.get(4_999).lat()).isCloseTo(49.99, within(1e-6));
        assertThat(points.get(4_999).altitude()).isEqualTo(5_999.0);
    }
}
