package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.airlines.config.StartupException;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's own file format: BSON documents and MongoDB-ordered unique index keys. */
class StoreFileFormatTest {

    @TempDir
    Path dir;

    @Test
    void every_bson_type_the_server_stores_survives_a_restart_unchanged() {
        Path file = dir.resolve("mongo.mv");
        Document original = new Document("_id", "LH400|1764115200000")
                .append("string", "Frankfurt – New York").append("int", 7).append("long", 1_764_115_200_000L)
                .append("double", 50.0333).append("bool", true).append("null", null).append("date", new Date(1_764_115_200_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b")).append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("nested", new Document("lat", 50.0).append("points", List.of(new Document("time", 1L), new Document("time", 2L))))
                .append("list", List.of(1, "two", 3.0));
        withStore(file, c -> c.insertOne(original));
        withStore(file, c -> assertThat(c.find(Filters.eq("_id", original.get("_id"))).first()).isEqualTo(original));
    }

    @Test
    void the_id_index_is_unique_and_orders_keys_as_mongodb_does() {
        withStore(dir.resolve("mongo.mv"), c -> {
            List<Object> ids = List.of("b", 10L, "a", 2.5, new ObjectId("65a1b2c3d4e5f60718293a4b"), 3);
            for (Object id : ids) {
                c.insertOne(new Document("_id", id));
            }
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "a"))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> c.insertOne(new Document("_id", 3.0))).isInstanceOf(MongoWriteException.class);
            List<Object> sorted = new ArrayList<>();
            c.find().sort(Sorts.ascending("_id")).forEach(d -> sorted.add(d.get("_id")));
            // Numbers before strings before object ids, numbers by value whatever their type.
            assertThat(sorted).containsExactly(2.5, 3, 10L, "a", "b", new ObjectId("65a1b2c3d4e5f60718293a4b"));
            assertThat(c.find(Filters.eq("_id", 10)).first()).isNotNull();
        });
    }

    @Test
    void a_file_in_another_format_is_refused_with_a_message_naming_what_to_do() throws Exception {
        Path file = dir.resolve("mongo.mv");
        MVStore old = new MVStore.Builder().fileName(file.toString()).open();
        old.openMap("databases.airlines.positions").put("x", Map.of("a", 1));
        old.close();
        long size = Files.size(file);

        assertThatThrownBy(() -> EmbeddedMongoStore.openBackend(file)).isInstanceOf(StartupException.class)
                .hasMessageContaining("earlier version").hasMessageContaining("AIRLINES_DATA_DIR");
        assertThat(Files.size(file)).as("left as it was").isEqualTo(size);
    }

    /** The state a crash can leave: H2 committed a document, not yet its index entry; its writer sends it again. */
    @Test
    void a_document_left_without_its_index_entry_is_replaced_when_written_again() {
        Path file = dir.resolve("mongo.mv");
        withStore(file, c -> c.insertMany(List.of(new Document("_id", "a").append("v", 1), new Document("_id", "b"))));
        dropIndexEntry(file, "c", "a");

        withStore(file, c -> {
            c.insertOne(new Document("_id", "a").append("v", 2));
            assertThat(c.find(Filters.eq("_id", "a")).first()).isEqualTo(new Document("_id", "a").append("v", 2));
            assertThat(c.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "a"))).as("the index has it again")
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    /**
     * In a collection keyed by sequence, the state a crash can leave: H2 committed the collection's
     * last insert, not yet its index entry; its writer was not answered and sends it again. Inserts
     * are one at a time per collection, so only the last one can be in that state.
     */
    @Test
    void a_document_left_without_its_index_entry_goes_before_the_next_insert() {
        Path file = dir.resolve("mongo.mv");
        withStore(file, "positions", c -> c.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b").append("v", 1))));
        dropIndexEntry(file, "positions", "b");

        withStore(file, "positions", c -> {
            c.insertOne(new Document("_id", "b").append("v", 2));
            assertThat(c.find(Filters.eq("_id", "b")).first()).isEqualTo(new Document("_id", "b").append("v", 2));
            List<Document> scanned = c.find(Filters.exists("_id")).into(new ArrayList<>());
            assertThat(scanned).as("one copy of each, read without the index").extracting(d -> d.get("_id"))
                    .containsExactly("a", "b");
            assertThatThrownBy(() -> c.insertOne(new Document("_id", "b"))).as("the index has it again")
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    /**
     * The collection the store keys by sequence is the sink's track segments by name: the embedded
     * store does not depend on the sink, so a renamed collection would silently lose its sequence keys.
     */
    @Test
    void the_collection_keyed_by_sequence_is_the_sinks_track_segments() {
        assertThat(BsonH2Database.SEQUENCE_KEYED).containsExactly(io.airlines.store.TrackIds.COLLECTION);
    }

    /** A file whose documents are keyed by their _id (written before sequence keys) takes new ones beside them. */
    @Test
    void documents_keyed_by_their_id_and_by_sequence_live_side_by_side() {
        Path file = dir.resolve("mongo.mv");
        withStore(file, "positions", c -> c.insertOne(new Document("_id", "old")));
        MVStore raw = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<KeyValue, Object> idIndex = raw.openMap("airlines.positions._index__id_",
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        MVMap<Object, byte[]> documents = raw.openMap("databases.airlines.positions",
                new MVMap.Builder<Object, byte[]>().valueType(StoredBsonType.INSTANCE));
        Object key = idIndex.get(new KeyValue("old"));
        assertThat(key).as("a sequence number").isInstanceOf(Long.class);
        // As an earlier version wrote it: the _id as the key, in the data and in the index.
        documents.put("old", documents.remove(key));
        idIndex.put(new KeyValue("old"), "old");
        raw.close();

        withStore(file, "positions", c -> {
            c.insertMany(List.of(new Document("_id", "p"), new Document("_id", 7L)));
            c.updateOne(Filters.eq("_id", "old"), new Document("$set", new Document("v", 1)));
            assertThat(c.find(Filters.eq("_id", "old")).first()).isEqualTo(new Document("_id", "old").append("v", 1));
            assertThat(c.find(Filters.in("_id", List.of("p", 7L))).into(new ArrayList<>())).hasSize(2);
            assertThat(c.countDocuments()).isEqualTo(3);
            c.deleteOne(Filters.eq("_id", "old"));
            assertThat(c.find(Filters.exists("_id")).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                    .containsExactly("p", 7L);
        });
    }

    /**
     * The store keeps no secondary index, so opening a collection that declares one must not read
     * its documents: here none can be decoded, and only a scan would meet one.
     */
    @Test
    void opening_a_collection_with_a_secondary_index_reads_none_of_its_documents() {
        Path file = dir.resolve("mongo.mv");
        withStore(file, c -> {
            c.createIndex(Indexes.ascending("time"));
            c.insertOne(new Document("_id", "a").append("time", 1L));
            c.deleteOne(Filters.eq("_id", "a"));
        });
        // An _id index that is not empty (so it is not rebuilt), and unreadable values as the documents.
        MVStore raw = new MVStore.Builder().fileName(file.toString()).open();
        raw.openMap("airlines.c._index__id_", new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE))
                .put(new KeyValue("a"), "a");
        MVMap<Object, byte[]> documents = raw.openMap("databases.airlines.c",
                new MVMap.Builder<Object, byte[]>().valueType(ByteArrayDataType.INSTANCE));
        // Enough of them that the map's root holds keys only: opening the map reads no value.
        for (int i = 0; i < 5_000; i++) {
            documents.put("unreadable" + i, new byte[] {3, 0, 0, 0});
        }
        raw.close();

        withStore(file, c -> assertThat(c.find(Filters.eq("_id", "b")).first()).isNull());
    }

    /** What a crash mid-insert leaves: the document {@code id} of a collection of two without its {@code _id} index entry. */
    private static void dropIndexEntry(Path file, String collection, String id) {
        MVStore raw = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<KeyValue, Object> idIndex = raw.openMap("airlines." + collection + "._index__id_",
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        idIndex.keySet().stream().filter(k -> id.equals(k.get(0))).toList().forEach(idIndex::remove);
        assertThat(idIndex.size()).isEqualTo(1);
        raw.close();
    }

    private static void withStore(Path file, java.util.function.Consumer<MongoCollection<Document>> work) {
        withStore(file, "c", work);
    }

    private static void withStore(Path file, String collection, java.util.function.Consumer<MongoCollection<Document>> work) {
        var backend = EmbeddedMongoStore.openBackend(file);
        WireServer server = new WireServer(backend, new InetSocketAddress("127.0.0.1", 0));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            work.accept(client.getDatabase("airlines").getCollection(collection));
        } finally {
            server.close();
        }
    }
}
