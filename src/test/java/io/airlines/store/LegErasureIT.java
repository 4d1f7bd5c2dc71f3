package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.flight.LegStore;
import io.airlines.stream.Position;
import io.airlines.stream.PositionCodec;
import io.airlines.stream.TestKafka;
import io.airlines.stream.Topics;
import io.airlines.support.IntegrationTest;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The right to erasure covers an aircraft's flight legs, and leg cutting does not write them back. */
class LegErasureIT extends IntegrationTest {

    private static final String LEG_OPEN = "leg_open";
    private static final String LEGS_GROUP = "airlines-legs";
    private static final double[] FRANKFURT = {50.0379, 8.5622};

    @Autowired
    MongoDatabase database;
    @Autowired
    AircraftErasure erasure;

    @Test
    void an_erased_aircraft_loses_its_legs_their_keys_and_its_cursor_and_a_later_position_makes_no_new_leg()
            throws Exception {
        String hex = TestKafka.uniqueKey("");
        long start = System.currentTimeMillis() - 10 * 60_000;
        List<Position> departure = departure(hex, start);
        // As validation hands positions on: the leg pipeline reads them from the positions topic.
        TestKafka.send(Topics.POSITIONS, hex, encoded(departure.subList(0, departure.size() - 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> legs(hex) == 1 && keys(hex) > 0
                && database.getCollection(LEG_OPEN).countDocuments(Filters.eq("_id", hex)) == 1);
        long keysBefore = keys(hex);

        Map<String, Long> deleted = erasure.erase(hex);

        assertThat(deleted).containsEntry(LegStore.COLLECTION, 1L).containsEntry(LegStore.KEYS, keysBefore)
                .containsEntry(LEG_OPEN, 1L);
        // Validated before the erasure and still on its way: it must not bring the leg back.
        RecordMetadata late = TestKafka.sendAndLocate(Topics.POSITIONS, hex,
                encoded(departure.subList(departure.size() - 1, departure.size()))).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.committed(LEGS_GROUP, late) > late.offset());
        assertThat(legs(hex)).isZero();
        assertThat(keys(hex)).isZero();
        assertThat(database.getCollection(LEG_OPEN).countDocuments(Filters.eq("_id", hex))).isZero();
    }

    private long legs(String hex) {
        return database.getCollection(LegStore.COLLECTION).countDocuments(Filters.eq("transponder", hex));
    }

    private long keys(String hex) {
        return database.getCollection(LegStore.KEYS).countDocuments(Filters.regex("leg", "-" + hex + "$"));
    }

    /** Taxis at Frankfurt, then climbs out northwards, a point every 10 s. */
    private static List<Position> departure(String hex, long start) {
        List<Position> out = new ArrayList<>();
        long t = start;
        double lat = FRANKFURT[0];
        for (int i = 0; i < 3; i++, t += 10_000) {
            out.add(Position.observed(hex, "TST" + hex.substring(2), lat += 0.0005, FRANKFURT[1], 110.0, 25.0, 0.0,
                    0.0, "1000", true, "http", t));
        }
        for (int i = 1; i <= 4; i++, t += 10_000) {
            out.add(Position.observed(hex, "TST" + hex.substring(2), lat += 0.02, FRANKFURT[1], 300.0 * i, 800.0, 0.0,
                    0.0, "1000", false, "http", t));
        }
        return out;
    }

    private static String[] encoded(List<Position> positions) {
        PositionCodec codec = PositionCodec.standalone();
        return positions.stream().map(p -> new String(codec.encode(p), StandardCharsets.UTF_8)).toArray(String[]::new);
    }
}
