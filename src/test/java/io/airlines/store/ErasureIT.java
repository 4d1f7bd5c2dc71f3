package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.airlines.stream.Canonical;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Privacy in the default, loopback-only set-up (no API key): see ApiKeyProcessIT for an erasure itself. */
class ErasureIT extends IntegrationTest {

    @Test
    void without_a_configured_key_nobody_may_erase() {
        HttpResponse<String> refused = Http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/aircraft-data/a1b2c3"))).DELETE());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("AIRLINES_API_KEY").contains("\"field\":\"X-API-Key\"");
    }

    @Test
    void a_blocked_aircraft_posted_over_http_never_reaches_kafka() {
        String blocked = TestKafka.uniqueKey("");
        String control = TestKafka.uniqueKey("CTL");
        long t = System.currentTimeMillis();
        String body = Canonical.json(blocked, t, 45.0, 5.0, 9000, "1000", "http")
                .replace("\"callsign\":\"TST" + blocked.substring(blocked.length() - 4) + "\"",
                        "\"callsign\":\"" + TestStack.PRIVATE_CALLSIGN_PREFIX + "9\"")
                + "\n" + Canonical.json(control, t, 45.5, 5.5, 9000, "1000", "http") + "\n";
        assertThat(body).contains(TestStack.PRIVATE_CALLSIGN_PREFIX);
        HttpResponse<String> accepted = Http.post(url("/api/v1/positions"), "application/x-ndjson", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        // Both were acknowledged (or dropped) before the 202: the raw topic as of now holds all there is.
        List<ConsumerRecord<String, byte[]>> raw = TestKafka.readToEnd(Topics.POSITIONS_RAW);
        assertThat(raw).extracting(ConsumerRecord::key).contains(control).doesNotContain(blocked);
    }
}
