package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store counts what it writes to its file, pages rewritten included, which its size alone hides. */
class StoreWrittenBytesTest {

    private static final int DOCUMENTS = 500;
    private static final int PAYLOAD = 2_000;

    @TempDir
    Path dir;

    @Test
    void every_commit_adds_the_pages_it_wrote_and_rewrites_count_again() {
        withCollection("written", (backend, collection) -> {
            Random random = new Random(11);
            long opened = backend.writtenBytes();
            collection.insertMany(documents(random));
            long inserted = backend.writtenBytes() - opened;
            // Random payloads do not compress: the file received at least every document once.
            assertThat(inserted).isGreaterThanOrEqualTo((long) DOCUMENTS * PAYLOAD);

            for (int round = 0; round < 3; round++) {
                for (Document d : documents(random)) {
                    collection.replaceOne(Filters.eq("_id", d.get("_id")), d);
                }
            }
            assertThat(backend.writtenBytes() - opened - inserted).isGreaterThanOrEqualTo(3L * DOCUMENTS * PAYLOAD);
        });
    }

    /**
     * New track segments go to the end of the data map whatever their {@code _id}: a write of documents
     * whose ids fall between those of every stored one (a track segment per flight) rewrites the
     * pages at the end and the {@code _id} index, not every page of the collection.
     */
    @Test
    void inserts_spread_over_the_id_range_rewrite_only_the_pages_they_add() {
        withCollection("positions", (backend, collection) -> {
            Random random = new Random(5);
            List<Document> stored = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                stored.add(segment(String.format("flight%05d|1", i), random));
            }
            long before = backend.writtenBytes();
            collection.insertMany(stored);
            long collection20k = backend.writtenBytes() - before;

            List<Document> next = new ArrayList<>();
            for (int i = 0; i < 20_000; i += 40) {
                next.add(segment(String.format("flight%05d|2", i), random));
            }
            before = backend.writtenBytes();
            collection.insertMany(next);
            long spread = backend.writtenBytes() - before;

            assertThat(collection.countDocuments()).isEqualTo(20_500);
            // Keyed by _id, the 500 documents landed on nearly every page: about the whole collection again.
            assertThat(spread).as("bytes written for 500 documents spread over 20,000").isLessThan(collection20k / 5);
        });
    }

    private static Document segment(String id, Random random) {
        byte[] payload = new byte[1_000];
        random.nextBytes(payload);
        return new Document("_id", id).append("payload", new Binary(payload));
    }

    @Test
    void a_store_in_memory_writes_nothing() {
        DurableH2Backend backend = (DurableH2Backend) EmbeddedMongoStore.openBackend(null);
        assertThat(backend.writtenBytes()).isZero();
        backend.close();
    }

    /** Runs {@code work} on a collection of a store in a file, with the backend that counts its writes. */
    private void withCollection(String name, BiConsumer<DurableH2Backend, MongoCollection<Document>> work) {
        StoreFiles.withDatabase(dir.resolve("store.mv"), (backend, db) -> work.accept(backend, db.getCollection(name)));
    }

    private static List<Document> documents(Random random) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            byte[] payload = new byte[PAYLOAD];
            random.nextBytes(payload);
            documents.add(new Document("_id", i).append("payload", new Binary(payload)));
        }
        return documents;
    }
}
