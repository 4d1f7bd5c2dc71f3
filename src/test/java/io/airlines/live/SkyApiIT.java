package io.airlines.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.airlines.store.SkyFrameReader;
import io.airlines.store.TrackIds;
import io.airlines.stream.Canonical;
import io.airlines.stream.PrivacyBlocklist;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sky at a past instant, from positions that went through the pipeline into the store. */
class SkyApiIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    SkyFrameReader frames;
    @Autowired
    PrivacyBlocklist blocklist;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MINUTE = 60_000;

    /** A flight's two points a minute apart, far enough apart in altitude that the thinned sink keeps both. */
    private static void fly(String key, long t, double lat, double lon, double toLon, double altitude, double toAltitude) {
        TestKafka.send(Topics.POSITIONS_RAW, key, Canonical.json(key, t, lat, lon, altitude, "1000", "http"),
                Canonical.json(key, t + MINUTE, lat, toLon, toAltitude, "1000", "http"));
    }

    /** A new aircraft flown as {@link #fly} flies it; its key. */
    private static String flown(long t, double lat, double lon, double toLon, double altitude, double toAltitude) {
        String key = TestKafka.uniqueKey("");
        fly(key, t, lat, lon, toLon, altitude, toAltitude);
        return key;
    }

    private Map<String, JsonNode> sky(long at, String bbox) {
        HttpResponse<String> r = Http.get(url("/api/v1/history/sky?at=" + Instant.ofEpochMilli(at)
                + (bbox == null ? "" : "&bbox=" + bbox)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("time").asLong()).isEqualTo(at);
        Map<String, Integer> field = new HashMap<>();
        for (int i = 0; i < body.get("fields").size(); i++) {
            field.put(body.get("fields").get(i).asString(), i);
        }
        assertThat(field).containsKeys("key", "lat", "lon", "altitude");
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : body.get("rows")) {
            rows.put(row.get(field.get("key")).asString(), row);
        }
        assertThat(body.get("total").asInt()).isEqualTo(rows.size());
        return rows;
    }

    @Test
    void the_sky_at_an_instant_holds_each_aircraft_between_its_stored_points_and_no_other() {
        long base = System.currentTimeMillis() - 20 * MINUTE;
        long at = base + 30_000;
        String europe = flown(base, 50.0, 8.0, 8.1, 1000, 2000);
        String pacific = flown(base, -30.0, 150.0, 150.1, 3000, 3200);
        String landedBefore = flown(base - 15 * MINUTE, 48.0, 2.0, 2.1, 1000, 200);
        String unseenBetween = TestKafka.uniqueKey("");
        // Seen five minutes before and four after: nothing known in between.
        TestKafka.send(Topics.POSITIONS_RAW, unseenBetween,
                Canonical.json(unseenBetween, base - 5 * MINUTE, 45.0, 5.0, 9000, "1000", "http"),
                Canonical.json(unseenBetween, base + 4 * MINUTE + 30_000, 45.0, 6.0, 9000, "1000", "http"));

        Map<String, JsonNode> rows = await().atMost(Duration.ofSeconds(30)).until(() -> sky(at, null),
                r -> r.containsKey(europe) && r.containsKey(pacific));

        JsonNode row = rows.get(europe);
        assertThat(row.get(1).asDouble()).isCloseTo(50.0, within(1e-4));
        assertThat(row.get(2).asDouble()).as("longitude halfway").isCloseTo(8.05, within(1e-4));
        assertThat(row.get(3).asDouble()).as("altitude halfway").isCloseTo(1500, within(1.0));
        assertThat(rows.get(pacific).get(2).asDouble()).isCloseTo(150.05, within(1e-4));
        assertThat(rows).as("aircraft whose nearest points are minutes away")
                .doesNotContainKeys(landedBefore, unseenBetween);
        assertThat(sky(base - 15 * MINUTE + 45_000, null)).as("the landed one, while it flew")
                .containsKey(landedBefore);

        Map<String, JsonNode> inEurope = sky(at, "7,45,9,55");
        assertThat(inEurope).containsKey(europe).doesNotContainKeys(pacific, landedBefore);
        assertThat(sky(at, "140,-40,160,-20")).containsKey(pacific).doesNotContainKey(europe);
    }

    @Test
    void the_sky_is_read_from_the_minutes_the_sink_wrote_and_from_the_tracks_where_there_are_none() {
        long base = System.currentTimeMillis() - 40 * MINUTE;
        long at = base + 30_000;
        String key = flown(base, 40.0, 1.0, 1.2, 3000, 3000);
        String other = flown(base, 41.0, 1.0, 1.2, 3000, 3000);
        String erased = flown(base, 42.0, 1.0, 1.2, 3000, 3000);
        // Minutes are written with the tracks of the same records or after them: the track is not written again.
        await().atMost(Duration.ofSeconds(30)).until(() -> frames.at(at).orElse(List.of()).stream()
                .filter(p -> p.key().equals(key) || p.key().equals(other) || p.key().equals(erased)).count() == 3);
        database.getCollection(TrackIds.COLLECTION).deleteMany(TrackIds.flight(key));

        JsonNode row = sky(at, null).get(key);
        assertThat(row).as("from the minutes, without its track").isNotNull();
        assertThat(row.get(2).asDouble()).as("longitude halfway").isCloseTo(1.1, within(1e-4));
        // Erased: blocked at once everywhere, its rows in the minutes never served again.
        blocklist.addAddresses(List.of(erased));
        assertThat(sky(at, null)).containsKeys(key, other).doesNotContainKey(erased);
        frames.purgeOlderThan(Instant.ofEpochMilli(base + 10 * MINUTE));
        assertThat(sky(at, null)).as("no minute left there: from the tracks, of which one is gone")
                .containsKey(other).doesNotContainKey(key);
    }

    @Test
    void a_bad_instant_or_box_is_a_problem_naming_its_field() {
        long now = System.currentTimeMillis();
        assertProblem("", "at", "required");
        assertProblem("?at=yesterday", "at", "ISO-8601");
        assertProblem("?at=" + Instant.ofEpochMilli(now + 3_600_000), "at", "future");
        assertProblem("?at=" + Instant.ofEpochMilli(now - 8 * 24 * 3_600_000L), "at", "retention");
        assertProblem("?at=" + Instant.ofEpochMilli(now - MINUTE) + "&bbox=1,2,3", "bbox", "minLon,minLat,maxLon,maxLat");
    }

    private void assertProblem(String query, String field, String reason) {
        HttpResponse<String> r = Http.get(url("/api/v1/history/sky" + query));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains(reason);
    }
}
