package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;

class SkyPointTest {

    private static TrackPoint point(long t, double lat, double lon, double altitude, double track) {
        return new TrackPoint(t, lat, lon, altitude, 800.0, track, 0.0, "1000", false);
    }

    private static SkyPoint.Bracket bracket(long time, TrackPoint... points) {
        SkyPoint.Bracket b = new SkyPoint.Bracket();
        for (TrackPoint p : points) {
            b.offer(p, time);
        }
        return b;
    }

    @Test
    void between_two_close_points_the_position_is_on_the_line_joining_them() {
        Position p = bracket(15_000, point(0, 50, 8, 1000, 350), point(60_000, 50, 9, 2000, 10),
                point(-60_000, 49, 7, 0, 0)).at("k", 15_000).orElseThrow();
        assertThat(p.lat()).isCloseTo(50, within(1e-9));
        assertThat(p.lon()).isCloseTo(8.25, within(1e-9));
        assertThat(p.altitude()).isCloseTo(1250, within(1e-9));
        assertThat(p.track()).as("turning the short way through north").isCloseTo(355, within(1e-9));
        assertThat(p.time()).isEqualTo(15_000);
    }

    @Test
    void across_the_antimeridian_the_short_way_round_is_taken() {
        Position p = bracket(30_000, point(0, 0, 179.9, 0, 90), point(60_000, 0, -179.9, 0, 90)).at("k", 30_000)
                .orElseThrow();
        assertThat(Math.abs(p.lon())).isCloseTo(180, within(1e-9));
    }

    @Test
    void points_too_far_apart_leave_the_aircraft_out_unless_one_is_close() {
        assertThat(bracket(300_000, point(0, 50, 8, 0, 0), point(600_000, 50, 9, 0, 0)).at("k", 300_000)).isEmpty();
        assertThat(bracket(30_000, point(0, 50, 8, 0, 0), point(600_000, 50, 9, 0, 0)).at("k", 30_000))
                .hasValueSatisfying(p -> assertThat(p.lon()).isEqualTo(8));
        assertThat(bracket(120_000, point(0, 50, 8, 0, 0)).at("k", 120_000)).as("last seen two minutes before")
                .isEmpty();
    }
}
