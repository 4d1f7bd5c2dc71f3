package io.airlines.etl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo day after which the loader tells the simulator that the coming day is in the store. */
class TimetableReadyTest {

    @ParameterizedTest(name = "{1} demo day(s) from {0}, UTC tomorrow {2}: ready after {3}")
    @CsvSource({
            "2026-12-05, 14, 2026-12-06, 2026-12-06",
            "2026-12-05, 2, 2026-12-06, 2026-12-06",
            "2026-12-05, 1, 2026-12-06, 2026-12-05",
            // The server's zone ahead of UTC: its today is already UTC tomorrow.
            "2026-12-06, 14, 2026-12-06, 2026-12-06",
            // Behind UTC: its yesterday is UTC today.
            "2026-12-04, 14, 2026-12-06, 2026-12-06"})
    void ready_once_the_days_up_to_utc_tomorrow_are_written(LocalDate today, int demoDays, LocalDate utcTomorrow,
                                                            LocalDate readyAfter) {
        List<LocalDate> dates = today.datesUntil(today.plusDays(demoDays)).toList();

        assertThat(OfflineDataLoader.lastReadBySimulator(dates, utcTomorrow)).isEqualTo(readyAfter);
    }
}
