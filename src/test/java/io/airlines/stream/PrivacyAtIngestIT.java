package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.store.FlightStates;
import io.airlines.store.TrackIds;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

class PrivacyAtIngestIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    PipelineMetrics metrics;

    @Autowired
    JsonMapper json;

    /** A flight as the test sends it: its key and the callsign it flies under. */
    record Flight(String key, String callsign) {
    }

    static String position(String key, String callsign, long time) {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"%s\",\"lat\":48.1,\"lon\":11.5,\"altitude\":9000,\"speed\":800,"
                        + "\"track\":90,\"verticalRate\":0,\"onGround\":false,\"source\":\"http\",\"time\":%d}", key, callsign, time);
    }

    @Test
    void aircraft_on_the_block_list_are_dropped_at_ingest_and_never_stored_streamed_or_shown() throws Exception {
        long now = System.currentTimeMillis() - 5_000;
        String suffix = TestKafka.uniqueKey("");
        List<Flight> hidden = List.of(
                new Flight(TestStack.PRIVATE_HEX, "OPN" + suffix),
                new Flight(TestKafka.uniqueKey("PRV"), TestStack.PRIVATE_CALLSIGN_PREFIX + suffix));
        int partitions = partitions(Topics.POSITIONS);
        // Each control flight shares its partition of flights.positions with a hidden one, and is
        // sent after it: once a control is stored and shown, a leaked hidden flight would be too.
        List<Flight> controls = hidden.stream()
                .map(h -> new Flight(keyOnPartitionOf(h.key(), partitions), "PUB" + TestKafka.uniqueKey("")))
                .toList();
        long blockedBefore = metrics.blocked.sum();

        // One raw key: one raw partition, read in the order sent.
        TestKafka.send(Topics.POSITIONS_RAW, "privacy-" + suffix,
                position(hidden.get(0).key(), hidden.get(0).callsign(), now),
                position(hidden.get(1).key(), hidden.get(1).callsign(), now),
                position(controls.get(0).key(), controls.get(0).callsign(), now),
                position(controls.get(1).key(), controls.get(1).callsign(), now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Flight c : controls) {
                assertThat(liveCount(c.callsign())).isEqualTo(1);
                assertThat(database.getCollection(FlightStates.COLLECTION).find(Filters.eq("_id", c.key())).first()).isNotNull();
                assertThat(database.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", c.key())).first()).isNotNull();
            }
        });

        for (Flight h : hidden) {
            assertThat(liveCount(h.callsign())).as("live flights under %s", h.callsign()).isZero();
            assertThat(Http.get(url("/api/v1/flights/" + h.key())).statusCode()).isEqualTo(404);
            assertThat(database.getCollection(FlightStates.COLLECTION).find(Filters.eq("_id", h.key())).first()).isNull();
            assertThat(database.getCollection(TrackIds.COLLECTION).find(Filters.eq("key", h.key())).first()).isNull();
        }
        assertThat(metrics.blocked.sum() - blockedBefore).isEqualTo(2);
    }

    /** How many flights the live API finds under this callsign (a prefix search). */
    private int liveCount(String callsign) {
        return json.readTree(Http.get(url("/api/v1/live?callsign=" + callsign)).body()).get("count").asInt();
    }

    /** A new flight key that Kafka's default partitioner puts on the same partition as {@code key}. */
    private static String keyOnPartitionOf(String key, int partitions) {
        int target = Topics.partitionOf(key, partitions);
        String candidate;
        do {
            candidate = TestKafka.uniqueKey("PUB");
        } while (Topics.partitionOf(candidate, partitions) != target);
        return candidate;
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
