package io.airlines.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.airlines.flight.FlightLeg;
import io.airlines.flight.FlightLeg.LegStatus;
import io.airlines.flight.FlightLeg.RouteSource;
import org.junit.jupiter.api.Test;

class DayTrafficTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    private static final Instant NOON = Instant.parse("2026-12-05T12:00:00Z");

    static FlightLeg leg(String id, String origin, String destination, Instant offBlock, Instant landing, Integer delay) {
        LegStatus status = landing != null ? LegStatus.LANDED : LegStatus.AIRBORNE;
        Instant first = offBlock != null ? offBlock : NOON;
        return new FlightLeg(id, "3c6444", null, null, null, "DLH400", "LH400", "DLH", "Lufthansa", origin, destination,
                RouteSource.OBSERVED, null, null, offBlock, offBlock == null ? null : offBlock.plusSeconds(600), landing,
                null, first, landing != null ? landing : first, delay, status, 10_000.0, 500, 60);
    }

    @Test
    void a_leg_saved_again_counts_once_and_its_landing_adds_the_arrival() {
        DayTraffic traffic = new DayTraffic();
        traffic.add(leg("a", "FRA", "MUC", NOON, null, 20));
        traffic.add(leg("a", "FRA", "MUC", NOON, null, 20));
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("FRA", 1, 0));
        traffic.add(leg("a", "FRA", "MUC", NOON, NOON.plusSeconds(3600), 20));
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("FRA", 1, 0),
                new DayTraffic.AirportDay("MUC", 0, 1));
        assertThat(traffic.delays(DAY)).containsExactly(0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void a_leg_deleted_as_no_flight_takes_its_departure_and_delay_away() {
        DayTraffic traffic = new DayTraffic();
        traffic.add(leg("a", "FRA", "MUC", NOON, null, 20));
        traffic.add(leg("b", "FRA", null, NOON, null, 70));
        traffic.remove("a");
        traffic.remove("never-counted");
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("FRA", 1, 0));
        assertThat(traffic.delays(DAY)).containsExactly(0, 0, 0, 0, 0, 1, 0);
        traffic.remove("b");
        assertThat(traffic.busiest(DAY, 10)).isEmpty();
    }

    @Test
    void a_changed_route_or_delay_moves_its_counts() {
        DayTraffic traffic = new DayTraffic();
        traffic.add(leg("a", "FRA", null, NOON, null, 3));
        traffic.add(leg("a", "HHN", null, NOON, null, 70));
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("HHN", 1, 0));
        assertThat(traffic.delays(DAY)).containsExactly(0, 0, 0, 0, 0, 1, 0);
        traffic.addIfAbsent(leg("a", "FRA", null, NOON, null, 3));
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("HHN", 1, 0));
    }

    @Test
    void arrivals_count_on_their_own_day_and_old_days_are_forgotten() {
        DayTraffic traffic = new DayTraffic();
        Instant lateEvening = Instant.parse("2026-12-04T22:30:00Z");
        traffic.add(leg("a", "JFK", "FRA", lateEvening, Instant.parse("2026-12-05T06:30:00Z"), -4));
        assertThat(traffic.busiest(DAY.minusDays(1), 10)).containsExactly(new DayTraffic.AirportDay("JFK", 1, 0));
        assertThat(traffic.busiest(DAY, 10)).containsExactly(new DayTraffic.AirportDay("FRA", 0, 1));
        assertThat(traffic.delays(DAY.minusDays(1))).containsExactly(1, 0, 0, 0, 0, 0, 0);
        traffic.forgetBefore(DAY);
        assertThat(traffic.busiest(DAY.minusDays(1), 10)).isEmpty();
        assertThat(traffic.busiest(DAY, 10)).hasSize(1);
        assertThat(traffic.legs()).isEqualTo(1);
        traffic.forgetBefore(DAY.plusDays(1));
        assertThat(traffic.legs()).isZero();
    }

    @Test
    void delay_buckets_have_their_bounds() {
        assertThat(DelayBuckets.of(-1)).isZero();
        assertThat(DelayBuckets.of(0)).isEqualTo(1);
        assertThat(DelayBuckets.of(14)).isEqualTo(2);
        assertThat(DelayBuckets.of(15)).isEqualTo(3);
        assertThat(DelayBuckets.of(500)).isEqualTo(6);
        assertThat(DelayBuckets.label(new long[7])).first().satisfies(b -> {
            assertThat(b.fromMinutes()).isNull();
            assertThat(b.toMinutes()).isZero();
        });
        assertThat(DelayBuckets.label(new long[7])).last().satisfies(b -> assertThat(b.toMinutes()).isNull());
    }

    /** A day of 25,000 aircraft (about 100,000 legs, each saved three times as it goes), then the busiest airports. */
    @Test
    void a_day_at_twenty_five_thousand_aircraft_is_counted_and_read_quickly() {
        List<FlightLeg> taxiing = new ArrayList<>();
        List<FlightLeg> landed = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String origin = "A" + (i % 800);
            String destination = "B" + (i * 7 % 800);
            Instant off = NOON.minusSeconds(i % 40_000);
            taxiing.add(leg("leg" + i, origin, null, off, null, null));
            landed.add(leg("leg" + i, origin, destination, off, off.plusSeconds(5_000), i % 90));
        }
        DayTraffic traffic = new DayTraffic();
        long start = System.nanoTime();
        taxiing.forEach(traffic::add);
        landed.forEach(traffic::add);
        landed.forEach(traffic::add);
        long counted = System.nanoTime();
        List<DayTraffic.AirportDay> busiest = traffic.busiest(DAY, 10);
        long[] delays = traffic.delays(DAY);
        long read = System.nanoTime();
        System.out.printf("traffic: 300,000 leg saves counted in %.1f ms; busiest airports and delays read in %.2f ms%n",
                (counted - start) / 1e6, (read - counted) / 1e6);
        assertThat(busiest).hasSize(10);
        assertThat(Arrays.stream(delays).sum()).isEqualTo(100_000);
        assertThat((read - counted) / 1e6).as("ms to read the statistics (a loose bound: a loaded machine slows it)").isLessThan(1000);
    }
}
