package io.airlines.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayModelTest {

    static final long DAY = 1_796_083_200_000L;

    @Test
    void most_flights_leave_within_minutes_with_a_tail_of_long_delays_and_a_few_cancellations() {
        DelayModel delays = new DelayModel(42);
        int flights = 20_000;
        int cancelled = 0;
        int withinFifteen = 0;
        int overAnHour = 0;
        long longest = 0;
        for (int i = 0; i < flights; i++) {
            String number = "LH" + (1000 + i % 900);
            long departure = DAY + (i / 900) * 86_400_000L + (i % 97) * 600_000L;
            if (delays.cancelled(number, departure)) {
                cancelled++;
                continue;
            }
            long minutes = delays.delayMs(number, departure) / 60_000;
            withinFifteen += minutes <= 15 ? 1 : 0;
            overAnHour += minutes > 60 ? 1 : 0;
            longest = Math.max(longest, minutes);
        }
        assertThat(cancelled).isBetween(flights / 200, flights / 30);
        assertThat(withinFifteen).isGreaterThan((flights - cancelled) * 3 / 4);
        assertThat(overAnHour).isBetween(flights / 100, flights / 15);
        assertThat(longest).isBetween(120L, 300L);
    }

    @Test
    void the_same_seed_gives_the_same_delays_and_another_seed_others() {
        DelayModel a = new DelayModel(1);
        DelayModel b = new DelayModel(1);
        DelayModel c = new DelayModel(2);
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            long departure = DAY + i * 300_000L;
            assertThat(a.delayMs("AF" + i, departure)).isEqualTo(b.delayMs("AF" + i, departure));
            assertThat(a.cancelled("AF" + i, departure)).isEqualTo(b.cancelled("AF" + i, departure));
            differ += a.delayMs("AF" + i, departure) != c.delayMs("AF" + i, departure) ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(150);
    }
}
