package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The test stack declares a flight lost after 8 s of silence (60 s by default). */
class SignalLostEventIT extends IntegrationTest {

    @Test
    void an_airborne_flight_that_falls_silent_makes_one_signal_lost_event_and_a_landed_one_none() {
        String airborne = TestKafka.uniqueKey("SL");
        String landed = TestKafka.uniqueKey("SG");
        long t = System.currentTimeMillis() - 2_000;
        TestKafka.send(Topics.POSITIONS_RAW, airborne,
                Canonical.json(airborne, t, 48.0, 2.0, 9000, "1000", "http"),
                Canonical.json(airborne, t + 1000, 48.0, 2.003, 9000, "1000", "http"));
        TestKafka.send(Topics.POSITIONS_RAW, landed, Canonical.json(landed, t, 48.5, 2.5, 120, "1000", "http")
                .replace("\"onGround\":false", "\"onGround\":true").replace("\"speed\":800", "\"speed\":20"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(Http.get(url("/api/v1/events?type=signal_lost&limit=1000")).body())
                        .contains("\"key\":\"" + airborne + "\""));
        // One sweep later nothing new: the event is made once, and never for a flight on the ground.
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String body = Http.get(url("/api/v1/events?type=signal_lost&limit=1000")).body();
            assertThat(body.split("\"key\":\"" + airborne + "\"", -1)).hasSize(2);
            assertThat(body).doesNotContain("\"key\":\"" + landed + "\"");
        });
    }
}
