package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonUndefined;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's append of points to a track segment, applied by the store to the stored bytes: the
 * document it leaves is the one the generic update leaves.
 */
class StoreAppendTest {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    @TempDir
    Path dir;

    @Test
    void appends_leave_the_documents_the_generic_update_leaves() {
        StoreFiles.withDatabase(dir.resolve("append.mv"), (backend, database) -> {
            MongoCollection<Document> spliced = database.getCollection("spliced");
            MongoCollection<Document> generic = genericOnly(database);
            Random random = new Random(7);
            for (MongoCollection<Document> segments : List.of(spliced, generic)) {
                segments.insertOne(segment("3c6444|0", 0, 2));
                segments.insertOne(segment("4ca123|0", 0, 1));
            }
            int t = 2;
            for (int write = 0; write < 40; write++) {
                String id = write % 2 == 0 ? "3c6444|0" : "4ca123|0";
                List<Document> points = new ArrayList<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    points.add(point(t++));
                }
                Document update = append(points);
                UpdateResult fast = spliced.updateOne(Filters.eq("_id", id), update, UPSERT);
                UpdateResult slow = generic.updateOne(Filters.eq("_id", id), update, UPSERT);
                assertThat(fast.getMatchedCount()).isEqualTo(slow.getMatchedCount()).isEqualTo(1);
                assertThat(fast.getModifiedCount()).isEqualTo(slow.getModifiedCount()).isEqualTo(1);
            }
            List<Document> fromSplices = spliced.find().into(new ArrayList<>());
            assertThat(fromSplices).isEqualTo(generic.find().into(new ArrayList<>()));
            Document first = fromSplices.get(0);
            assertThat(first.getList("points", Document.class)).hasSize(first.getInteger("count"))
                    .extracting(p -> p.getInteger("t")).isSorted();
            assertThat(stored(backend, "spliced", "3c6444|0")).isEqualTo(stored(backend, "generic", "3c6444|0"));
        });
    }

    @Test
    void an_append_keeps_the_rest_of_the_stored_bytes_as_they_were() {
        StoreFiles.withDatabase(dir.resolve("kept.mv"), (backend, database) -> {
            MongoCollection<Document> segments = database.getCollection("segments");
            segments.insertOne(segment("3c6444|0", 0, 1).append("gone", new BsonUndefined()));

            segments.updateOne(Filters.eq("_id", "3c6444|0"), append(List.of(point(1))), UPSERT);

            // The generic update decodes the document and encodes it again: the undefined value becomes a null.
            RawBsonDocument bytes = new RawBsonDocument(stored(backend, "segments", "3c6444|0"));
            assertThat(bytes.get("gone").isNull()).isFalse();
            assertThat(bytes.get("gone").getBsonType().name()).isEqualTo("UNDEFINED");
            assertThat(bytes.getArray("points")).hasSize(2);
            assertThat(bytes.getInt32("count").getValue()).isEqualTo(2);
        });
    }

    @Test
    void what_is_not_a_plain_append_takes_the_generic_path() {
        StoreFiles.withDatabase(dir.resolve("generic.mv"), (backend, database) -> {
            MongoCollection<Document> segments = database.getCollection("segments");
            segments.insertOne(segment("a", 5, 2));
            segments.insertOne(segment("long", 0, 1).append("count", 1L));
            segments.insertOne(new Document("_id", "flat").append("points", 3).append("count", 1));

            segments.updateOne(Filters.eq("_id", "a"), new Document("$push", new Document("points",
                    new Document("$each", List.of(point(1))).append("$sort", new Document("t", 1))))
                    .append("$inc", new Document("count", 1)));
            segments.updateOne(Filters.eq("_id", "long"), append(List.of(point(1))));
            segments.updateOne(Filters.eq("_id", "new"), append(List.of(point(9))), UPSERT);

            assertThat(segments.find(Filters.eq("_id", "a")).first().getList("points", Document.class))
                    .extracting(p -> p.getInteger("t")).containsExactly(1, 5, 6);
            assertThat(segments.find(Filters.eq("_id", "long")).first().get("count")).isEqualTo(2L);
            assertThat(segments.find(Filters.eq("_id", "new")).first())
                    .isEqualTo(new Document("_id", "new").append("key", "k").append("points", List.of(point(9)))
                            .append("count", 1));
            assertThatThrownBy(() -> segments.updateOne(Filters.eq("_id", "flat"), append(List.of(point(1)))))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(segments.find(Filters.eq("_id", "flat")).first().get("points")).isEqualTo(3);
        });
    }

    /** A collection where every update is the generic one: a second index holds its documents. */
    private static MongoCollection<Document> genericOnly(MongoDatabase database) {
        MongoCollection<Document> generic = database.getCollection("generic");
        generic.createIndex(Indexes.ascending("never"), new IndexOptions().unique(true).sparse(true));
        return generic;
    }

    private static byte[] stored(DurableH2Backend backend, String collection, String id) {
        MVMap<Object, byte[]> data = backend.getMvStore().openMap("databases.airlines." + collection,
                new MVMap.Builder<Object, byte[]>().valueType(StoredBsonType.INSTANCE));
        return data.get(id);
    }

    private static Document segment(String id, int firstT, int points) {
        List<Document> list = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            list.add(point(firstT + i));
        }
        return new Document("_id", id).append("key", "k").append("start", 0L).append("points", list)
                .append("count", points);
    }

    private static Document point(int t) {
        return new Document("t", t).append("lat", 50.0 + t / 100.0).append("lon", 8.5).append("alt", 35_000)
                .append("gs", 451.5).append("src", "sbs");
    }

    private static Document append(List<Document> points) {
        return new Document("$setOnInsert", new Document("key", "k"))
                .append("$push", new Document("points", new Document("$each", points)))
                .append("$inc", new Document("count", points.size()));
    }
}
