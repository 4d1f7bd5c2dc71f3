package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.airlines.flight.FlightLeg;
import io.airlines.flight.LegStore;
import io.airlines.stream.TestKafka;
import io.airlines.support.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RetentionIT extends IntegrationTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    StoreMaintenance maintenance;

    @Test
    void the_purge_deletes_positions_events_states_and_legs_older_than_the_retention_and_keeps_the_rest() {
        String key = TestKafka.uniqueKey("RT");
        long now = System.currentTimeMillis();
        long eightDaysAgo = now - 8L * 24 * 3_600_000;
        var positions = database.getCollection(TrackIds.COLLECTION);
        positions.insertMany(List.of(
                new Document("_id", key + "|old").append("key", key).append("start", new Date(eightDaysAgo))
                        .append("end", new Date(eightDaysAgo + 300_000)).append("points", List.of()),
                new Document("_id", key + "|new").append("key", key).append("start", new Date(now - 600_000))
                        .append("end", new Date(now - 300_000)).append("points", List.of())));
        database.getCollection(EventSink.COLLECTION).insertOne(new Document("_id", key + "-old").append("key", key)
                .append("time", eightDaysAgo).append("at", new Date(eightDaysAgo)));
        database.getCollection(FlightStates.COLLECTION).insertOne(new Document("_id", key).append("updatedAt", new Date(eightDaysAgo)));
        String oldLeg = FlightLeg.idOf(Instant.ofEpochMilli(eightDaysAgo), key);
        String newLeg = FlightLeg.idOf(Instant.ofEpochMilli(now - 600_000), key);
        for (String leg : List.of(oldLeg, newLeg)) {
            database.getCollection(LegStore.COLLECTION).insertOne(new Document("_id", leg).append("transponder", key));
            database.getCollection(LegStore.KEYS).insertOne(new Document("_id", "airport|FRA|" + leg).append("leg", leg));
        }

        assertThat(maintenance.purge(now)).isGreaterThanOrEqualTo(5);

        assertThat(positions.find(Filters.eq("key", key)).map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactly(key + "|new");
        assertThat(database.getCollection(EventSink.COLLECTION).countDocuments(Filters.eq("key", key))).isZero();
        assertThat(database.getCollection(FlightStates.COLLECTION).countDocuments(Filters.eq("_id", key))).isZero();
        assertThat(database.getCollection(LegStore.COLLECTION).find(Filters.eq("transponder", key))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>())).containsExactly(newLeg);
        assertThat(database.getCollection(LegStore.KEYS).countDocuments(Filters.eq("leg", oldLeg))).isZero();
        assertThat(database.getCollection(LegStore.KEYS).countDocuments(Filters.eq("leg", newLeg))).isOne();
    }

    @Test
    void real_mongodb_gets_ttl_and_secondary_indexes() {
        List<String> names = database.getCollection(TrackIds.COLLECTION).listIndexes().map(d -> d.getString("name"))
                .into(new java.util.ArrayList<>());
        assertThat(names).contains("key_start", "ttl_end");
        assertThat(database.getCollection(EventSink.COLLECTION).listIndexes().map(d -> d.getString("name"))
                .into(new java.util.ArrayList<>())).contains("type_time", "ttl_at");
    }
}
