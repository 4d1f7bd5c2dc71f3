package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.airlines.live.LiveView;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UnreadableEventIT extends IntegrationTest {

    @Autowired
    LiveView live;

    @Test
    void an_unreadable_record_among_events_goes_to_the_dlq_and_the_events_after_it_are_stored_and_shown() {
        String key = TestKafka.uniqueKey("UE");
        long t = System.currentTimeMillis() - 10_000;
        PositionCodec codec = PositionCodec.standalone();
        FlightEvent takeoff = new FlightEvent(key + "-takeoff-" + t, "takeoff", key, null, t, 50.0, 8.0, null, "from FRA");
        FlightEvent landing = new FlightEvent(key + "-landing-" + (t + 1), "landing", key, null, t + 1, 50.0, 8.0, null, "at LHR");
        String unreadable = "{not an event " + key;
        List<FlightEvent> shown = new CopyOnWriteArrayList<>();
        live.onEvent(shown::add);

        // One key, one partition, one batch: the unreadable record and the events arrive in the same poll.
        TestKafka.send(Topics.EVENTS, key, unreadable, new String(codec.encodeEvent(takeoff)), new String(codec.encodeEvent(landing)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Http.get(url("/api/v1/events?key=" + key)).body()).contains(takeoff.id()).contains(landing.id());
            assertThat(shown).contains(takeoff, landing);
        });
        ConsumerRecord<String, byte[]> dead = TestKafka.deadLetters(unreadable::equals).get(0);
        assertThat(TestKafka.header(dead, ValidationPipeline.REASON_HEADER)).startsWith("handling failed: ");
        assertThat(TestKafka.header(dead, "dlq.topic")).isEqualTo(Topics.EVENTS);
    }
}
