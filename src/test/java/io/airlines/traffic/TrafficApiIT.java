package io.airlines.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.airlines.stream.Geo;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Traffic statistics over HTTP from flights sent through the real pipeline (Kafka, live view, leg cutting). */
class TrafficApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Airports the pipeline knows from its first moment (built in), a short flight apart. */
    private static final double[] NICE = {43.6584, 7.2159};
    private static final double[] MALPENSA = {45.6306, 8.7281};

    private JsonNode traffic() {
        HttpResponse<String> r = Http.get(url("/api/v1/stats/traffic?limit=1000"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static long flightsOf(JsonNode shares, String code) {
        for (JsonNode s : shares) {
            if (code.equals(s.path("code").asString())) {
                return s.path("flights").asLong();
            }
        }
        return 0;
    }

    private static long movements(JsonNode airports, String code, String field) {
        for (JsonNode a : airports) {
            if (code.equals(a.path("code").asString())) {
                return a.path(field).asLong();
            }
        }
        return 0;
    }

    @Test
    void live_flights_are_counted_by_their_airline() {
        String airline = "Z" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            String key = TestKafka.uniqueKey("");
            TestKafka.send(Topics.POSITIONS_RAW, key, String.format(Locale.ROOT,
                    "{\"key\":\"%s\",\"callsign\":\"%s%d\",\"airline\":\"%s\",\"lat\":%.3f,\"lon\":-30.0,\"altitude\":10000,"
                            + "\"speed\":850,\"track\":270,\"onGround\":false,\"source\":\"http\",\"time\":%d}",
                    key, airline, 100 + i, airline, 40.0 + i, now));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(flightsOf(traffic().path("byAirline"), airline)).isEqualTo(3));
        JsonNode t = traffic();
        assertThat(t.path("flightsNow").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(t.path("delays").size()).isEqualTo(7);
        assertThat(t.path("day").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void a_landed_leg_counts_as_a_departure_at_its_origin_and_an_arrival_at_its_destination() {
        // The whole flight lies within today (UTC), off-block included: just after midnight, wait until it can.
        // Its first point is 30 s of taxi before the flight's minutes, which end 60 s ago; 2 minutes spare.
        LocalTime offBlockFits = LocalTime.ofSecondOfDay(minutesFlown(NICE, MALPENSA) * 60L + 30 + 60 + 120);
        await().atMost(Duration.ofMinutes(30)).until(() -> LocalTime.now(ZoneOffset.UTC).isAfter(offBlockFits));
        JsonNode before = traffic().path("busiestAirports");
        String key = TestKafka.uniqueKey("");
        long landing = System.currentTimeMillis() - 60_000;
        TestKafka.send(Topics.POSITIONS_RAW, key, flight(key, NICE, MALPENSA, landing).toArray(String[]::new));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode airports = traffic().path("busiestAirports");
            // more, not one more: a simulated aircraft may land there meanwhile
            assertThat(movements(airports, "MXP", "arrivals")).as(() -> legAsStored(key, landing))
                    .isGreaterThan(movements(before, "MXP", "arrivals"));
            assertThat(movements(airports, "NCE", "departures")).as(() -> legAsStored(key, landing))
                    .isGreaterThan(movements(before, "NCE", "departures"));
        });
        JsonNode mxp = null;
        for (JsonNode a : traffic().path("busiestAirports")) {
            mxp = "MXP".equals(a.path("code").asString()) ? a : mxp;
        }
        assertThat(mxp.path("name").asString()).contains("Malpensa");
        assertThat(mxp.path("movements").asLong()).isEqualTo(mxp.path("departures").asLong() + mxp.path("arrivals").asLong());
    }

    /** What history holds of the test's leg, for a failure to tell whether the leg or its counting went wrong. */
    private String legAsStored(String key, long landing) {
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(landing), ZoneOffset.UTC).toString();
        return "legs of " + key + " on " + day + ": "
                + Http.get(url("/api/v1/history/flights?date=" + day + "&q=" + key)).body();
    }

    /** Taxi out, a straight flight at 800 km/h a point a minute, touchdown and taxi in, landing at {@code landing}. */
    static List<String> flight(String key, double[] from, double[] to, long landing) {
        int minutes = minutesFlown(from, to);
        long t = landing - minutes * 60_000L - 30_000;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++, t += 10_000) {
            out.add(point(key, t, from[0] + 0.0005 * i, from[1], 0, 25, true));
        }
        for (int m = 1; m < minutes; m++, t += 60_000) {
            double[] at = Geo.intermediate(from[0], from[1], to[0], to[1], (double) m / minutes);
            out.add(point(key, t, at[0], at[1], Math.min(9_000, 1_500.0 * Math.min(m, minutes - m)), 800, false));
        }
        t = landing;
        for (int i = 0; i < 3; i++, t += 10_000) {
            out.add(point(key, t, to[0] + 0.0005 * i, to[1], 0, i == 0 ? 220 : 25, true));
        }
        return out;
    }

    private static int minutesFlown(double[] from, double[] to) {
        return (int) Math.ceil(Geo.distanceKm(from[0], from[1], to[0], to[1]) / (800 / 60.0));
    }

    private static String point(String key, long time, double lat, double lon, double altitude, double speed, boolean onGround) {
        return String.format(Locale.ROOT, "{\"key\":\"%s\",\"callsign\":\"TRF%s\",\"lat\":%.5f,\"lon\":%.5f,\"altitude\":%.1f,"
                        + "\"speed\":%.1f,\"track\":300,\"onGround\":%s,\"source\":\"http\",\"time\":%d}",
                key, key.substring(2), lat, lon, altitude, speed, onGround, time);
    }
}
