package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterIT extends IntegrationTest {

    @Test
    void malformed_records_land_in_the_dlq_with_their_reason_and_origin_and_nothing_else_is_lost() {
        String good1 = TestKafka.uniqueKey("DL");
        String good2 = TestKafka.uniqueKey("DL");
        String bad = TestKafka.uniqueKey("BAD");
        long now = System.currentTimeMillis();
        String notJson = "this is not json " + bad;
        String badLatitude = Canonical.json(bad, now, 123.0, 8.0, 1000, "1000", "http");
        String badKey = Canonical.json("bad key!" + bad.substring(3), now, 50.0, 8.0, 1000, "1000", "http")
                .replace("\"key\":\"bad key!", "\"key\":\"bad key!");
        String future = Canonical.json(bad + "F", now + 3_600_000, 50.0, 8.0, 1000, "1000", "http");
        TestKafka.send(Topics.POSITIONS_RAW, null,
                Canonical.json(good1, now - 2000, 50.0, 8.0, 10000, "1000", "http"),
                notJson, badLatitude,
                Canonical.json(good2, now - 2000, 48.0, 2.0, 10000, "1000", "http"),
                badKey, future);

        List<ConsumerRecord<String, byte[]>> dlq = TestKafka.readUntil(Topics.POSITIONS_DLQ,
                seen -> seen.stream().filter(r -> TestKafka.value(r).contains(bad) || TestKafka.value(r).contains("bad key!")).count() >= 4);
        ConsumerRecord<String, byte[]> text = dlq.stream().filter(r -> TestKafka.value(r).equals(notJson)).findFirst().orElseThrow();
        assertThat(TestKafka.header(text, "dlq.reason")).isEqualTo("not a JSON object");
        assertThat(TestKafka.header(text, "dlq.topic")).isEqualTo(Topics.POSITIONS_RAW);
        assertThat(TestKafka.header(text, "dlq.partition")).matches("\\d+");
        assertThat(TestKafka.header(text, "dlq.offset")).matches("\\d+");
        ConsumerRecord<String, byte[]> lat = dlq.stream().filter(r -> TestKafka.value(r).equals(badLatitude)).findFirst().orElseThrow();
        assertThat(TestKafka.header(lat, "dlq.reason")).contains("'lat'");
        assertThat(dlq.stream().filter(r -> TestKafka.value(r).equals(badKey)).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TestKafka.header(r, "dlq.reason")).contains("'key'"));
        assertThat(dlq.stream().filter(r -> TestKafka.value(r).equals(future)).findFirst().orElseThrow())
                .satisfies(r -> assertThat(TestKafka.header(r, "dlq.reason")).contains("future"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Http.get(url("/api/v1/flights/" + good1)).statusCode()).isEqualTo(200);
            assertThat(Http.get(url("/api/v1/flights/" + good2)).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void a_receiver_position_implying_a_jump_goes_to_the_dlq_but_a_seed_one_is_kept_and_flagged() {
        String sbs = TestKafka.uniqueKey("J");
        long t = System.currentTimeMillis() - 60_000;
        TestKafka.send(Topics.POSITIONS_RAW, sbs,
                Canonical.json(sbs, t, 50.0, 8.0, 10000, "1000", "sbs"),
                Canonical.json(sbs, t + 10_000, 52.0, 8.0, 10000, "1000", "sbs"));
        assertThat(TestKafka.deadLetters(v -> v.contains(sbs)).get(0))
                .satisfies(r -> assertThat(TestKafka.header(r, "dlq.reason")).startsWith("jump"));
    }
}
