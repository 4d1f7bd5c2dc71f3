package io.airlines.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class HistoryPageControllerTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 28);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void a_day_the_store_may_hold_is_kept() {
        assertThat(HistoryPageController.dayWithin("2026-11-28", FIRST, TODAY)).isEqualTo(FIRST);
        assertThat(HistoryPageController.dayWithin(" 2026-12-01 ", FIRST, TODAY)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void no_day_a_day_out_of_retention_or_no_date_at_all_is_today() {
        assertThat(HistoryPageController.dayWithin(null, FIRST, TODAY)).isEqualTo(TODAY);
        assertThat(HistoryPageController.dayWithin("2026-11-27", FIRST, TODAY)).isEqualTo(TODAY);
        assertThat(HistoryPageController.dayWithin("2026-12-06", FIRST, TODAY)).isEqualTo(TODAY);
        assertThat(HistoryPageController.dayWithin("05/12/2026", FIRST, TODAY)).isEqualTo(TODAY);
    }
}
