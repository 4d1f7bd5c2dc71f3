package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class EmergencyEventIT extends IntegrationTest {

    @Test
    void an_emergency_squawk_makes_an_event_on_the_topic_and_in_the_events_api() {
        String key = TestKafka.uniqueKey("EM");
        long t = System.currentTimeMillis() - 10_000;
        TestKafka.send(Topics.POSITIONS_RAW, key,
                Canonical.json(key, t, 50.0, 8.0, 10000, "1000", "http"),
                Canonical.json(key, t + 1000, 50.002, 8.0, 10000, "7700", "http"));

        TestKafka.readUntil(Topics.EVENTS, seen -> seen.stream().anyMatch(r -> key.equals(r.key())
                && TestKafka.value(r).contains("\"type\":\"emergency\"")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String body = Http.get(url("/api/v1/events?type=emergency&limit=1000")).body();
            assertThat(body).contains("\"key\":\"" + key + "\"").contains("\"squawk\":\"7700\"").contains("general emergency");
        });
        assertThat(Http.get(url("/api/v1/events?type=meteor")).statusCode()).isEqualTo(400);
    }
}
