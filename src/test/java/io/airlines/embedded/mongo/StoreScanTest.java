package io.airlines.embedded.mongo;

import java.net.InetSocketAddress;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A find that scans a collection is answered batch by batch, as MongoDB answers it. */
class StoreScanTest {

    private static final int DOCUMENTS = 3_000;

    @TempDir
    Path dir;

    private H2Backend backend;
    private WireServer server;
    private MongoClient client;
    private MongoCollection<Document> points;

    @BeforeEach
    void start() {
        backend = EmbeddedMongoStore.openBackend(dir.resolve("store.mv"));
        server = new WireServer(backend, new InetSocketAddress("127.0.0.1", 0));
        client = MongoClients.create("mongodb://127.0.0.1:" + server.port());
        points = client.getDatabase("airlines").getCollection("tracks");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            documents.add(new Document("_id", id(i)).append("n", i).append("odd", i % 2 == 1).append("pad", "x".repeat(200)));
        }
        points.insertMany(documents);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String id(int i) {
        return String.format("p%06d", i);
    }

    @Test
    void a_find_without_a_batch_size_gets_mongodbs_first_batch_then_the_rest_once_each_in_id_order() {
        try (MongoCursor<Document> cursor = points.find().cursor()) {
            assertThat(cursor.hasNext()).isTrue();
            assertThat(cursor.available()).isEqualTo(ScanCursor.FIRST_BATCH);
            List<String> ids = new ArrayList<>();
            cursor.forEachRemaining(d -> ids.add(d.getString("_id")));
            assertThat(ids).containsExactlyElementsOf(IntStream.range(0, DOCUMENTS).mapToObj(StoreScanTest::id).toList());
        }
    }

    @Test
    void filter_projection_skip_and_limit_hold_across_batches() {
        List<Document> found = points.find(Filters.eq("odd", true)).projection(Projections.include("n"))
                .skip(10).limit(250).batchSize(40).into(new ArrayList<>());

        assertThat(found).extracting(d -> d.getInteger("n"))
                .containsExactlyElementsOf(IntStream.range(0, DOCUMENTS).filter(i -> i % 2 == 1).skip(10).limit(250)
                        .boxed().toList());
        assertThat(found).allSatisfy(d -> assertThat(d.keySet()).containsExactly("_id", "n"));
    }

    @Test
    void each_batch_is_read_when_asked_for_so_the_server_holds_no_answer_in_memory() {
        try (MongoCursor<Document> cursor = points.find().batchSize(100).cursor()) {
            assertThat(cursor.next().getString("_id")).isEqualTo(id(0));
            // Written after the find began, beyond its first batch: read in the state the next batches find.
            points.updateOne(Filters.eq("_id", id(2_500)), new Document("$set", new Document("n", -1)));
            points.insertOne(new Document("_id", id(DOCUMENTS)).append("n", DOCUMENTS));
            List<Document> rest = new ArrayList<>();
            cursor.forEachRemaining(rest::add);

            assertThat(rest).hasSize(DOCUMENTS);
            assertThat(rest.get(2_499).getInteger("n")).isEqualTo(-1);
            assertThat(rest.get(DOCUMENTS - 1).getString("_id")).isEqualTo(id(DOCUMENTS));
        }
    }

    @Test
    void an_aggregation_reads_the_documents_as_it_goes_not_a_copy_made_first() {
        var collection = backend.resolveDatabase("airlines").resolveCollection("tracks", true);
        var documents = collection.queryAllAsStream();
        // Written after the stream was asked for and before it was read: seen, since nothing was read ahead.
        points.insertOne(new Document("_id", id(DOCUMENTS)).append("n", DOCUMENTS));

        assertThat(documents.count()).isEqualTo(DOCUMENTS + 1);
        assertThat(points.countDocuments(Filters.eq("odd", true))).isEqualTo(DOCUMENTS / 2);
        assertThat(points.aggregate(List.of(new Document("$match", new Document("n", new Document("$lt", 10))),
                new Document("$group", new Document("_id", null).append("sum", new Document("$sum", "$n")))))
                .first().getInteger("sum")).isEqualTo(45);
    }

    @Test
    void a_batch_ends_after_about_four_megabytes_of_documents() {
        String large = "y".repeat(100_000);
        MongoCollection<Document> blobs = client.getDatabase("airlines").getCollection("blobs");
        for (int i = 0; i < 100; i++) {
            blobs.insertOne(new Document("_id", i).append("blob", large));
        }
        try (MongoCursor<Document> cursor = blobs.find().batchSize(1_000).cursor()) {
            assertThat(cursor.hasNext()).isTrue();
            assertThat(cursor.available()).isBetween(40, 43);
            int read = 0;
            while (cursor.hasNext()) {
                cursor.next();
                read++;
            }
            assertThat(read).isEqualTo(100);
        }
    }

    @Test
    void a_single_batch_a_sort_and_an_id_range_are_answered_as_before() {
        assertThat(points.find().limit(-5).into(new ArrayList<>())).extracting(d -> d.getInteger("n"))
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(points.find().sort(Sorts.descending("n")).limit(3).into(new ArrayList<>()))
                .extracting(d -> d.getInteger("n")).containsExactly(DOCUMENTS - 1, DOCUMENTS - 2, DOCUMENTS - 3);
        assertThat(points.find(Filters.and(Filters.gte("_id", id(100)), Filters.lt("_id", id(103)))).into(new ArrayList<>()))
                .extracting(d -> d.getInteger("n")).containsExactly(100, 101, 102);
        assertThat(points.find(Filters.eq("n", -7)).into(new ArrayList<>())).isEmpty();
        assertThat(client.getDatabase("airlines").getCollection("missing").find().into(new ArrayList<>())).isEmpty();
    }
}
