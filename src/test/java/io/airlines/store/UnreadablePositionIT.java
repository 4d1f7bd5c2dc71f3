package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import io.airlines.stream.DeadLetters;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UnreadablePositionIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;

    @Test
    void a_record_that_is_not_a_position_goes_to_the_dlq_and_the_positions_after_it_are_stored() {
        String key = TestKafka.uniqueKey("UP");
        long t = System.currentTimeMillis() - 5_000;
        PositionCodec codec = PositionCodec.standalone();
        String unreadable = "{not a position " + key;
        String[] climb = PositionStoreIT.climb(key, t, 2);
        Position first = codec.decodeRaw(climb[0].getBytes(), Position.HTTP).position();
        Position second = codec.decodeRaw(climb[1].getBytes(), Position.HTTP).position();

        // One key, one partition: the sink polls the unreadable record and the positions after it together.
        TestKafka.send(Topics.POSITIONS, key, unreadable, new String(codec.encode(first)), new String(codec.encode(second)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(PositionStoreIT.storedTimes(database, key)).containsExactly(t, t + 1000));
        List<ConsumerRecord<String, byte[]>> dead = TestKafka.deadLetters(unreadable::equals);
        assertThat(dead).hasSize(1);
        assertThat(TestKafka.header(dead.get(0), DeadLetters.REASON_HEADER)).startsWith("handling failed: ");
        assertThat(TestKafka.header(dead.get(0), "dlq.topic")).isEqualTo(Topics.POSITIONS);
    }
}
