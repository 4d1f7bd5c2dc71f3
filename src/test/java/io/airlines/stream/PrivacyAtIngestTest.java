package io.airlines.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;

import com.mongodb.client.MongoDatabase;
import io.airlines.store.FlightStates;
import io.airlines.store.PositionSink;
import io.airlines.support.Http;
import io.airlines.support.IntegrationTest;
import io.airlines.support.TestStack;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PrivacyAtIngestTest extends IntegrationTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    PipelineMetrics metrics;

    static String position(String key, String callsign, long time) {
        return String.format(Locale.ROOT,
                "{\"key\":\"%s\",\"callsign\":\"%s\",\"lat\":48.1,\"lon\":11.5,\"altitude\":9000,\"speed\":800,"
                        + "\"track\":90,\"verticalRate\":0,\"onGround\":false,\"source\":\"http\",\"time\":%d}", key, callsign, time);
    }

    @Test
    void aircraft_on_the_block_list_are_dropped_at_ingest_and_never_stored_streamed_or_shown() {
        long now = System.currentTimeMillis() - 5_000;
        String control = TestKafka.uniqueKey("PUB");
        String byCallsign = TestKafka.uniqueKey("PRV");
        long blockedBefore = metrics.blocked.sum();

        TestKafka.send(Topics.POSITIONS_RAW, null,
                position(TestStack.PRIVATE_HEX, "OPEN1", now),
                position(byCallsign, TestStack.PRIVATE_CALLSIGN_PREFIX + "42", now),
                position(control, "OPEN2", now));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Http.get(url("/api/v1/flights/" + control)).statusCode()).isEqualTo(200);
            assertThat(metrics.blocked.sum() - blockedBefore).isEqualTo(2);
            assertThat(database.getCollection(FlightStates.COLLECTION).find(new Document("_id", control)).first()).isNotNull();
        });

        for (String hidden : new String[] {TestStack.PRIVATE_HEX, byCallsign}) {
            assertThat(Http.get(url("/api/v1/flights/" + hidden)).statusCode()).isEqualTo(404);
            assertThat(Http.get(url("/api/v1/live?callsign=" + hidden)).body()).contains("\"count\":0");
            assertThat(database.getCollection(FlightStates.COLLECTION).find(new Document("_id", hidden)).first()).isNull();
            assertThat(database.getCollection(PositionSink.POSITIONS)
                    .find(new Document("_id", new Document("$regex", "^" + hidden))).first()).isNull();
        }
        assertThat(Http.get(url("/api/v1/live?callsign=" + TestStack.PRIVATE_CALLSIGN_PREFIX)).body()).contains("\"count\":0");
    }
}
