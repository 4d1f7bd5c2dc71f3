package io.airlines.flight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.web.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live map's trail of a selected aircraft, in a real browser. */
class LiveTrailIT extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode api(String path) {
        return JSON.readTree(Http.get(url(path)).body());
    }

    @Test
    void the_trail_of_a_selected_aircraft_is_its_current_leg_only() {
        String key = TestKafka.uniqueKey("");
        long now = System.currentTimeMillis();
        List<String> positions = new ArrayList<>(
                FlightHistoryApiIT.departure(FlightHistoryApiIT.MUNICH, key, "D-TRAL", now - 45 * 60_000, 3));
        positions.addAll(FlightHistoryApiIT.departure(FlightHistoryApiIT.FRANKFURT, key, "D-TRAL", now - 60_000, 4));
        TestKafka.send(Topics.POSITIONS_RAW, key, positions.toArray(String[]::new));
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api("/api/v1/flights/" + key + "/leg").path("points").asInt()).isEqualTo(7));
        String id = api("/api/v1/flights/" + key + "/leg").path("id").asString();
        int legPoints = api("/api/v1/history/flights/" + id + "/track").path("points").size();
        int dayPoints = api("/api/v1/flights/" + key + "/track?from=" + Instant.ofEpochMilli(now - 46 * 60_000))
                .path("points").size();
        assertThat(legPoints).as("points of the current leg, of the day").isPositive().isLessThan(dayPoints);
        // Each leg is listed on the day it was first seen: the first one on yesterday's list just after midnight.
        String firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(now - 45 * 60_000), ZoneOffset.UTC).toString();
        assertThat(Stream.of(firstDay, day).distinct().mapToInt(d -> api("/api/v1/history/flights?date=" + d + "&q=" + key).size())
                .sum()).isEqualTo(2);

        Page page = open("/live?sel=" + key + "&lat=50.2&lon=8.56&z=7");
        page.waitForFunction("() => Number(document.getElementById('d-trail').dataset.points) > 0");

        assertThat(Integer.parseInt((String) page.evaluate("() => document.getElementById('d-trail').dataset.points")))
                .isEqualTo(legPoints);
    }
}
