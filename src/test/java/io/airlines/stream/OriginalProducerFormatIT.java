package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.junit.jupiter.api.Test;

class OriginalProducerFormatIT extends IntegrationTest {

    static String original(String flightId, LocalDateTime at, double lat, double lon) {
        return """
                {"flight_id": "%s", "airline_name": "Lufthansa", "timestamp": "%s",
                 "departure_country": "Germany", "departure_airport": "Frankfurt Airport",
                 "arrival_country": "UK", "arrival_airport": "Heathrow Airport",
                 "location": {"latitude": %s, "longitude": %s}, "speed": 704.3377539420189, "altitude": 9278.041430660965}
                """.formatted(flightId, at, lat, lon);
    }

    @Test
    void original_format_messages_on_a_flight_topic_appear_in_the_live_view() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).minusSeconds(30);
        TestKafka.send("flight_LH102", null,
                original("LH102", now, 50.0383, 8.5620),
                original("LH102", now.plusSeconds(5), 50.0500, 8.4900));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> flight = Http.get(url("/api/v1/flights/LH102"));
            assertThat(flight.statusCode()).isEqualTo(200);
            assertThat(flight.body())
                    .contains("\"key\":\"LH102\"")
                    .contains("\"lat\":50.05")
                    .contains("\"source\":\"seed\"")
                    .contains("\"origin\":\"FRA\"")
                    .contains("\"destination\":\"LHR\"")
                    .contains("\"airline\":\"DLH\"")
                    .contains("\"callsign\":\"DLH102\"");
        });
        HttpResponse<String> live = Http.get(url("/api/v1/live?callsign=DLH102&route=FRA"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"count\":1").contains("\"key\":\"LH102\"");
    }

    @Test
    void a_flight_whose_callsign_enrichment_derives_is_blocked_by_that_callsign() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).minusSeconds(30);
        // One topic, read in order: the blocked flight's record comes before the control's.
        TestKafka.send("flight_LH9931", null, original("LH9931", now, 50.0383, 8.5620), original("LH9932", now, 50.0383, 8.5620));

        await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(url("/api/v1/flights/LH9932")).statusCode() == 200);
        assertThat(Http.get(url("/api/v1/flights/LH9932")).body()).contains("\"callsign\":\"DLH9932\"");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Http.get(url("/api/v1/flights/LH9931")).statusCode() == 404);
        assertThat(Http.get(url("/api/v1/live?callsign=" + TestStack.PRIVATE_DERIVED_CALLSIGN)).body()).contains("\"count\":0");
    }

    @Test
    void an_unknown_flight_is_a_404_problem() {
        HttpResponse<String> r = Http.get(url("/api/v1/flights/NOPE" + System.nanoTime() % 1000));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }
}
