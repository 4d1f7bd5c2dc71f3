package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a document by its {@code _id}, the store's most frequent write, as MongoDB does it. */
class StoreReplaceTest {

    @TempDir
    Path dir;

    private WireServer server;
    private MongoClient client;
    private MongoCollection<Document> states;

    @BeforeEach
    void start() {
        server = new WireServer(EmbeddedMongoStore.openBackend(dir.resolve("store.mv")), new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        states = client.getDatabase("airlines").getCollection("flight_state");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void a_replacement_keeps_the_id_first_then_its_own_fields_in_their_order() {
        states.insertOne(new Document("_id", "3c6444").append("callsign", "DLH400").append("altitude", 35_000));

        UpdateResult result = states.replaceOne(Filters.eq("_id", "3c6444"),
                new Document("altitude", 36_000).append("speed", 480).append("callsign", "DLH400"));

        assertThat(result.getMatchedCount()).isEqualTo(1);
        assertThat(result.getModifiedCount()).isEqualTo(1);
        Document stored = states.find(Filters.eq("_id", "3c6444")).first();
        assertThat(List.copyOf(stored.keySet())).containsExactly("_id", "altitude", "speed", "callsign");
        assertThat(stored.getInteger("altitude")).isEqualTo(36_000);
    }

    @Test
    void the_same_document_again_matches_and_modifies_nothing() {
        Document state = new Document("_id", "3c6444").append("callsign", "DLH400");
        states.replaceOne(Filters.eq("_id", "3c6444"), state, new ReplaceOptions().upsert(true));

        UpdateResult again = states.replaceOne(Filters.eq("_id", "3c6444"), state, new ReplaceOptions().upsert(true));

        assertThat(again.getMatchedCount()).isEqualTo(1);
        assertThat(again.getModifiedCount()).isZero();
        assertThat(again.getUpsertedId()).isNull();
        assertThat(states.countDocuments()).isEqualTo(1);
    }

    @Test
    void an_upsert_of_a_new_id_inserts_it_and_a_replacement_of_a_missing_one_without_upsert_does_nothing() {
        UpdateResult missing = states.replaceOne(Filters.eq("_id", "a"), new Document("v", 1));
        UpdateResult upserted = states.replaceOne(Filters.eq("_id", "b"), new Document("v", 2),
                new ReplaceOptions().upsert(true));

        assertThat(missing.getMatchedCount()).isZero();
        assertThat(upserted.getUpsertedId().asString().getValue()).isEqualTo("b");
        assertThat(states.find().into(new ArrayList<>())).containsExactly(new Document("_id", "b").append("v", 2));
    }

    @Test
    void a_replacement_naming_another_id_is_refused_and_changes_nothing() {
        states.insertOne(new Document("_id", "a").append("v", 1));

        assertThatThrownBy(() -> states.replaceOne(Filters.eq("_id", "a"), new Document("_id", "b").append("v", 2)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("_id");

        assertThat(states.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("v", 1));
    }

    @Test
    void a_replacement_breaking_another_unique_index_is_refused_and_changes_nothing() {
        states.createIndex(Indexes.ascending("registration"), new IndexOptions().unique(true));
        states.insertOne(new Document("_id", "a").append("registration", "D-AIMA"));
        states.insertOne(new Document("_id", "b").append("registration", "D-AIMB"));

        assertThatThrownBy(() -> states.replaceOne(Filters.eq("_id", "b"), new Document("registration", "D-AIMA")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        states.replaceOne(Filters.eq("_id", "b"), new Document("registration", "D-AIMC"));

        assertThat(states.find(Filters.eq("registration", "D-AIMA")).into(new ArrayList<>()))
                .containsExactly(new Document("_id", "a").append("registration", "D-AIMA"));
        assertThat(states.find(Filters.eq("registration", "D-AIMC")).first()).containsEntry("_id", "b");
    }

    @Test
    void replaced_documents_survive_a_restart_of_the_store() {
        states.insertOne(new Document("_id", "a").append("v", 1));
        states.replaceOne(Filters.eq("_id", "a"), new Document("v", 2));
        stop();
        start();

        assertThat(states.find(Filters.eq("_id", "a")).first()).isEqualTo(new Document("_id", "a").append("v", 2));
    }
}
