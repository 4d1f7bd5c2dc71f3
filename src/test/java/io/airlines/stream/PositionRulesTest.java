package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionRulesTest {

    static final long NOW = 1_764_581_000_000L;

    static Position at(String key, double lat, double lon, double alt, double speed, String source, long time) {
        return Position.observed(key, null, lat, lon, alt, speed, 90.0, 0.0, null, false, source, time);
    }

    @Test
    void positions_within_the_ranges_are_accepted() {
        assertThat(PositionRules.check(at("abc123", 50, 8, 10000, 850, "sbs", NOW), null, NOW).outcome())
                .isEqualTo(PositionRules.Outcome.ACCEPT);
        assertThat(PositionRules.check(at("a", -90, 180, -500, 0, "sbs", NOW), null, NOW).kept()).isTrue();
        assertThat(PositionRules.check(at("a", 90, -180, 20000, 1500, "sbs", NOW), null, NOW).kept()).isTrue();
    }

    @Test
    void each_range_rule_names_its_field() {
        assertThat(PositionRules.check(at("a", 90.1, 8, 0, 0, "sbs", NOW), null, NOW).reason()).contains("'lat'");
        assertThat(PositionRules.check(at("a", 0, -180.1, 0, 0, "sbs", NOW), null, NOW).reason()).contains("'lon'");
        assertThat(PositionRules.check(at("a", 0, 0, 20001, 0, "sbs", NOW), null, NOW).reason()).contains("'altitude'");
        assertThat(PositionRules.check(at("a", 0, 0, -501, 0, "sbs", NOW), null, NOW).reason()).contains("'altitude'");
        assertThat(PositionRules.check(at("a", 0, 0, 0, 1500.5, "sbs", NOW), null, NOW).reason()).contains("'speed'");
        assertThat(PositionRules.check(at("a", 0, 0, 0, -1, "sbs", NOW), null, NOW).reason()).contains("'speed'");
        assertThat(PositionRules.check(at("a", 0, 0, 0, 0, "sbs", NOW + 300_001), null, NOW).reason()).contains("future");
        assertThat(PositionRules.check(at("a", 0, 0, 0, 0, "sbs", NOW + 299_000), null, NOW).kept()).isTrue();
    }

    @Test
    void flight_keys_are_1_to_16_safe_characters() {
        assertThat(PositionRules.check(at("ABCDEFGHIJKLMNOP", 0, 0, 0, 0, "sbs", NOW), null, NOW).kept()).isTrue();
        assertThat(PositionRules.check(at("ABCDEFGHIJKLMNOPQ", 0, 0, 0, 0, "sbs", NOW), null, NOW).reason()).contains("'key'");
        assertThat(PositionRules.check(at("", 0, 0, 0, 0, "sbs", NOW), null, NOW).reason()).contains("'key'");
        assertThat(PositionRules.check(at("a b", 0, 0, 0, 0, "sbs", NOW), null, NOW).reason()).contains("'key'");
        assertThat(PositionRules.check(at("a_b-9", 0, 0, 0, 0, "sbs", NOW), null, NOW).kept()).isTrue();
    }

    @Test
    void a_jump_beyond_1500_kmh_is_rejected_from_receivers_and_flagged_from_the_seed_producer() {
        Position before = at("a", 50, 8, 10000, 850, "sbs", NOW - 10_000);
        // 0.5 degree of latitude (55 km) in 10 s is about 20,000 km/h
        Position jump = at("a", 50.5, 8, 10000, 850, "sbs", NOW);
        assertThat(PositionRules.check(jump, before, NOW).outcome()).isEqualTo(PositionRules.Outcome.REJECT);
        assertThat(PositionRules.check(jump, before, NOW).reason()).startsWith("jump");
        Position opensky = at("a", 50.5, 8, 10000, 850, "opensky", NOW);
        assertThat(PositionRules.check(opensky, before, NOW).outcome()).isEqualTo(PositionRules.Outcome.REJECT);
        Position seed = at("a", 50.5, 8, 10000, 850, "seed", NOW);
        assertThat(PositionRules.check(seed, before, NOW).outcome()).isEqualTo(PositionRules.Outcome.FLAG_JUMP);
        // 2.3 km in 10 s is 830 km/h: fine
        Position normal = at("a", 50.021, 8, 10000, 850, "sbs", NOW);
        assertThat(PositionRules.check(normal, before, NOW).outcome()).isEqualTo(PositionRules.Outcome.ACCEPT);
    }

    @Test
    void the_same_flight_at_the_same_time_is_a_duplicate() {
        Position p = at("a", 50, 8, 10000, 850, "sbs", NOW);
        assertThat(PositionRules.check(p, p, NOW).outcome()).isEqualTo(PositionRules.Outcome.DUPLICATE);
    }
}
