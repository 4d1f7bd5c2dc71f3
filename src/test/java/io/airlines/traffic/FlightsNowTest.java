package io.airlines.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.airlines.stream.Position;
import org.junit.jupiter.api.Test;

class FlightsNowTest {

    private static Position flight(String key, String airline, String name, String country) {
        Position p = Position.observed(key, null, 50, 8, 10_000.0, 800.0, 90.0, 0.0, "1000", false, "test", 0);
        return p.withEnrichment(airline, name, null, null, null, null).withIdentity(null, null, country);
    }

    @Test
    void flights_are_counted_by_airline_and_country_largest_first() {
        FlightsNow now = FlightsNow.of(List.of(flight("a", "DLH", "Lufthansa", "DE"), flight("b", "DLH", "Lufthansa", "DE"),
                flight("c", "AFR", "Air France", "FR"), flight("d", null, null, "DE"), flight("e", "BAW", null, null)), 2);
        assertThat(now.total()).isEqualTo(5);
        assertThat(now.byAirline()).containsExactly(new FlightsNow.Share("DLH", "Lufthansa", 2),
                new FlightsNow.Share("AFR", "Air France", 1));
        assertThat(now.withoutAirline()).isEqualTo(1);
        assertThat(now.byCountry()).containsExactly(new FlightsNow.Share("DE", null, 3), new FlightsNow.Share("FR", null, 1));
        assertThat(now.withoutCountry()).isEqualTo(1);
    }

    @Test
    void twenty_five_thousand_live_flights_are_counted_in_a_few_milliseconds() {
        String[] airlines = {"DLH", "AFR", "BAW", "UAL", "KLM", "RYR", "EZY", "DAL", "AAL", "THY", "UAE", "QTR"};
        String[] countries = {"DE", "FR", "GB", "US", "NL", "IE", "TR", "AE", "QA"};
        List<Position> live = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            live.add(flight(Integer.toHexString(0x100000 + i), airlines[i % airlines.length], "name", countries[i % countries.length]));
        }
        FlightsNow.of(live, 10);
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            FlightsNow now = FlightsNow.of(live, 10);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(now.total()).isEqualTo(25_000);
        }
        System.out.printf("traffic: flights now by airline and country of 25,000 aircraft in %.2f ms%n", best / 1e6);
        assertThat(best / 1e6).as("ms").isLessThan(1000);
    }
}
