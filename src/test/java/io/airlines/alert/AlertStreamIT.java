package io.airlines.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.SseStream;
import org.junit.jupiter.api.Test;

class AlertStreamIT extends IntegrationTest {

    @Test
    void a_stream_filtered_by_a_flight_gets_its_landing_naming_the_airport_and_another_flights_stream_does_not()
            throws Exception {
        String landing = Flights.flightNumber();
        String next = Flights.pairedWith(landing);
        String key = TestKafka.uniqueKey("");
        try (SseStream followed = SseStream.open(url("/api/v1/alerts/stream?flight=" + landing));
             SseStream other = SseStream.open(url("/api/v1/alerts/stream?flight=" + next))) {
            assertThat(followed.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !followed.comments().isEmpty() && !other.comments().isEmpty());

            // One aircraft: the followed flight lands at Hamburg, then flies on as the other flight.
            // Its events share a partition, so the other flight's takeoff is published after the landing.
            long t = System.currentTimeMillis() - 60_000;
            TestKafka.send(Topics.POSITIONS_RAW, key,
                    Flights.airborne(key, landing, t), Flights.onGround(key, landing, t + 10_000),
                    Flights.onGround(key, next, t + 20_000), Flights.airborne(key, next, t + 30_000));

            await().atMost(Duration.ofSeconds(30)).until(() -> followed.events(AlertStream.ALERT).stream()
                    .anyMatch(e -> e.data().contains("\"type\":\"landing\"")));
            SseStream.Event alert = followed.events(AlertStream.ALERT).stream()
                    .filter(e -> e.data().contains("\"type\":\"landing\"")).findFirst().orElseThrow();
            assertThat(alert.data()).contains("\"key\":\"" + key + "\"").contains("\"flight\":\"" + landing + "\"")
                    .contains("\"airport\":\"HAM\"").containsPattern("\"sentence\":\"" + landing + " landed at [^\"]+ \\(HAM\\)\"");

            await().atMost(Duration.ofSeconds(30)).until(() -> other.events(AlertStream.ALERT).stream()
                    .anyMatch(e -> e.data().contains("\"type\":\"takeoff\"")));
            List<SseStream.Event> seenByOther = other.events(AlertStream.ALERT);
            assertThat(seenByOther).allSatisfy(e -> assertThat(e.data()).contains("\"flight\":\"" + next + "\"")
                    .doesNotContain("\"type\":\"landing\""));
        }
    }

    @Test
    void a_stream_that_reconnects_with_the_last_event_id_gets_the_alerts_it_missed_and_not_those_it_had() throws Exception {
        String flight = Flights.flightNumber();
        String key = TestKafka.uniqueKey("");
        String stream = url("/api/v1/alerts/stream?flight=" + flight);
        long t = System.currentTimeMillis() - 60_000;
        String lastId;
        try (SseStream first = SseStream.open(stream)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !first.comments().isEmpty());
            TestKafka.send(Topics.POSITIONS_RAW, key, Flights.airborne(key, flight, t), Flights.onGround(key, flight, t + 10_000));
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.events(AlertStream.ALERT).isEmpty());
            SseStream.Event landing = first.events(AlertStream.ALERT).get(0);
            assertThat(landing.data()).contains("\"type\":\"landing\"");
            assertThat(landing.id()).isNotBlank();
            lastId = landing.id();
        }
        // While no stream is open: the flight takes off again, then squawks an emergency.
        TestKafka.send(Topics.POSITIONS_RAW, key, Flights.airborne(key, flight, t + 20_000),
                Flights.squawking(key, flight, t + 30_000, "7700"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/v1/events?type=emergency&key=" + key))
                .body().contains(key));

        try (SseStream resumed = SseStream.resume(stream, lastId)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> resumed.events(AlertStream.ALERT).size() >= 2);
            assertThat(resumed.events(AlertStream.ALERT)).extracting(e -> e.data().replaceAll(".*\"type\":\"(\\w+)\".*", "$1"))
                    .containsExactly("takeoff", "emergency");
        }
    }
}
