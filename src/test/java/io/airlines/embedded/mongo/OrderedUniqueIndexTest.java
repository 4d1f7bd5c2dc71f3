package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import io.airlines.bench.ScratchStore;
import io.airlines.store.TrackIds;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * The embedded store answers a range of {@code _id} (and an {@code $or} of ranges) by walking the
 * index, as MongoDB does, with MongoDB's answers; before, any range scanned the whole collection.
 */
class OrderedUniqueIndexTest {

    @Test
    void a_range_of_ids_is_a_walk_along_the_index_and_other_queries_are_left_to_it_as_before() {
        MVStore store = MVStore.open(null);
        try {
            MVMap<KeyValue, Object> map = store.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            OrderedUniqueIndex index = new OrderedUniqueIndex(map, "_id_", List.of(new IndexKey("_id", true)), false);
            for (String id : List.of("a|1", "a|1|5", "a|2", "ab|1", "b|1")) {
                map.put(new KeyValue(id), id);
            }
            de.bwaldvogel.mongo.bson.Document range = query("_id", new de.bwaldvogel.mongo.bson.Document("$gte", "a|1").append("$lt", "a|1}"));
            assertThat(index.canHandle(range)).isTrue();
            assertThat(index.getPositions(range)).containsExactly("a|1", "a|1|5");

            de.bwaldvogel.mongo.bson.Document or = new de.bwaldvogel.mongo.bson.Document("$or", List.of(range,
                    query("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "b").append("$lte", "b|1"))));
            assertThat(index.canHandle(or)).isTrue();
            assertThat(index.getPositions(or)).containsExactly("a|1", "a|1|5", "b|1");

            assertThat(index.ranges(query("_id", new de.bwaldvogel.mongo.bson.Document("$gte", "a")))).as("one bound").isNull();
            assertThat(index.ranges(query("_id", new de.bwaldvogel.mongo.bson.Document("$gte", "a").append("$lt", 5)))).as("two kinds").isNull();
            assertThat(index.ranges(new de.bwaldvogel.mongo.bson.Document("$or", List.of(range, query("key", "a")))))
                    .as("a branch on another field").isNull();
            assertThat(index.getPositions(query("_id", "a|2"))).containsExactly("a|2");
            assertThat(index.getPositions(query("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "a|1").append("$lt", "a|2"))))
                    .as("bounds left out").containsExactly("a|1|5");
            assertThat(index.answersExactly(range)).isTrue();
            assertThat(index.answersExactly(or)).isTrue();
            assertThat(index.answersExactly(query("_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("a|2", "b|1")))))
                    .isTrue();
            assertThat(index.answersExactly(query("_id", new de.bwaldvogel.mongo.bson.Document("$in",
                    List.of("a|2", java.util.regex.Pattern.compile("^b")))))).as("a pattern matches more than equal keys").isFalse();
            assertThat(index.answersExactly(new de.bwaldvogel.mongo.bson.Document(range).append("key", "a")))
                    .as("another field").isFalse();

            // The filters the sink and the track API send, as the store receives them.
            de.bwaldvogel.mongo.bson.Document segments = received(TrackIds.anyOf(List.of("a|1", "b|1")));
            assertThat(index.canHandle(segments)).isTrue();
            assertThat(index.getPositions(segments)).containsExactly("a|1", "a|1|5", "b|1");
            de.bwaldvogel.mongo.bson.Document track = received(TrackIds.buckets("a", 1, 2));
            assertThat(index.ranges(track)).isNotNull();
            assertThat(index.getPositions(track)).containsExactly("a|1", "a|1|5", "a|2");
        } finally {
            store.close();
        }
    }

    @Test
    void ranges_on_the_store_answer_as_mongodb_does() throws Exception {
        try (ScratchStore store = ScratchStore.inMemory()) {
            MongoCollection<Document> tracks = store.database("airlines").getCollection(TrackIds.COLLECTION);
            List<Document> all = new ArrayList<>();
            for (int flight = 0; flight < 300; flight++) {
                for (int bucket = 0; bucket < 4; bucket++) {
                    String id = "f" + flight + "|" + (1_000_000 + bucket * 300);
                    all.add(new Document("_id", id).append("key", "f" + flight));
                    all.add(new Document("_id", id + "|" + (1_000_000 + bucket * 300 + 7)).append("key", "f" + flight));
                }
            }
            all.add(new Document("_id", 1_000_500).append("key", "number"));
            tracks.insertMany(all);

            assertThat(ids(tracks, Filters.and(Filters.gte("_id", "f7|1000300"), Filters.lt("_id", "f7|1000600}"))))
                    .containsExactly("f7|1000300", "f7|1000300|1000307", "f7|1000600", "f7|1000600|1000607");
            assertThat(ids(tracks, Filters.and(Filters.gte("_id", "f7|1000300"), Filters.lte("_id", "f7|1000600"),
                    Filters.eq("key", "f7")))).as("inclusive bound, next to another field")
                    .containsExactly("f7|1000300", "f7|1000300|1000307", "f7|1000600");
            assertThat(ids(tracks, Filters.or(Filters.and(Filters.gte("_id", "f1|1000000"), Filters.lt("_id", "f1|1000000}")),
                    Filters.and(Filters.gte("_id", "f299|1000900"), Filters.lt("_id", "f299|1000900}")))))
                    .containsExactlyInAnyOrder("f1|1000000", "f1|1000000|1000007", "f299|1000900", "f299|1000900|1000907");
            assertThat(ids(tracks, Filters.and(Filters.gt("_id", 1_000_000), Filters.lt("_id", 2_000_000L))))
                    .as("numbers, and no string among them").containsExactly(1_000_500);
            assertThat(tracks.countDocuments(Filters.and(Filters.gte("_id", "g"), Filters.lt("_id", "h")))).isZero();
            // Written out: Filters.and renders an $and, which the index does not answer.
            assertThat(ids(tracks, new Document("_id", new Document("$gt", "f7|1000300").append("$lt", "f7|1000600"))))
                    .as("bounds left out, as the documents are not matched again").containsExactly("f7|1000300|1000307");
            assertThat(ids(tracks, Filters.in("_id", "f8|1000000", "f9|1000300|1000307", "nothing", 1_000_500)))
                    .containsExactlyInAnyOrder("f8|1000000", "f9|1000300|1000307", 1_000_500);
            tracks.deleteMany(Filters.and(Filters.gte("_id", "f7|"), Filters.lt("_id", "f7}")));
            assertThat(tracks.countDocuments(Filters.eq("key", "f7"))).isZero();
            assertThat(tracks.countDocuments()).isEqualTo(all.size() - 8);
        }
    }

    /** A driver filter as the server's query document, the form the index is asked with. */
    private static de.bwaldvogel.mongo.bson.Document received(Bson filter) {
        return (de.bwaldvogel.mongo.bson.Document) serverValue(filter.toBsonDocument());
    }

    private static Object serverValue(BsonValue value) {
        if (value instanceof BsonDocument d) {
            de.bwaldvogel.mongo.bson.Document out = new de.bwaldvogel.mongo.bson.Document();
            d.forEach((k, v) -> out.put(k, serverValue(v)));
            return out;
        }
        if (value instanceof BsonArray a) {
            return a.stream().map(OrderedUniqueIndexTest::serverValue).toList();
        }
        return value.isString() ? value.asString().getValue() : value.asNumber().longValue();
    }

    private static de.bwaldvogel.mongo.bson.Document query(String field, Object condition) {
        return new de.bwaldvogel.mongo.bson.Document(field, condition);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
        List<Object> ids = new ArrayList<>();
        Consumer<Document> add = d -> ids.add(d.get("_id"));
        collection.find(filter).forEach(add);
        return ids;
    }
}
