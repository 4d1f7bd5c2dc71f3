package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackThinningTest {

    static TrackPoint p(long t, double alt, double speed, double track, double vr, String squawk, boolean ground) {
        return new TrackPoint(t, 50, 8, alt, speed, track, vr, squawk, ground);
    }

    @Test
    void a_steady_cruise_keeps_one_point_a_minute() {
        TrackPoint kept = p(0, 11000, 850, 90, 0, "1000", false);
        assertThat(TrackThinning.keep(null, kept)).isTrue();
        assertThat(TrackThinning.keep(kept, p(30_000, 11010, 852, 90.5, 0, "1000", false))).isFalse();
        assertThat(TrackThinning.keep(kept, p(60_000, 11000, 850, 90, 0, "1000", false))).isTrue();
    }

    @Test
    void a_change_of_track_altitude_speed_vertical_rate_squawk_or_ground_state_keeps_the_point() {
        TrackPoint kept = p(0, 11000, 850, 359, 0, "1000", false);
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 850, 3, 0, "1000", false))).as("track across north").isTrue();
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 850, 1, 0, "1000", false))).as("2 degrees").isFalse();
        assertThat(TrackThinning.keep(kept, p(1000, 11100, 850, 359, 0, "1000", false))).isTrue();
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 830, 359, 0, "1000", false))).isTrue();
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 850, 359, -3, "1000", false))).isTrue();
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 850, 359, 0, "7700", false))).isTrue();
        assertThat(TrackThinning.keep(kept, p(1000, 11000, 850, 359, 0, "1000", true))).isTrue();
    }
}
