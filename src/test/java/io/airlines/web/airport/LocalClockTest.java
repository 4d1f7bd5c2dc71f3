package io.airlines.web.airport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LocalClockTest {

    @Test
    void a_board_says_its_zone_as_the_offset_from_utc_of_that_day() {
        assertThat(LocalClock.utcOffset("Europe/Berlin", LocalDate.of(2026, 12, 5))).isEqualTo("UTC+01:00");
        assertThat(LocalClock.utcOffset("Europe/Berlin", LocalDate.of(2026, 7, 5))).isEqualTo("UTC+02:00");
        assertThat(LocalClock.utcOffset("America/New_York", LocalDate.of(2026, 12, 5))).isEqualTo("UTC-05:00");
        assertThat(LocalClock.utcOffset("UTC", LocalDate.of(2026, 12, 5))).isEqualTo("UTC");
    }

    @Test
    void an_unknown_zone_is_said_as_utc_as_the_board_prints_its_times_then() {
        assertThat(LocalClock.utcOffset(null, LocalDate.of(2026, 12, 5))).isEqualTo("UTC");
        assertThat(LocalClock.utcOffset("Mars/Olympus", LocalDate.of(2026, 12, 5))).isEqualTo("UTC");
    }
}
